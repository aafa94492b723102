package org.lowmag.cli;

import org.lowmag.train.ActivationCheckpointing;
import picocli.CommandLine.Option;

/** The activation-checkpointing flag of train and distill (a picocli mixin). */
final class CheckpointOptions {

    @Option(
            names = "--checkpoint-activations",
            defaultValue = "auto",
            paramLabel = "auto|on|off",
            description =
                    "Activation checkpointing: keep only the inputs of the network's segments in"
                            + " the forward pass and recompute each segment in the backward pass."
                            + " The same gradients with much less memory (an 8192x8192 tissue"
                            + " trains within 16 GiB), for about one extra forward pass. auto:"
                            + " only for forward passes of more than 4096x4096 pixels (default:"
                            + " ${DEFAULT-VALUE}).")
    String mode;

    ActivationCheckpointing toSetting() {
        return ActivationCheckpointing.fromFlag(mode);
    }
}
