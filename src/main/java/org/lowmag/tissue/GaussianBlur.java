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

    /**
     * Smooths an image.
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
        double[] tmp = new double[values.length];
        double[] line = new double[Math.max(widthPx, heightPx)];
        double[] out = new double[Math.max(widthPx, heightPx)];
        for (int y = 0; y < heightPx; y++) {
            System.arraycopy(values, y * widthPx, line, 0, widthPx);
            convolve(line, widthPx, k, out);
            System.arraycopy(out, 0, tmp, y * widthPx, widthPx);
        }
        double[] result = new double[values.length];
        for (int x = 0; x < widthPx; x++) {
            for (int y = 0; y < heightPx; y++) {
                line[y] = tmp[y * widthPx + x];
            }
            convolve(line, heightPx, k, out);
            for (int y = 0; y < heightPx; y++) {
                result[y * widthPx + x] = out[y];
            }
        }
        return result;
    }

    /** out[i] = sum_j k[j] * in[clamp(i + j - r)], for i in [0, n). */
    private static void convolve(double[] in, int n, double[] k, double[] out) {
        int r = k.length / 2;
        for (int i = 0; i < n; i++) {
            double s = 0;
            if (i - r >= 0 && i + r < n) {
                for (int j = 0; j < k.length; j++) {
                    s += k[j] * in[i + j - r];
                }
            } else {
                for (int j = 0; j < k.length; j++) {
                    int idx = Math.min(n - 1, Math.max(0, i + j - r));
                    s += k[j] * in[idx];
                }
            }
            out[i] = s;
        }
    }
}
