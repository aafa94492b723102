package org.lowmag.tissue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import org.lowmag.slide.SlideMetadata;
import org.lowmag.slide.SlideReader;

/**
 * Tissue found on a whole slide, with the overview it was found on. The overview is the cheapest
 * adequate one ({@link SlideReader#overview(int, int)} with floor {@code ceil(S / 4)}, {@code S}
 * the analysis size): a pyramid level as it is when one's longer side lies in {@code [S / 4, S]},
 * else the thumbnail with longer side {@code S} (as before). A level smaller than half the {@code
 * S}-pixel overview it replaces is smoothed with a proportionally smaller sigma,
 *
 * <pre>
 *   sigma' = sigma * side / min(S, slideSide)    (side = the level's longer side)
 * </pre>
 *
 * so that the smoothing covers the same slide area as on that overview (on three synthetic 40,000 x
 * 30,000 px slides, masks from their 625 px level agree with those of the 2,048 px thumbnail to IoU
 * 0.989-0.995, tissue boxes to 0.96-0.99; without the scaling 0.95 and 0.71-0.96). Overviews of at
 * least half that size (every slide a pyramid level in {@code [S / 2, S]}, or whose level 0 is
 * smaller than {@code S}) are analysed exactly as before.
 *
 * @param overview the image analysed, RGB
 * @param detection what was found on it, in level-0 pixels
 */
public record SlideTissue(BufferedImage overview, TissueDetection detection) {

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
        BufferedImage overview = reader.overview(maxSide, (maxSide + 3) / 4);
        int side = Math.max(overview.getWidth(), overview.getHeight());
        long full = Math.min(maxSide, Math.max(m.widthPx(), m.heightPx()));
        TissueParams used =
                2L * side < full
                        ? params.withSmoothSigmaPx(params.smoothSigmaPx() * side / full)
                        : params;
        TissueDetection d =
                new TissueDetector(used)
                        .detect(overview, m.widthPx(), m.heightPx(), m.mppX(), m.mppY());
        return new SlideTissue(overview, d);
    }
}
