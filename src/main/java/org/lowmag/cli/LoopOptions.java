package org.lowmag.cli;

import org.lowmag.train.ActivationCheckpointing;
import org.lowmag.train.LoopConfig;
import picocli.CommandLine.Option;

/** The optimisation flags shared by train, distill and finetune (a picocli mixin). */
final class LoopOptions {

    @Option(
            names = "--epochs",
            defaultValue = "100",
            description = "Epochs (default: ${DEFAULT-VALUE}, the paper's).")
    int epochs;

    @Option(
            names = "--accumulate",
            defaultValue = "32",
            description =
                    "Tissues per optimiser step, one forward pass each (gradient"
                            + " accumulation; default: ${DEFAULT-VALUE}).")
    int accumulate;

    @Option(
            names = "--lr",
            defaultValue = "1e-3",
            description = "Adam learning rate (default: ${DEFAULT-VALUE}).")
    double lr;

    @Option(
            names = "--weight-decay",
            defaultValue = "1e-4",
            description = "L2 weight decay, as PyTorch's Adam (default: ${DEFAULT-VALUE}).")
    double weightDecay;

    @Option(
            names = "--lr-gamma",
            defaultValue = "1.0",
            description = "Exponential learning-rate decay per epoch (default: ${DEFAULT-VALUE}).")
    double lrGamma;

    @Option(
            names = "--seed",
            defaultValue = "0",
            description = "Seed of every random choice (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(
            names = "--select",
            defaultValue = "val_accuracy",
            description =
                    "What chooses the model kept as model/best: the best epoch by the"
                            + " validation metric val_accuracy, val_f1 or val_loss, or 'last'"
                            + " (the last epoch; patience is then ignored) (default:"
                            + " ${DEFAULT-VALUE}).")
    String select;

    @Option(
            names = "--patience",
            defaultValue = "0",
            description = "Stop early after this many epochs without improvement (0 = never).")
    int patience;

    @Option(
            names = "--checkpoint-minutes",
            defaultValue = "10",
            description = "Also checkpoint inside an epoch this often (default: ${DEFAULT-VALUE}).")
    double checkpointMinutes;

    @Option(
            names = "--max-batch-pixels",
            defaultValue = "1048576",
            description =
                    "Most pixels per forward pass when same-size tissues are grouped"
                            + " (1 = one tissue per pass; default: ${DEFAULT-VALUE}).")
    long maxBatchPixels;

    @Option(
            names = "--max-tissue-pixels",
            defaultValue = "67108864",
            description =
                    "Refuse tissues larger than this many pixels (default: ${DEFAULT-VALUE}"
                            + " = 8192x8192).")
    long maxTissuePixels;

    @Option(
            names = "--cache-mb",
            defaultValue = "4096",
            description = "Decoded images kept in memory, MB (default: ${DEFAULT-VALUE}).")
    long cacheMb;

    LoopConfig toConfig() {
        return toConfig(ActivationCheckpointing.AUTO);
    }

    LoopConfig toConfig(ActivationCheckpointing checkpointActivations) {
        return new LoopConfig(
                epochs,
                accumulate,
                lr,
                weightDecay,
                lrGamma,
                seed,
                select,
                patience,
                checkpointMinutes,
                maxBatchPixels,
                maxTissuePixels,
                cacheMb << 20,
                checkpointActivations);
    }
}
