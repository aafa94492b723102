package org.lowmag.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lowmag.arch.Architecture;
import org.lowmag.dataset.InputPadding;
import org.lowmag.dataset.PadTarget;
import org.lowmag.dataset.Padder;

/**
 * What a saved model is, written as {@code model.json} beside its weights.
 *
 * @param formatVersion version of this file's layout (currently 1)
 * @param architecture architecture name (see {@link Architecture#byName})
 * @param classes class names, in the order of the logits
 * @param magnification the magnification the model was trained at (10x = 1 um/px)
 * @param normalization input standardisation from the training split
 * @param role what produced it: {@code teacher}, {@code baseline}, {@code student}, {@code
 *     finetuned} or {@code untrained}
 * @param seed the run's random seed
 * @param config the complete configuration of the run that produced it
 * @param provenance versions, commit and date (see {@link org.lowmag.util.Provenance})
 */
public record ModelInfo(
        int formatVersion,
        String architecture,
        List<String> classes,
        double magnification,
        Normalization normalization,
        String role,
        long seed,
        Map<String, Object> config,
        Map<String, Object> provenance) {

    /** Key of {@link #padding()} in {@link #config()}. */
    public static final String PADDING_KEY = "padding";

    /** Key of the padding target in {@link #config()} ({@link PadTarget}). */
    public static final String PAD_TO_KEY = "pad_to";

    /** Current layout version. */
    public static final int FORMAT_VERSION = 1;

    /** Validates and copies. */
    public ModelInfo {
        classes = classes == null ? null : List.copyOf(classes);
        config =
                config == null
                        ? Map.of()
                        : Collections.unmodifiableMap(new LinkedHashMap<>(config));
        provenance =
                provenance == null
                        ? Map.of()
                        : Collections.unmodifiableMap(new LinkedHashMap<>(provenance));
    }

    /**
     * Checks that every field a model needs is present and sensible.
     *
     * @param where the folder, for the message
     * @throws IllegalStateException naming what is missing or wrong
     */
    public void validate(String where) {
        if (formatVersion != FORMAT_VERSION) {
            throw new IllegalStateException(
                    where
                            + ": model.json format_version "
                            + formatVersion
                            + " is not supported by this LowMag (expects "
                            + FORMAT_VERSION
                            + ")");
        }
        if (architecture == null) {
            throw new IllegalStateException(where + ": model.json has no 'architecture'");
        }
        Architecture.byName(architecture);
        if (classes == null || classes.size() < 2) {
            throw new IllegalStateException(
                    where + ": model.json needs 'classes' with at least 2 names, got " + classes);
        }
        if (!(magnification > 0)) {
            throw new IllegalStateException(
                    where + ": model.json needs a positive 'magnification', got " + magnification);
        }
        if (normalization == null) {
            throw new IllegalStateException(where + ": model.json has no 'normalization'");
        }
    }

    /**
     * How the model pads inputs smaller than its total stride: the {@code padding} of the run's
     * configuration; models saved before that setting existed were trained with {@link
     * InputPadding#WHITE}.
     *
     * @return the padding
     */
    public InputPadding padding() {
        Object p = config.get(PADDING_KEY);
        return p == null ? InputPadding.WHITE : InputPadding.parse(p.toString());
    }

    /**
     * @return whether every side is padded to a multiple of the total stride ({@code pad_to:
     *     multiple} in the run's configuration) rather than only up to it ({@code stride}, also
     *     what models saved before the setting existed did)
     */
    public boolean padsToMultiple() {
        Object p = config.get(PAD_TO_KEY);
        return p != null && PadTarget.parse(p.toString()) == PadTarget.MULTIPLE;
    }

    /**
     * @return the padder of this model's inputs (its padding, total stride and mean colour)
     */
    public Padder padder() {
        double[] mean = normalization.mean().stream().mapToDouble(Double::doubleValue).toArray();
        return new Padder(
                padding(), arch().totalStride(), padsToMultiple(), InputPadding.meanFill(mean));
    }

    /**
     * @return the architecture
     */
    public Architecture arch() {
        return Architecture.byName(architecture);
    }
}
