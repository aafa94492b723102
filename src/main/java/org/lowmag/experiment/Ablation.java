package org.lowmag.experiment;

import java.util.List;
import org.lowmag.distill.ResizeMode;

/**
 * The resize ablation (paper Supplementary Figure 1): a KD student per magnification and resize
 * mode {@code g}, distilled on the same splits as the KD arm.
 *
 * @param mags the student magnifications (empty: no ablation)
 * @param resize the resize modes compared
 * @param epochs epochs of each ablation run
 */
public record Ablation(List<Double> mags, List<ResizeMode> resize, int epochs) {

    /** Copies and validates. */
    public Ablation {
        mags = List.copyOf(mags);
        resize = List.copyOf(resize);
        if (!mags.isEmpty() && resize.isEmpty()) {
            throw new IllegalArgumentException("ablation.resize: list at least one resize mode");
        }
        if (resize.size() != resize.stream().distinct().count()) {
            throw new IllegalArgumentException("ablation.resize: " + resize + " repeats a mode");
        }
        if (epochs < 1) {
            throw new IllegalArgumentException(
                    "epochs.ablation: must be at least 1, got " + epochs);
        }
    }

    /**
     * @return no ablation
     */
    public static Ablation none() {
        return new Ablation(List.of(), List.of(), 1);
    }

    /**
     * @return whether any ablation run is asked for
     */
    public boolean enabled() {
        return !mags.isEmpty();
    }
}
