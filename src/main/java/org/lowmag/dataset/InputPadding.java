package org.lowmag.dataset;

import java.util.Locale;

/**
 * How a tissue smaller than the network's total stride {@code s} (32 px for every LowMag network)
 * is padded before it enters the network. A side {@code n < s} becomes {@code s}, the image kept
 * centred: {@code left = (s - n) / 2} columns before it, the rest after (rows likewise). Larger
 * sides are never changed.
 *
 * <ul>
 *   <li>{@link #NONE}: no padding; the network runs on the tissue as it is (its convolutions and
 *       pooling give a map of at least 1 x 1 for any size, as PyTorch's do).
 *   <li>{@link #WHITE}: fill with {@code (255, 255, 255)}, the glass of a slide.
 *   <li>{@link #REFLECT}: mirror the tissue at its edges without repeating the edge pixel ({@code
 *       numpy.pad(mode="reflect")} and PyTorch's {@code reflect}), repeated as often as the pad
 *       needs: source index {@code i} of a padded index {@code j} (relative to the tissue's first
 *       pixel) is {@code r = |j| mod 2(n-1)}, {@code i = r} if {@code r < n} else {@code 2(n-1) -
 *       r}; a 1-pixel side repeats its pixel.
 *   <li>{@link #MEAN}: fill with the normalisation's channel means, {@code round(255 mean_c)}, so
 *       the padding is (to within one grey level) zero after standardisation, like a convolution's
 *       own zero padding.
 * </ul>
 */
public enum InputPadding {
    /** No padding. */
    NONE,
    /** White, the slide's glass. */
    WHITE,
    /** Mirror of the tissue. */
    REFLECT,
    /** The standardisation's mean colour (zero after standardisation). */
    MEAN;

    /**
     * @return the flag spelling ({@code none}, {@code white}, {@code reflect}, {@code mean})
     */
    public String flag() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses a flag value.
     *
     * @param flag one of {@code none, white, reflect, mean} (case-insensitive)
     * @return the padding
     * @throws IllegalArgumentException naming the bad value and the choices
     */
    public static InputPadding parse(String flag) {
        for (InputPadding p : values()) {
            if (p.flag().equalsIgnoreCase(flag.trim())) {
                return p;
            }
        }
        throw new IllegalArgumentException(
                "padding '" + flag + "' is not one of none, white, reflect, mean");
    }

    /**
     * Pads an image.
     *
     * @param img the image
     * @param minSidePx the smallest side wanted (the network's total stride)
     * @param meanRgb the fill of {@link #MEAN}, three values 0-255 (ignored by the others)
     * @return the padded image, or {@code img} itself when nothing is padded
     */
    public RgbImage apply(RgbImage img, int minSidePx, int[] meanRgb) {
        return apply(
                img,
                Math.max(img.widthPx(), minSidePx),
                Math.max(img.heightPx(), minSidePx),
                meanRgb);
    }

    /**
     * Pads an image to a given size, centred.
     *
     * @param img the image
     * @param w the width wanted (at least the image's)
     * @param h the height wanted (at least the image's)
     * @param meanRgb the fill of {@link #MEAN}, three values 0-255 (ignored by the others)
     * @return the padded image, or {@code img} itself when nothing is padded
     * @throws IllegalArgumentException when the size wanted is smaller than the image
     */
    public RgbImage apply(RgbImage img, int w, int h, int[] meanRgb) {
        int w0 = img.widthPx();
        int h0 = img.heightPx();
        if (w < w0 || h < h0) {
            throw new IllegalArgumentException(
                    "cannot pad " + w0 + "x" + h0 + " to the smaller " + w + "x" + h);
        }
        if (this == NONE || (w0 == w && h0 == h)) {
            return img;
        }
        int ox = (w - w0) / 2;
        int oy = (h - h0) / 2;
        byte[][] out = new byte[3][w * h];
        for (int c = 0; c < 3; c++) {
            byte[] src = img.planes()[c];
            byte[] dst = out[c];
            if (this == REFLECT) {
                for (int y = 0; y < h; y++) {
                    int sy = reflect(y - oy, h0);
                    for (int x = 0; x < w; x++) {
                        dst[y * w + x] = src[sy * w0 + reflect(x - ox, w0)];
                    }
                }
                continue;
            }
            byte fill = (byte) (this == WHITE ? 255 : meanRgb[c]);
            java.util.Arrays.fill(dst, fill);
            for (int y = 0; y < h0; y++) {
                System.arraycopy(src, y * w0, dst, (y + oy) * w + ox, w0);
            }
        }
        return new RgbImage(w, h, out);
    }

    /**
     * @param j an index relative to the first pixel (may be negative or past the end)
     * @param n the side
     * @return the mirrored source index in {@code [0, n)}
     */
    static int reflect(int j, int n) {
        if (n == 1) {
            return 0;
        }
        int period = 2 * (n - 1);
        int r = Math.floorMod(j, period);
        return r < n ? r : period - r;
    }

    /**
     * The {@link #MEAN} fill of per-channel means of {@code x / 255}.
     *
     * @param mean the three channel means in [0, 1]
     * @return {@code round(255 mean_c)}, clamped to 0-255
     */
    public static int[] meanFill(double[] mean) {
        int[] out = new int[3];
        for (int c = 0; c < 3; c++) {
            out[c] = (int) Math.max(0, Math.min(255, Math.round(255 * mean[c])));
        }
        return out;
    }
}
