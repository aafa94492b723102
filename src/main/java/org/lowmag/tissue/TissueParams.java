package org.lowmag.tissue;

/**
 * Parameters of tissue detection. Two presets: {@link #defaults()} (LowMag's, used by {@code lowmag
 * tissue}, {@code lowmag prepare --slides} and prediction) and {@link #tissueloc()} (tissueloc's
 * {@code locate_tissue_cnts} library defaults).
 *
 * <p>Pieces smaller than {@link #minPieceSizePx(int, int)} analysis pixels are dropped:
 *
 * <pre>
 *   minPx = max(minTissueSizePx, ceil(minTissueAreaFraction * analysisWidth * analysisHeight))
 * </pre>
 *
 * The fraction scales with the analysis resolution: the same slide analysed at a coarser overview
 * drops the same physical pieces, which a fixed pixel count does not (tissueloc's 10000 px are 0.5%
 * of a 1916 x 1010 overview but 0.7% of a 1493 x 901 one, more than the 0.3% tissue fragment of
 * {@code kidney-48-5.tif}).
 *
 * @param analysisMaxSidePx longest side of the overview image analysed (tissueloc {@code
 *     max_img_size}, 2048); used by callers that pick the overview from a slide
 * @param smoothSigmaPx standard deviation of the Gaussian smoothing in analysis pixels (tissueloc
 *     {@code smooth_sigma}: 13 in the library, 5 in its test script); 0 disables smoothing
 * @param thresholdMethod {@link ThresholdMethod#FIXED} (tissueloc) or {@link ThresholdMethod#OTSU}
 * @param threshold the fixed level on the max-normalised smoothed grey image, in (0, 1] (tissueloc
 *     {@code thresh_val}, 0.8); ignored for Otsu
 * @param fillHoles whether enclosed background is filled (tissueloc always does)
 * @param minTissueSizePx absolute minimum piece size in analysis pixels (tissueloc {@code
 *     min_tissue_size}, 10000); 0 for none
 * @param minTissueAreaFraction minimum piece size as a fraction of the analysis image's area, in
 *     [0, 1); 0 for none
 */
public record TissueParams(
        int analysisMaxSidePx,
        double smoothSigmaPx,
        ThresholdMethod thresholdMethod,
        double threshold,
        boolean fillHoles,
        int minTissueSizePx,
        double minTissueAreaFraction) {

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
        if (!(minTissueAreaFraction >= 0 && minTissueAreaFraction < 1)) {
            throw new IllegalArgumentException(
                    "minimum tissue area fraction must be in [0, 1), got " + minTissueAreaFraction);
        }
    }

    /**
     * LowMag's defaults: tissueloc's method with its test script's smoothing (sigma 5, which
     * follows tissue outlines more closely than the library's 13) and a minimum piece of 0.1% of
     * the analysed overview. On the three tissueloc reference overviews in {@code
     * shared/data/slides/tissueloc} the masks reach IoU 0.99 with tissueloc's (library defaults:
     * 0.93 to 0.97), and the 0.3% fragment of {@code kidney-48-5.tif} is kept.
     *
     * @return 2048 px, sigma 5, fixed threshold 0.8, holes filled, minimum 0.1% of the overview
     */
    public static TissueParams defaults() {
        return new TissueParams(2048, 5.0, ThresholdMethod.FIXED, 0.8, true, 0, 0.001);
    }

    /**
     * The tissue settings of {@code predict}'s {@code --min-size}.
     *
     * @param minSizePx the smallest piece in overview pixels, or null
     * @return the defaults, with {@code minSizePx} as the only size filter when given
     */
    public static TissueParams defaults(Integer minSizePx) {
        return minSizePx == null
                ? defaults()
                : defaults().withMinTissueAreaFraction(0).withMinTissueSizePx(minSizePx);
    }

    /**
     * @return tissueloc's library defaults: 2048 px, sigma 13, fixed threshold 0.8, holes filled,
     *     minimum 10000 px
     */
    public static TissueParams tissueloc() {
        return new TissueParams(2048, 13.0, ThresholdMethod.FIXED, 0.8, true, 10_000, 0);
    }

    /**
     * @param analysisWidthPx width of the analysed overview
     * @param analysisHeightPx height of the analysed overview
     * @return the smallest piece kept, in analysis pixels: {@code max(minTissueSizePx,
     *     ceil(minTissueAreaFraction * w * h))}
     */
    public long minPieceSizePx(int analysisWidthPx, int analysisHeightPx) {
        long fromFraction =
                (long) Math.ceil(minTissueAreaFraction * analysisWidthPx * (long) analysisHeightPx);
        return Math.max(minTissueSizePx, fromFraction);
    }

    /**
     * @param method the threshold method
     * @return a copy with that method
     */
    public TissueParams withThresholdMethod(ThresholdMethod method) {
        return new TissueParams(
                analysisMaxSidePx,
                smoothSigmaPx,
                method,
                threshold,
                fillHoles,
                minTissueSizePx,
                minTissueAreaFraction);
    }

    /**
     * @param sigmaPx the smoothing sigma in analysis pixels
     * @return a copy with that sigma
     */
    public TissueParams withSmoothSigmaPx(double sigmaPx) {
        return new TissueParams(
                analysisMaxSidePx,
                sigmaPx,
                thresholdMethod,
                threshold,
                fillHoles,
                minTissueSizePx,
                minTissueAreaFraction);
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
                minTissueSizePx,
                minTissueAreaFraction);
    }

    /**
     * @param minSizePx the absolute minimum piece size in analysis pixels
     * @return a copy with that minimum
     */
    public TissueParams withMinTissueSizePx(int minSizePx) {
        return new TissueParams(
                analysisMaxSidePx,
                smoothSigmaPx,
                thresholdMethod,
                threshold,
                fillHoles,
                minSizePx,
                minTissueAreaFraction);
    }

    /**
     * @param fraction the minimum piece size as a fraction of the analysis image area, in [0, 1)
     * @return a copy with that minimum
     */
    public TissueParams withMinTissueAreaFraction(double fraction) {
        return new TissueParams(
                analysisMaxSidePx,
                smoothSigmaPx,
                thresholdMethod,
                threshold,
                fillHoles,
                minTissueSizePx,
                fraction);
    }

    /**
     * @param maxSidePx the longest side of the analysed overview
     * @return a copy with that size
     */
    public TissueParams withAnalysisMaxSidePx(int maxSidePx) {
        return new TissueParams(
                maxSidePx,
                smoothSigmaPx,
                thresholdMethod,
                threshold,
                fillHoles,
                minTissueSizePx,
                minTissueAreaFraction);
    }
}
