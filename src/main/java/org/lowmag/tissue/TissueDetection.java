package org.lowmag.tissue;

import java.util.List;

/**
 * The result of tissue detection.
 *
 * @param mask the final tissue mask at analysis resolution (holes filled, small pieces removed)
 * @param boxes one box per 8-connected tissue piece, in raster order; empty when none was found
 * @param params the parameters used
 * @param thresholdUsed the threshold applied to the max-normalised smoothed grey image (the fixed
 *     level, or Otsu's); NaN when the image has no contrast to threshold (uniform or black)
 * @param pieces the final mask labelled into 8-connected pieces, id {@code i} being box {@code i}
 */
public record TissueDetection(
        TissueMask mask,
        List<TissueBox> boxes,
        TissueParams params,
        double thresholdUsed,
        ConnectedComponents pieces) {

    /** Validates and copies. */
    public TissueDetection {
        if (mask == null || params == null || pieces == null) {
            throw new IllegalArgumentException("mask, params and pieces must be given");
        }
        if (pieces.count() != boxes.size()) {
            throw new IllegalArgumentException(
                    pieces.count() + " labelled pieces but " + boxes.size() + " boxes");
        }
        boxes = List.copyOf(boxes);
    }

    /**
     * @return whether no tissue was found
     */
    public boolean isEmpty() {
        return boxes.isEmpty();
    }

    /**
     * @return a one-line human summary, e.g. {@code "3 tissue pieces, 41.2% of the image"} or
     *     {@code "no tissue found (...)"}
     */
    public String summary() {
        long total = (long) mask.widthPx() * mask.heightPx();
        if (boxes.isEmpty()) {
            String why =
                    Double.isNaN(thresholdUsed)
                            ? "the image is uniform: nothing to threshold"
                            : "no region darker than the threshold covers "
                                    + params.minPieceSizePx(mask.widthPx(), mask.heightPx())
                                    + " px";
            return "no tissue found (" + why + ")";
        }
        return String.format(
                java.util.Locale.ROOT,
                "%d tissue piece%s, %.1f%% of the image",
                boxes.size(),
                boxes.size() == 1 ? "" : "s",
                100.0 * mask.areaPx() / total);
    }
}
