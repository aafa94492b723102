package org.lowmag.cli;

import org.lowmag.model.Engines;
import picocli.CommandLine.Option;

/**
 * {@code --device}, the flag of every command that runs a network (a picocli mixin): train,
 * distill, finetune (through {@link RunOptions}), evaluate, predict, experiment and demo.
 */
final class DeviceOption {

    @Option(
            names = "--device",
            defaultValue = "cpu",
            description =
                    "cpu or gpu (default: ${DEFAULT-VALUE}); gpu needs a CUDA build of libtorch"
                            + " 2.7.1 (README: GPU).")
    String device;

    /** Selects the device (a usage error when it is unknown or no GPU is available). */
    void apply() {
        try {
            Engines.useDevice(device);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage(), e);
        }
    }
}
