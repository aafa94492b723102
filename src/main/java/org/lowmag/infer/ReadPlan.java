package org.lowmag.infer;

import java.util.List;
import org.lowmag.slide.Magnification;
import org.lowmag.slide.ScanMagnification;
import org.lowmag.slide.SlideMetadata;
import org.lowmag.tissue.TissueBox;
import org.lowmag.util.LowMagException;

/**
 * How a slide is read at a model's magnification.
 *
 * <pre>
 *   d             = slideMagnification / modelMagnification     (level-0 pixels per model pixel)
 *   level         = the coarsest level l with downsample_l &lt;= d (1 + TOLERANCE)
 *   lanczosFactor = d / downsample_l                             (Lanczos-3 resampling after the read)
 * </pre>
 *
 * The chosen level is read at its own downsample (no area averaging by the reader), and the
 * remaining factor is resampled with Lanczos-3, as the model's training images were. A slide whose
 * magnification is below the model's by more than {@link #TOLERANCE} is refused (LowMag never
 * upsamples); within the tolerance {@code d} is taken as 1.
 *
 * @param slideMagnification magnification of the slide's level 0
 * @param magnificationSource where it came from ({@code --source-mag}, {@code slide um/px}, ...)
 * @param modelMagnification the model's magnification
 * @param downsample {@code d}, at least 1
 * @param level the pyramid level read
 * @param levelDownsample that level's downsample relative to level 0
 */
public record ReadPlan(
        double slideMagnification,
        String magnificationSource,
        double modelMagnification,
        double downsample,
        int level,
        double levelDownsample) {

    /** Relative slack when comparing magnifications and level downsamples (1%). */
    public static final double TOLERANCE = 0.01;

    /** Validates. */
    public ReadPlan {
        if (!(downsample >= 1) || !(levelDownsample >= 1) || level < 0) {
            throw new IllegalArgumentException(
                    "bad read plan: downsample "
                            + downsample
                            + ", level "
                            + level
                            + " at "
                            + levelDownsample);
        }
    }

    /**
     * Plans the read of a slide for a model.
     *
     * @param meta the slide
     * @param slideMag the slide's level-0 magnification
     * @param modelMag the model's magnification
     * @return the plan
     * @throws LowMagException when the slide's magnification is below the model's
     */
    public static ReadPlan of(SlideMetadata meta, ScanMagnification slideMag, double modelMag) {
        double d = slideMag.magnification() / modelMag;
        if (d < 1 / (1 + TOLERANCE)) {
            throw new LowMagException(
                    meta.path()
                            + " is at "
                            + Magnification.formatShort(slideMag.magnification())
                            + "x ("
                            + slideMag.source().label()
                            + ") but the model works at "
                            + Magnification.formatShort(modelMag)
                            + "x: the slide cannot provide the model's magnification (LowMag"
                            + " never upsamples); use a model trained at "
                            + Magnification.formatShort(slideMag.magnification())
                            + "x or lower, or a higher-magnification scan");
        }
        d = Math.max(1.0, d);
        int level = chooseLevel(meta.downsamples(), d);
        return new ReadPlan(
                slideMag.magnification(),
                slideMag.source().label(),
                modelMag,
                d,
                level,
                meta.downsamples().get(level));
    }

    /**
     * @param downsamples level downsamples, finest first
     * @param downsample the wanted downsample
     * @return the coarsest level whose downsample is at most {@code downsample (1 + TOLERANCE)}
     */
    static int chooseLevel(List<Double> downsamples, double downsample) {
        int best = 0;
        for (int i = 1; i < downsamples.size(); i++) {
            if (downsamples.get(i) <= downsample * (1 + TOLERANCE)
                    && downsamples.get(i) > downsamples.get(best)) {
                best = i;
            }
        }
        return best;
    }

    /**
     * @return the factor left for Lanczos after reading the level: {@code d / downsample_level}
     */
    public double lanczosFactor() {
        return downsample / levelDownsample;
    }

    /**
     * @return whether the level is already at the model's magnification (no resampling)
     */
    public boolean levelIsExact() {
        return Math.abs(lanczosFactor() - 1) < 1e-9;
    }

    /**
     * @param box a tissue box in level-0 pixels
     * @return about how many pixels it has at the model's magnification: {@code (w / d) (h / d)}
     */
    public long modelPixels(TissueBox box) {
        return Math.max(1, Math.round(box.width() / downsample * (box.height() / downsample)));
    }
}
