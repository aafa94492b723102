package org.lowmag.tissue;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Finds tissue on a low-resolution overview the way tissueloc's {@code locate_tissue_cnts} does:
 *
 * <ol>
 *   <li>grey {@code Y = 0.299 R + 0.587 G + 0.114 B} ({@link GreyConversion});
 *   <li>Gaussian smoothing with {@code sigma} analysis pixels ({@link GaussianBlur}), then division
 *       by the maximum, so the brightest pixel is 1;
 *   <li>tissue = pixels darker than the threshold: {@code s < 0.8} (fixed) or Otsu ({@link
 *       ThresholdMethod});
 *   <li>holes filled ({@link HoleFilling});
 *   <li>8-connected pieces smaller than {@link TissueParams#minPieceSizePx(int, int)} analysis
 *       pixels removed;
 *   <li>one bounding box per remaining 8-connected piece ({@link ConnectedComponents}), mapped to
 *       level 0 ({@link TissueBox}).
 * </ol>
 *
 * A uniform or all-black image has nothing to threshold and gives no tissue. Stateless and
 * thread-safe.
 */
public final class TissueDetector {

    private final TissueParams params;

    /**
     * @param params the detection parameters
     */
    public TissueDetector(TissueParams params) {
        if (params == null) {
            throw new IllegalArgumentException("params must be given");
        }
        this.params = params;
    }

    /**
     * @return the parameters
     */
    public TissueParams params() {
        return params;
    }

    /**
     * Detects tissue on an image taken as the slide itself (downsample 1, um/px unknown).
     *
     * @param image the image
     * @return the detection
     */
    public TissueDetection detect(BufferedImage image) {
        return detect(
                image,
                image.getWidth(),
                image.getHeight(),
                OptionalDouble.empty(),
                OptionalDouble.empty());
    }

    /**
     * Detects tissue on an overview of a slide.
     *
     * @param overview the whole slide at analysis resolution
     * @param slideWidthPx level-0 width; the horizontal downsample is {@code slideWidthPx /
     *     overview width}
     * @param slideHeightPx level-0 height
     * @param mppX micrometres per level-0 pixel horizontally, when known
     * @param mppY micrometres per level-0 pixel vertically, when known
     * @return the detection
     */
    public TissueDetection detect(
            BufferedImage overview,
            long slideWidthPx,
            long slideHeightPx,
            OptionalDouble mppX,
            OptionalDouble mppY) {
        int w = overview.getWidth();
        int h = overview.getHeight();
        if (slideWidthPx < w || slideHeightPx < h) {
            throw new IllegalArgumentException(
                    "slide "
                            + slideWidthPx
                            + "x"
                            + slideHeightPx
                            + " is smaller than its overview "
                            + w
                            + "x"
                            + h);
        }
        double[] smooth =
                GaussianBlur.blur(GreyConversion.luma(overview), w, h, params.smoothSigmaPx());
        double threshold = normaliseAndThreshold(smooth);
        boolean[] tissue = new boolean[smooth.length];
        if (!Double.isNaN(threshold)) {
            boolean fixed = params.thresholdMethod() == ThresholdMethod.FIXED;
            for (int i = 0; i < tissue.length; i++) {
                tissue[i] = fixed ? smooth[i] < threshold : smooth[i] <= threshold;
            }
        }
        if (params.fillHoles()) {
            tissue = HoleFilling.fill(tissue, w, h);
        }
        ConnectedComponents pieces = ConnectedComponents.label(tissue, w, h);
        tissue = pieces.maskOfAtLeast(params.minPieceSizePx(w, h));
        ConnectedComponents kept = ConnectedComponents.label(tissue, w, h);
        double dx = (double) slideWidthPx / w;
        double dy = (double) slideHeightPx / h;
        TissueMask mask = new TissueMask(tissue, w, h, dx, dy);
        List<TissueBox> boxes = boxes(kept, mask, slideWidthPx, slideHeightPx, mppX, mppY);
        return new TissueDetection(mask, boxes, params, threshold, kept);
    }

    /**
     * Keeps only the tissue of a detection inside a region (e.g. annotations drawn in QuPath): the
     * mask becomes {@code mask AND keep}, relabelled into pieces, each with its box. No piece is
     * dropped for its size: a small region is the user's choice.
     *
     * @param d a detection
     * @param keep row-major over the detection's mask, true inside the region
     * @param slideWidthPx level-0 width
     * @param slideHeightPx level-0 height
     * @param mppX um per level-0 pixel across, when known
     * @param mppY um per level-0 pixel down, when known
     * @return the detection within the region
     */
    public static TissueDetection within(
            TissueDetection d,
            boolean[] keep,
            long slideWidthPx,
            long slideHeightPx,
            OptionalDouble mppX,
            OptionalDouble mppY) {
        TissueMask m = d.mask();
        if (keep.length != m.widthPx() * m.heightPx()) {
            throw new IllegalArgumentException(
                    "region mask of "
                            + keep.length
                            + " pixels for a "
                            + m.widthPx()
                            + "x"
                            + m.heightPx()
                            + " tissue mask");
        }
        boolean[] tissue = m.toArray();
        for (int i = 0; i < tissue.length; i++) {
            tissue[i] &= keep[i];
        }
        ConnectedComponents kept = ConnectedComponents.label(tissue, m.widthPx(), m.heightPx());
        TissueMask mask =
                new TissueMask(tissue, m.widthPx(), m.heightPx(), m.downsampleX(), m.downsampleY());
        List<TissueBox> boxes = boxes(kept, mask, slideWidthPx, slideHeightPx, mppX, mppY);
        return new TissueDetection(mask, boxes, d.params(), d.thresholdUsed(), kept);
    }

    /**
     * Divides {@code smooth} by its maximum in place and returns the threshold to apply, NaN when
     * the image has no contrast (maximum 0, or uniform under Otsu).
     */
    private double normaliseAndThreshold(double[] smooth) {
        double max = 0;
        for (double v : smooth) {
            max = Math.max(max, v);
        }
        if (!(max > 0)) {
            return Double.NaN;
        }
        double min = Double.POSITIVE_INFINITY;
        for (int i = 0; i < smooth.length; i++) {
            smooth[i] /= max;
            min = Math.min(min, smooth[i]);
        }
        if (params.thresholdMethod() == ThresholdMethod.FIXED) {
            return params.threshold();
        }
        return min == 1.0 ? Double.NaN : Otsu.threshold(smooth);
    }

    /**
     * Maps each piece to a {@link TissueBox}.
     *
     * @param pieces the labelled final mask
     * @param mask the final mask (for its downsamples)
     * @param slideWidthPx level-0 width, the right limit of the boxes
     * @param slideHeightPx level-0 height, the bottom limit of the boxes
     * @param mppX um per level-0 pixel horizontally, when known
     * @param mppY um per level-0 pixel vertically, when known
     * @return the boxes, by id
     */
    static List<TissueBox> boxes(
            ConnectedComponents pieces,
            TissueMask mask,
            long slideWidthPx,
            long slideHeightPx,
            OptionalDouble mppX,
            OptionalDouble mppY) {
        double dx = mask.downsampleX();
        double dy = mask.downsampleY();
        List<TissueBox> boxes = new ArrayList<>();
        for (int id = 1; id <= pieces.count(); id++) {
            int ax = pieces.minX(id);
            int ay = pieces.minY(id);
            int aw = pieces.maxX(id) - ax + 1;
            int ah = pieces.maxY(id) - ay + 1;
            long x0 = (long) Math.floor(ax * dx);
            long y0 = (long) Math.floor(ay * dy);
            long x1 = Math.min(slideWidthPx, (long) Math.ceil((ax + aw) * dx));
            long y1 = Math.min(slideHeightPx, (long) Math.ceil((ay + ah) * dy));
            long area = pieces.area(id);
            double areaL0 = area * dx * dy;
            OptionalDouble um2 =
                    mppX.isPresent() && mppY.isPresent()
                            ? OptionalDouble.of(areaL0 * mppX.getAsDouble() * mppY.getAsDouble())
                            : OptionalDouble.empty();
            boxes.add(
                    new TissueBox(id, x0, y0, x1 - x0, y1 - y0, ax, ay, aw, ah, area, areaL0, um2));
        }
        return boxes;
    }
}
