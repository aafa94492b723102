package org.lowmag.tissue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import org.lowmag.slide.SlideMetadata;
import org.lowmag.slide.SlideReader;

/**
 * Tissue found on a whole slide, with the overview it was found on. A slide whose level 0 fits in
 * the analysis size {@code S} (2,048 px by default) is analysed on level 0, as tissueloc does. On a
 * larger slide the overview is the cheapest adequate one: the <em>smallest</em> pyramid level whose
 * longer side lies in {@code [ceil(S / 5), S]}, as it is, else the thumbnail with longer side
 * {@code S}. On a scanner's pyramid (downsample 4 between levels) that reaches below {@code S / 5}
 * the range always holds a level and the one taken is under {@code 4 S / 5} px: a 30,000 px slide
 * is analysed on its 469 px level, not its 1,875 px one (16 times fewer pixels to decode and
 * smooth). (Before December 2026 the largest level in {@code [ceil(S / 4), S]} was taken, and only
 * a level under half the overview it replaces had its sigma scaled.) A level smaller than the
 * overview it replaces ({@code min(S, slideSide)} px) is smoothed with a proportionally smaller
 * sigma,
 *
 * <pre>
 *   sigma' = sigma * side / min(S, slideSide)    (side = the level's longer side)
 * </pre>
 *
 * so that the smoothing covers the same slide area as on that overview.
 *
 * <p>Why {@code S / 5} is adequate ({@code benchmarks/fullsize/OverviewScaleIoU.java}): tissueloc's
 * three real reference overviews (1,916 px), shrunk {@code k} times by area averaging and analysed
 * this way, keep every tissue piece and agree with tissueloc's masks to IoU 0.975-0.988 at {@code k
 * = 5} and 0.979-0.991 at {@code k = 4} (0.9925-0.9995 unshrunk); at {@code k = 8} one piece of
 * five is lost. At {@code k = 2} the scaled sigma gives 0.986-0.995 and the unscaled one
 * 0.961-0.978, with two pieces of five lost, hence the scaling at every level below the overview.
 * On three synthetic 40,000 x 30,000 px slides, masks from their 625 px level agree with those of
 * the 2,048 px thumbnail to IoU 0.989-0.995 (without the sigma scaling 0.95). The masks, outlines
 * and heatmaps of {@code predict} and {@code tissue} are drawn at the overview's size. Slides
 * larger than {@code S} with no level in the range (a single-level image) are analysed on the
 * thumbnail.
 *
 * @param overview the image analysed, RGB
 * @param detection what was found on it, in level-0 pixels
 */
public record SlideTissue(BufferedImage overview, TissueDetection detection) {

    /** The smallest adequate level is at least {@code 1 / FLOOR_DIVISOR} of the analysis size. */
    static final int FLOOR_DIVISOR = 5;

    /**
     * Finds the tissue on a slide.
     *
     * @param reader the open slide
     * @param params the detection parameters; their analysis size is {@code S}
     * @return the overview and the detection
     * @throws IOException when the slide cannot be read
     */
    public static SlideTissue find(SlideReader reader, TissueParams params) throws IOException {
        return find(reader, reader.metadata(), params);
    }

    /**
     * Finds the tissue on a slide whose um/px may come from elsewhere than the file (a user's
     * {@code --source-mpp}, a slide list).
     *
     * @param reader the open slide
     * @param m its metadata, with the um/px the tissue areas are given in
     * @param params the detection parameters; their analysis size is {@code S}
     * @return the overview and the detection
     * @throws IOException when the slide cannot be read
     */
    public static SlideTissue find(SlideReader reader, SlideMetadata m, TissueParams params)
            throws IOException {
        int maxSide = params.analysisMaxSidePx();
        BufferedImage overview = overview(reader, m, maxSide);
        int side = Math.max(overview.getWidth(), overview.getHeight());
        long full = Math.min(maxSide, Math.max(m.widthPx(), m.heightPx()));
        TissueParams used =
                side < full
                        ? params.withSmoothSigmaPx(params.smoothSigmaPx() * side / full)
                        : params;
        TissueDetection d =
                new TissueDetector(used)
                        .detect(overview, m.widthPx(), m.heightPx(), m.mppX(), m.mppY());
        return new SlideTissue(overview, d);
    }

    /**
     * The overview tissue is found on: level 0 when it fits in {@code S}; else the smallest level
     * whose longer side lies in {@code [ceil(S / 5), S]}, as it is; else the thumbnail of longer
     * side {@code S}.
     *
     * @param reader the open slide
     * @param m its metadata
     * @param maxSidePx the analysis size {@code S}
     * @return the overview, RGB
     * @throws IOException when the slide cannot be read
     */
    static BufferedImage overview(SlideReader reader, SlideMetadata m, int maxSidePx)
            throws IOException {
        long slideSide = Math.max(m.widthPx(), m.heightPx());
        if (slideSide <= maxSidePx) { // level 0 as it is, as tissueloc does
            return reader.overview((int) slideSide, (int) slideSide);
        }
        long floor = (maxSidePx + FLOOR_DIVISOR - 1) / FLOOR_DIVISOR;
        long best = 0;
        for (int level = 0; level < m.levelCount(); level++) {
            long side = Math.max(m.levelWidthsPx().get(level), m.levelHeightsPx().get(level));
            if (side >= floor && side <= maxSidePx && (best == 0 || side < best)) {
                best = side;
            }
        }
        // overview(side, side) reads exactly that level, as it is
        return best > 0 ? reader.overview((int) best, (int) best) : reader.thumbnail(maxSidePx);
    }
}
