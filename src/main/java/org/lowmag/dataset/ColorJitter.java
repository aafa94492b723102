package org.lowmag.dataset;

import java.util.ArrayList;
import java.util.List;

/**
 * The colour-jitter engine behind {@link AugmentParams#apply}: torchvision's functional colour ops
 * ({@code torchvision.transforms._functional_tensor}) on RGB values in [0, 1], computed in double
 * one image row at a time (three reusable rows), in at most two passes over the image and with no
 * intermediate image.
 *
 * <p>With {@code grey(r, g, b) = 0.2989 r + 0.587 g + 0.114 b} (torchvision's {@code
 * rgb_to_grayscale}) and {@code clamp} to [0, 1]:
 *
 * <ul>
 *   <li>brightness: {@code x' = clamp(f x)};
 *   <li>contrast: {@code x' = clamp(f x + (1 - f) m)}, {@code m} the mean of {@code grey} over all
 *       pixels of the image as it is when contrast runs (after the ops before it);
 *   <li>saturation: {@code x' = clamp(f x + (1 - f) grey(pixel))};
 *   <li>hue: {@link #shiftHue}.
 * </ul>
 *
 * Ops whose factor is the identity (1, or hue 0) are skipped. When contrast is not first, pass 1
 * recomputes the ops before it to get {@code m}, pass 2 applies all ops.
 */
final class ColorJitter {

    /** torchvision's {@code rgb_to_grayscale} weights (note 0.2989, not 0.299). */
    static final double GREY_R = 0.2989;

    static final double GREY_G = 0.587;
    static final double GREY_B = 0.114;

    private static final double[] UNIT = new double[256];

    static {
        for (int v = 0; v < 256; v++) {
            UNIT[v] = v / 255.0;
        }
    }

    /** The active ops in order, as {@link ColorOp#ordinal()} (an int switch is cheapest). */
    private final int[] ops;

    private final int contrastAt;
    private final double brightness;
    private final double contrast;
    private final double saturation;
    private final double hue;

    ColorJitter(AugmentParams params) {
        List<ColorOp> active = new ArrayList<>(4);
        for (ColorOp op : params.jitterOrder()) {
            if (!isIdentity(op, params)) {
                active.add(op);
            }
        }
        this.ops = active.stream().mapToInt(ColorOp::ordinal).toArray();
        this.contrastAt = active.indexOf(ColorOp.CONTRAST);
        this.brightness = params.brightnessFactor();
        this.contrast = params.contrastFactor();
        this.saturation = params.saturationFactor();
        this.hue = params.hueFactor();
    }

    private static boolean isIdentity(ColorOp op, AugmentParams p) {
        return switch (op) {
            case BRIGHTNESS -> p.brightnessFactor() == 1.0;
            case CONTRAST -> p.contrastFactor() == 1.0;
            case SATURATION -> p.saturationFactor() == 1.0;
            case HUE -> p.hueFactor() == 0.0;
        };
    }

    /**
     * @return true when no op changes any pixel
     */
    boolean isIdentity() {
        return ops.length == 0;
    }

    /**
     * Jitters {@code in} and writes the 8-bit result, {@code round(255 x')}, through {@code map}.
     * Works one input row at a time in three reusable double rows.
     *
     * @param in the input image
     * @param map where each pixel goes
     * @param out the output planes
     */
    void apply(RgbImage in, PixelMap map, byte[][] out) {
        int w = in.widthPx();
        double[][] row = new double[3][w];
        double mean = contrastAt < 0 ? 0.0 : greyMeanBeforeContrast(in, row);
        for (int y = 0; y < in.heightPx(); y++) {
            load(in, y, row);
            run(row, 0, ops.length, mean);
            int d = map.origin() + y * map.stepY();
            for (int c = 0; c < 3; c++) {
                double[] x = row[c];
                byte[] dst = out[c];
                for (int i = 0, j = d; i < w; i++, j += map.stepX()) {
                    dst[j] = quantise(x[i]);
                }
            }
        }
    }

    /** Mean of grey over the image after the ops that precede contrast. */
    private double greyMeanBeforeContrast(RgbImage in, double[][] row) {
        double sum = 0.0;
        for (int y = 0; y < in.heightPx(); y++) {
            load(in, y, row);
            run(row, 0, contrastAt, 0.0);
            double rowSum = 0.0;
            for (int i = 0; i < row[0].length; i++) {
                rowSum += grey(row[0][i], row[1][i], row[2][i]);
            }
            sum += rowSum;
        }
        return sum / ((double) in.widthPx() * in.heightPx());
    }

    private static void load(RgbImage in, int y, double[][] row) {
        int w = in.widthPx();
        for (int c = 0; c < 3; c++) {
            byte[] src = in.planes()[c];
            double[] x = row[c];
            for (int i = 0, j = y * w; i < w; i++, j++) {
                x[i] = UNIT[src[j] & 255];
            }
        }
    }

    private void run(double[][] row, int from, int to, double mean) {
        for (int k = from; k < to; k++) {
            switch (ops[k]) {
                case 0 -> {
                    blend(row[0], brightness, 0.0);
                    blend(row[1], brightness, 0.0);
                    blend(row[2], brightness, 0.0);
                }
                case 1 -> {
                    blend(row[0], contrast, mean);
                    blend(row[1], contrast, mean);
                    blend(row[2], contrast, mean);
                }
                case 2 -> saturate(row[0], row[1], row[2], saturation);
                default -> shiftHue(row[0], row[1], row[2], hue);
            }
        }
    }

    /**
     * @return {@code 0.2989 r + 0.587 g + 0.114 b}
     */
    static double grey(double r, double g, double b) {
        return GREY_R * r + GREY_G * g + GREY_B * b;
    }

    /**
     * {@code x' = clamp(f x + (1 - f) other)} (torchvision {@code _blend}); brightness is {@code
     * other = 0}, contrast is {@code other = mean grey}.
     */
    private static void blend(double[] x, double f, double other) {
        double o = (1.0 - f) * other;
        for (int i = 0; i < x.length; i++) {
            x[i] = clamp(f * x[i] + o);
        }
    }

    /** {@code x' = clamp(f x + (1 - f) grey(r, g, b))} per pixel. */
    private static void saturate(double[] r, double[] g, double[] b, double f) {
        for (int i = 0; i < r.length; i++) {
            double o = (1.0 - f) * grey(r[i], g[i], b[i]);
            r[i] = clamp(f * r[i] + o);
            g[i] = clamp(f * g[i] + o);
            b[i] = clamp(f * b[i] + o);
        }
    }

    /**
     * torchvision's {@code adjust_hue}: {@code _rgb2hsv}, {@code h = (h + shift) mod 1}, {@code
     * _hsv2rgb}. With {@code M = max(r,g,b)}, {@code C = M - min(r,g,b)}, torchvision computes
     *
     * <pre>
     * v = M,  s = C / M,  rc = (M-r)/C, gc = (M-g)/C, bc = (M-b)/C
     * h = (bc - gc            if M == r
     *      2 + rc - bc        else if M == g
     *      4 + gc - rc        otherwise) / 6 + 1, fmod 1
     * h = (h + shift) mod 1   (floor modulo, in [0, 1))
     * i = floor(6h), f = 6h - i,  p = v(1-s),  q = v(1-sf),  t = v(1-s(1-f))  (each clamped)
     * (r,g,b) = (v,t,p) (q,v,p) (p,v,t) (p,q,v) (t,p,v) (v,p,q)  for i mod 6 = 0..5
     * </pre>
     *
     * This method evaluates the same function in an equivalent branch-free form (equal up to double
     * rounding, about 1e-15): {@code H = 6h} computed as {@code (g-b)/C}, {@code 2 + (b-r)/C} or
     * {@code 4 + (r-g)/C} plus {@code 6 shift}, taken mod 6; then for each channel, with {@code n =
     * 5, 3, 1} for R, G, B and {@code k = (n + H) mod 6},
     *
     * <pre>
     * out = v - C * clamp(min(k, 4 - k), 0, 1)      (v s = C, so p = v - C, t = v - C(1-f), q = v - Cf)
     * </pre>
     *
     * A grey pixel ({@code C = 0}) is left as it is, as the formulas give (s = 0).
     *
     * @param r red values in [0, 1], replaced by the result
     * @param g green values, likewise
     * @param b blue values, likewise
     * @param shift hue shift in turns, in [-0.5, 0.5]
     */
    static void shiftHue(double[] r, double[] g, double[] b, double shift) {
        double shift6 = 6.0 * shift;
        for (int i = 0; i < r.length; i++) {
            double ri = r[i];
            double gi = g[i];
            double bi = b[i];
            double v = Math.max(ri, Math.max(gi, bi));
            double c = v - Math.min(ri, Math.min(gi, bi));
            if (c == 0.0) {
                continue;
            }
            double sector;
            if (v == ri) {
                sector = (gi - bi) / c;
            } else if (v == gi) {
                sector = 2.0 + (bi - ri) / c;
            } else {
                sector = 4.0 + (ri - gi) / c;
            }
            sector += shift6;
            sector -= 6.0 * Math.floor(sector / 6.0);
            r[i] = v - c * ramp(5.0 + sector);
            g[i] = v - c * ramp(3.0 + sector);
            b[i] = v - c * ramp(1.0 + sector);
        }
    }

    /** {@code clamp(min(k, 4 - k), 0, 1)} with {@code k} taken mod 6 (k in [0, 12)). */
    private static double ramp(double k) {
        double m = k >= 6.0 ? k - 6.0 : k;
        return Math.max(0.0, Math.min(1.0, Math.min(m, 4.0 - m)));
    }

    private static double clamp(double v) {
        return Math.max(0.0, Math.min(1.0, v));
    }

    /** {@code round(255 v)} for v in [0, 1], as an unsigned byte. */
    static byte quantise(double v) {
        return (byte) (int) (clamp(v) * 255.0 + 0.5);
    }
}
