package org.lowmag.train;

import java.util.Locale;

/**
 * Settings of the optimisation loop shared by training, distillation and fine-tuning. Defaults are
 * the paper's and the authors' code's.
 *
 * @param epochs passes over the training tissues (paper: 100)
 * @param accumulate tissues whose gradients are accumulated before each optimiser step (32)
 * @param learningRate Adam's learning rate (1e-3)
 * @param weightDecay L2 penalty added to gradients, as PyTorch's Adam (1e-4)
 * @param lrGamma exponential decay per epoch: {@code lr_e = learningRate * lrGamma^e} (1.0 = none)
 * @param seed seed of every random choice (order, augmentation, initialisation)
 * @param select what picks the model kept as {@code model/best}: the validation metric {@code
 *     val_accuracy}, {@code val_f1} or {@code val_loss} (the best epoch), or {@code last} (the last
 *     epoch, what a run without a validation split keeps; immune to choosing on a small noisy
 *     validation set)
 * @param patience stop after this many epochs without improvement of {@code select} (0 = never)
 * @param checkpointMinutes also checkpoint inside an epoch at most this often (0 = epoch ends only)
 * @param maxBatchPixels most pixels in one forward pass when same-size tissues are grouped (1 = no
 *     grouping; grouping never changes the maths because GroupNorm is per sample)
 * @param maxTissuePixels largest tissue accepted (width x height); a larger one fails with its name
 *     and size rather than exhausting memory
 * @param cacheBytes decoded images kept in memory
 * @param checkpointActivations when forward passes checkpoint their activations (same gradients,
 *     less memory, about a third more time; {@code auto}: passes above {@link
 *     ActivationCheckpointing#AUTO_THRESHOLD_PIXELS} pixels). Absent from the {@code config.json}
 *     of runs made before it existed; null is read as {@code auto}
 */
public record LoopConfig(
        int epochs,
        int accumulate,
        double learningRate,
        double weightDecay,
        double lrGamma,
        long seed,
        String select,
        int patience,
        double checkpointMinutes,
        long maxBatchPixels,
        long maxTissuePixels,
        long cacheBytes,
        ActivationCheckpointing checkpointActivations) {

    /** {@link #select()} value that keeps the last epoch's model. */
    public static final String LAST = "last";

    /** Validates every field, naming the flag of a bad value; a null checkpointing is auto. */
    public LoopConfig {
        if (checkpointActivations == null) {
            checkpointActivations = ActivationCheckpointing.AUTO;
        }
        if (epochs < 1) {
            throw new IllegalArgumentException("--epochs must be at least 1, got " + epochs);
        }
        if (accumulate < 1) {
            throw new IllegalArgumentException(
                    "--accumulate must be at least 1, got " + accumulate);
        }
        if (!(learningRate > 0)) {
            throw new IllegalArgumentException("--lr must be positive, got " + learningRate);
        }
        if (!(weightDecay >= 0)) {
            throw new IllegalArgumentException("--weight-decay must be >= 0, got " + weightDecay);
        }
        if (!(lrGamma > 0 && lrGamma <= 1)) {
            throw new IllegalArgumentException("--lr-gamma must be in (0, 1], got " + lrGamma);
        }
        select = select.toLowerCase(Locale.ROOT);
        if (!select.equals("val_accuracy")
                && !select.equals("val_f1")
                && !select.equals("val_loss")
                && !select.equals(LAST)) {
            throw new IllegalArgumentException(
                    "--select '" + select + "' is not one of val_accuracy, val_f1, val_loss, last");
        }
        if (patience < 0) {
            throw new IllegalArgumentException("--patience must be >= 0, got " + patience);
        }
        if (!(checkpointMinutes >= 0) || Double.isInfinite(checkpointMinutes)) {
            throw new IllegalArgumentException(
                    "--checkpoint-minutes must be >= 0 (0 = only at epoch ends), got "
                            + checkpointMinutes);
        }
        if (maxBatchPixels < 1 || maxTissuePixels < 1 || cacheBytes < 0) {
            throw new IllegalArgumentException("batch, tissue and cache limits must be positive");
        }
    }

    /**
     * @return the paper's settings with seed 0
     */
    public static LoopConfig paperDefaults() {
        return new LoopConfig(
                100,
                32,
                1e-3,
                1e-4,
                1.0,
                0L,
                "val_accuracy",
                0,
                10,
                1L << 20,
                1L << 26,
                4L << 30,
                ActivationCheckpointing.AUTO);
    }

    /**
     * @param pixels pixels of one forward pass (summed over its tissues)
     * @return whether that pass checkpoints its activations
     */
    public boolean checkpoints(long pixels) {
        return checkpointActivations.appliesTo(pixels);
    }

    /**
     * @param epoch zero-based epoch
     * @return the learning rate of that epoch
     */
    public float learningRate(int epoch) {
        return (float) (learningRate * Math.pow(lrGamma, epoch));
    }

    /**
     * @return whether the model kept is the last epoch's rather than the best validation epoch's
     */
    public boolean selectsLast() {
        return select.equals(LAST);
    }

    /**
     * @return whether a larger value of {@link #select()} is better
     */
    public boolean higherIsBetter() {
        if (selectsLast()) {
            throw new IllegalStateException("select 'last' has no metric to compare");
        }
        return !select.equals("val_loss");
    }
}
