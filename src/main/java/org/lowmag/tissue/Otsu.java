package org.lowmag.tissue;

/**
 * Otsu's threshold (Otsu 1979): the split of a histogram into a low class (bins {@code <= t}) and a
 * high class that maximises the between-class variance {@code sigma_b^2(t) = w0(t) w1(t) (mu0(t) -
 * mu1(t))^2}, with {@code w} the class weights (pixel counts) and {@code mu} the class means of the
 * bin index. Ties go to the lowest {@code t}, like {@code numpy.argmax} in {@code
 * skimage.filters.threshold_otsu}.
 */
public final class Otsu {

    private Otsu() {}

    /**
     * The Otsu split of a histogram.
     *
     * @param histogram counts per bin, at least 2 bins
     * @return the last bin of the low class, in {@code [0, bins - 2]}; 0 when the histogram has
     *     fewer than two occupied bins
     */
    public static int thresholdBin(long[] histogram) {
        if (histogram.length < 2) {
            throw new IllegalArgumentException(
                    "histogram needs at least 2 bins, got " + histogram.length);
        }
        double total = 0;
        double totalSum = 0;
        for (int i = 0; i < histogram.length; i++) {
            if (histogram[i] < 0) {
                throw new IllegalArgumentException("negative count in bin " + i);
            }
            total += histogram[i];
            totalSum += (double) i * histogram[i];
        }
        int best = 0;
        double bestVariance = -1;
        double w0 = 0;
        double sum0 = 0;
        for (int t = 0; t < histogram.length - 1; t++) {
            w0 += histogram[t];
            sum0 += (double) t * histogram[t];
            double w1 = total - w0;
            if (w0 == 0 || w1 == 0) {
                continue;
            }
            double mu0 = sum0 / w0;
            double mu1 = (totalSum - sum0) / w1;
            double variance = w0 * w1 * (mu0 - mu1) * (mu0 - mu1);
            if (variance > bestVariance) {
                bestVariance = variance;
                best = t;
            }
        }
        return best;
    }

    /**
     * Otsu's threshold of real values: a 256-bin histogram spanning {@code [min, max]}, threshold
     * at the centre of the split bin, as {@code skimage.filters.threshold_otsu(values, nbins=256)}.
     *
     * @param values the values (not empty)
     * @return the threshold: values {@code <= } it form the low class
     */
    public static double threshold(double[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("no values to threshold");
        }
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        if (min == max) {
            return min;
        }
        int bins = 256;
        long[] hist = new long[bins];
        double width = (max - min) / bins;
        for (double v : values) {
            hist[Math.min(bins - 1, (int) ((v - min) / width))]++;
        }
        return min + (thresholdBin(hist) + 0.5) * width;
    }
}
