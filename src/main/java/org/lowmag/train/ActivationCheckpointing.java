package org.lowmag.train;

import com.google.gson.annotations.SerializedName;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * When training checkpoints activations (see {@link org.lowmag.model.TrainingPass}): keeping only
 * the inputs of the network's segments and recomputing each segment during the backward pass costs
 * one extra forward pass (about a third more time per step) and saves most of the memory of large
 * tissues; the gradients are the same.
 */
public enum ActivationCheckpointing {
    /** Only for forward passes of more than {@link #AUTO_THRESHOLD_PIXELS} pixels (the default). */
    @SerializedName("auto")
    AUTO("auto"),
    /** Always. */
    @SerializedName("on")
    ON("on"),
    /** Never. */
    @SerializedName("off")
    OFF("off");

    /**
     * Pixels of one forward pass (tissues x width x height) above which {@link #AUTO} checkpoints:
     * 4096 x 4096. Measured on the {@code paper} network (peak resident memory of a training step
     * on one square tissue, 2 cores): ordinary training needs about 2.1 GiB at 2048 px and 6.6 GiB
     * at 4096 px, and would need about 24 GiB at 8192 px; checkpointed, 4.2 GiB at 4096 px and 14.5
     * GiB at 8192 px, for about a third more time per step. Above this threshold ordinary training
     * would soon outgrow a 16 GiB machine; below it, it keeps its speed.
     */
    public static final long AUTO_THRESHOLD_PIXELS = 4096L * 4096;

    private final String flag;

    ActivationCheckpointing(String flag) {
        this.flag = flag;
    }

    /**
     * @return the flag spelling: {@code auto}, {@code on} or {@code off}
     */
    public String flag() {
        return flag;
    }

    /**
     * @param pixels pixels of one forward pass (summed over its tissues)
     * @return whether that pass checkpoints its activations
     */
    public boolean appliesTo(long pixels) {
        return switch (this) {
            case ON -> true;
            case OFF -> false;
            case AUTO -> pixels > AUTO_THRESHOLD_PIXELS;
        };
    }

    /**
     * Parses a flag value.
     *
     * @param flag {@code auto}, {@code on} or {@code off} (case-insensitive)
     * @return the setting
     * @throws IllegalArgumentException naming the bad value and the allowed ones
     */
    public static ActivationCheckpointing fromFlag(String flag) {
        for (ActivationCheckpointing c : values()) {
            if (c.flag.equals(flag.strip().toLowerCase(Locale.ROOT))) {
                return c;
            }
        }
        throw new IllegalArgumentException(
                "--checkpoint-activations '"
                        + flag
                        + "' is not one of "
                        + Arrays.stream(values())
                                .map(ActivationCheckpointing::flag)
                                .collect(Collectors.joining(", ")));
    }

    @Override
    public String toString() {
        return flag;
    }
}
