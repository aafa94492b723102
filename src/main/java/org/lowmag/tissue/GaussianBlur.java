package org.lowmag.tissue;

/**
 * Separable Gaussian smoothing as {@code scipy.ndimage.gaussian_filter} (which {@code
 * skimage.filters.gaussian} calls): kernel {@code g(i) = exp(-i^2 / (2 sigma^2)) / sum_j exp(-j^2 /
 * (2 sigma^2))} for {@code |i| <= r}, radius {@code r = (int) (4 sigma + 0.5)} (truncate = 4),
 * borders extended with the nearest pixel ({@code mode='nearest'}), rows then columns, in double
 * precision.
 */
public final class GaussianBlur {

    private GaussianBlur() {}

    /**
     * The normalised 1-D kernel, {@code 2r + 1} taps centred at index {@code r}.
     *
     * @param sigmaPx standard deviation in pixels, positive
     * @return the kernel
     */
    public static double[] kernel(double sigmaPx) {
        if (!(sigmaPx > 0) || Double.isInfinite(sigmaPx)) {
            throw new IllegalArgumentException("sigma must be a finite number > 0, got " + sigmaPx);
        }
        int radius = (int) (4.0 * sigmaPx + 0.5);
        double[] k = new double[2 * radius + 1];
        double sum = 0;
        for (int i = -radius; i <= radius; i++) {
            k[i + radius] = Math.exp(-0.5 * i * i / (sigmaPx * sigmaPx));
            sum += k[i + radius];
        }
        for (int i = 0; i < k.length; i++) {
            k[i] /= sum;
        }
        return k;
    }

    /** Images with fewer pixels than this are smoothed on the calling thread alone. */
    private static final int PARALLEL_MIN_PX = 1 << 16;

    /**
     * Smooths an image. Each output is {@code sum_j k[j] * in[clamp(i + j - r)]} accumulated in the
     * order {@code j = 0..2r}, rows first, then columns; the loops run over whole rows (the column
     * pass adds {@code k[j]} times the clamped row {@code y + j - r} to an accumulator row), which
     * the JIT vectorises, and rows are spread over the common fork-join pool. Each output's sum is
     * formed in the same order whatever the thread count, so the result is bit-identical to the
     * per-pixel formula.
     *
     * @param values row-major values, {@code widthPx * heightPx} long (not modified)
     * @param widthPx width
     * @param heightPx height
     * @param sigmaPx standard deviation in pixels; 0 returns a copy
     * @return the smoothed values
     */
    public static double[] blur(double[] values, int widthPx, int heightPx, double sigmaPx) {
        if (values.length != (long) widthPx * heightPx) {
            throw new IllegalArgumentException(
                    "expected " + widthPx + "x" + heightPx + " values, got " + values.length);
        }
        if (sigmaPx == 0) {
            return values.clone();
        }
        double[] k = kernel(sigmaPx);
        int r = k.length / 2;
        double[] tmp = new double[values.length];
        rows(heightPx, values.length)
                .forEach(
                        y -> {
                            double[] padded = new double[widthPx + 2 * r];
                            for (int i = 0; i < padded.length; i++) {
                                padded[i] = values[y * widthPx + clamp(i - r, widthPx)];
                            }
                            int base = y * widthPx;
                            for (int j = 0; j < k.length; j++) {
                                double kj = k[j];
                                for (int x = 0; x < widthPx; x++) {
                                    tmp[base + x] += kj * padded[x + j];
                                }
                            }
                        });
        double[] result = new double[values.length];
        rows(heightPx, values.length)
                .forEach(
                        y -> {
                            int base = y * widthPx;
                            for (int j = 0; j < k.length; j++) {
                                double kj = k[j];
                                int src = clamp(y + j - r, heightPx) * widthPx;
                                for (int x = 0; x < widthPx; x++) {
                                    result[base + x] += kj * tmp[src + x];
                                }
                            }
                        });
        return result;
    }

    private static java.util.stream.IntStream rows(int heightPx, int pixels) {
        java.util.stream.IntStream s = java.util.stream.IntStream.range(0, heightPx);
        return pixels >= PARALLEL_MIN_PX ? s.parallel() : s;
    }

    private static int clamp(int i, int n) {
        return Math.min(n - 1, Math.max(0, i));
    }
}
