package org.lowmag.tissue;

/**
 * Parameters of tissue detection; the defaults ({@link #tissueloc()}) are tissueloc's {@code
 * locate_tissue_cnts} defaults.
 *
 * @param analysisMaxSidePx longest side of the overview image analysed (tissueloc {@code
 *     max_img_size}, default 2048); used by callers that pick the overview from a slide
 * @param smoothSigmaPx standard deviation of the Gaussian smoothing in analysis pixels (tissueloc
 *     {@code smooth_sigma}, default 13); 0 disables smoothing
 * @param thresholdMethod {@link ThresholdMethod#FIXED} (tissueloc) or {@link ThresholdMethod#OTSU}
 * @param threshold the fixed level on the max-normalised smoothed grey image, in (0, 1] (tissueloc
 *     {@code thresh_val}, default 0.8); ignored for Otsu
 * @param fillHoles whether enclosed background is filled (tissueloc always does)
 * @param minTissueSizePx pieces smaller than this many analysis pixels are dropped (tissueloc
 *     {@code min_tissue_size}, default 10000); 0 keeps everything
 */
public record TissueParams(
        int analysisMaxSidePx,
        double smoothSigmaPx,
        ThresholdMethod thresholdMethod,
        double threshold,
        boolean fillHoles,
        int minTissueSizePx) {

    /** Validates the parameters. */
    public TissueParams {
        if (analysisMaxSidePx < 1) {
            throw new IllegalArgumentException(
                    "analysis size must be at least 1 px, got " + analysisMaxSidePx);
        }
        if (!(smoothSigmaPx >= 0) || Double.isInfinite(smoothSigmaPx)) {
            throw new IllegalArgumentException(
                    "smoothing sigma must be a finite number >= 0 px, got " + smoothSigmaPx);
        }
        if (thresholdMethod == null) {
            throw new IllegalArgumentException("threshold method must be given");
        }
        if (!(threshold > 0 && threshold <= 1)) {
            throw new IllegalArgumentException(
                    "threshold must be in (0, 1] of the brightest grey, got " + threshold);
        }
        if (minTissueSizePx < 0) {
            throw new IllegalArgumentException(
                    "minimum tissue size must be >= 0 px, got " + minTissueSizePx);
        }
    }

    /**
     * @return tissueloc's defaults: 2048 px, sigma 13, fixed threshold 0.8, holes filled, minimum
     *     10000 px
     */
    public static TissueParams tissueloc() {
        return new TissueParams(2048, 13.0, ThresholdMethod.FIXED, 0.8, true, 10_000);
    }

    /**
     * @param method the threshold method
     * @return a copy with that method
     */
    public TissueParams withThresholdMethod(ThresholdMethod method) {
        return new TissueParams(
                analysisMaxSidePx, smoothSigmaPx, method, threshold, fillHoles, minTissueSizePx);
    }

    /**
     * @param sigmaPx the smoothing sigma in analysis pixels
     * @return a copy with that sigma
     */
    public TissueParams withSmoothSigmaPx(double sigmaPx) {
        return new TissueParams(
                analysisMaxSidePx, sigmaPx, thresholdMethod, threshold, fillHoles, minTissueSizePx);
    }

    /**
     * @param level the fixed threshold in (0, 1]
     * @return a copy with that threshold
     */
    public TissueParams withThreshold(double level) {
        return new TissueParams(
                analysisMaxSidePx,
                smoothSigmaPx,
                thresholdMethod,
                level,
                fillHoles,
                minTissueSizePx);
    }

    /**
     * @param minSizePx the minimum piece size in analysis pixels
     * @return a copy with that minimum
     */
    public TissueParams withMinTissueSizePx(int minSizePx) {
        return new TissueParams(
                analysisMaxSidePx, smoothSigmaPx, thresholdMethod, threshold, fillHoles, minSizePx);
    }

    /**
     * @param maxSidePx the longest side of the analysed overview
     * @return a copy with that size
     */
    public TissueParams withAnalysisMaxSidePx(int maxSidePx) {
        return new TissueParams(
                maxSidePx, smoothSigmaPx, thresholdMethod, threshold, fillHoles, minTissueSizePx);
    }
}
