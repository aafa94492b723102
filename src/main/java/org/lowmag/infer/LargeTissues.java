package org.lowmag.infer;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.lowmag.tissue.TissueBox;
import org.lowmag.util.LowMagException;

/**
 * What {@code predict} does with a tissue larger than one forward pass may take: at most {@code
 * maxTissuePx} pixels at the model's magnification go through the network in one pass. A larger
 * tissue is refused (the slide fails with a message naming the tissue, its size and the flags)
 * unless {@code tile}: then it is cut into tiles of at most {@code maxTissuePx} pixels whose logits
 * are pooled ({@link TiledInference}). A tissue within the limit runs whole either way.
 *
 * <p>The default limit, {@link #DEFAULT_MAX_TISSUE_PX} = 2^23 px (a 2,896 x 2,896 px tissue), keeps
 * one forward pass of the {@code paper} network within about 1 GiB: a pass needs about {@link
 * #BYTES_PER_PX} = 128 bytes per tissue pixel (measured with {@code InferenceMemoryBench}, peak
 * resident set over the model's: 125 B/px at 2048 x 2048, 126 at 2896 x 2896, 124 at 5792 x 5792;
 * the README's 8 GiB for 8192 x 8192 is 128), so 2^23 px x 128 B = 1 GiB.
 *
 * @param maxTissuePx most pixels of a tissue (at the model's magnification) in one forward pass, at
 *     least {@link #MIN_MAX_TISSUE_PX}
 * @param tile whether a larger tissue is tiled (else it is refused)
 */
public record LargeTissues(long maxTissuePx, boolean tile) {

    /** The default {@code --max-tissue-px}: 2^23 px, about 1 GiB for one forward pass. */
    public static final long DEFAULT_MAX_TISSUE_PX = 1L << 23;

    /** Memory of one forward pass of the {@code paper} network per tissue pixel, about. */
    public static final double BYTES_PER_PX = 128;

    /** The smallest limit: one 32 x 32 px cell of the network's stride. */
    public static final long MIN_MAX_TISSUE_PX = 32 * 32;

    /** Validates. */
    public LargeTissues {
        if (maxTissuePx < MIN_MAX_TISSUE_PX) {
            throw new IllegalArgumentException(
                    "--max-tissue-px must be at least "
                            + MIN_MAX_TISSUE_PX
                            + " (32 x 32 px), got "
                            + maxTissuePx);
        }
    }

    /**
     * @return the default: tissues over {@link #DEFAULT_MAX_TISSUE_PX} are refused
     */
    public static LargeTissues defaults() {
        return new LargeTissues(DEFAULT_MAX_TISSUE_PX, false);
    }

    /**
     * Refuses the slide when, without tiling, one of its tissues is over the limit. Checked before
     * any tissue is read, from the boxes' sizes at the model's magnification.
     *
     * @param slide the slide
     * @param boxes its tissues
     * @param plan its read plan
     * @throws LowMagException naming the first tissue over the limit
     */
    public void check(Path slide, List<TissueBox> boxes, ReadPlan plan) {
        if (tile) {
            return;
        }
        for (TissueBox box : boxes) {
            long px = plan.modelPixels(box);
            if (px > maxTissuePx) {
                throw new LowMagException(
                        String.format(
                                Locale.ROOT,
                                "%s: tissue %d is about %d x %d px (%d px) at the model's %sx,"
                                        + " over --max-tissue-px %d (one forward pass of that"
                                        + " size needs about %.0f MiB): give"
                                        + " --tile-large-tissues to classify it in tiles of at"
                                        + " most %d px with pooled logits, or a larger"
                                        + " --max-tissue-px if the memory allows",
                                slide,
                                box.id(),
                                Math.round(box.width() / plan.downsample()),
                                Math.round(box.height() / plan.downsample()),
                                px,
                                plan.modelMagnification(),
                                maxTissuePx,
                                px * BYTES_PER_PX / (1 << 20),
                                maxTissuePx));
            }
        }
    }
}
