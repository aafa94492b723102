package org.lowmag.dataset;

import java.util.EnumSet;
import java.util.List;

/**
 * One drawn augmentation (paper section 3.2): flips, a rotation by quarter turns and torchvision's
 * {@code ColorJitter} with fixed factors. Resolution-independent, so the same parameters applied to
 * the teacher's high-magnification image and the student's low-magnification image of one tissue
 * give corresponding views: the geometry is a pixel permutation defined on the image grid, and the
 * colour factors are shared (contrast blends towards each image's own grey mean, as torchvision
 * does per image).
 *
 * <p>{@link #apply} first maps pixels (flip left-right, flip top-bottom, then {@code rotate90}
 * counter-clockwise quarter turns; see {@link PixelMap}), then applies the colour ops in {@code
 * jitterOrder} on {@code x = v / 255} in double:
 *
 * <ul>
 *   <li>brightness: {@code x' = clamp(f_b x)};
 *   <li>contrast: {@code x' = clamp(f_c x + (1 - f_c) m)}, {@code m = mean over pixels of (0.2989 r
 *       + 0.587 g + 0.114 b)} (torchvision's {@code rgb_to_grayscale} weights);
 *   <li>saturation: {@code x' = clamp(f_s x + (1 - f_s) (0.2989 r + 0.587 g + 0.114 b))};
 *   <li>hue: RGB to HSV, {@code h' = (h + f_h) mod 1}, back to RGB (torchvision's {@code _rgb2hsv}
 *       / {@code _hsv2rgb}): with {@code M = max(r,g,b)}, {@code C = M - min(r,g,b)} (a grey pixel,
 *       {@code C = 0}, is unchanged), {@code 6h = (g-b)/C} if {@code M = r}, else {@code 2 +
 *       (b-r)/C} if {@code M = g}, else {@code 4 + (r-g)/C}, taken mod 6; {@code H = (6h + 6 f_h)
 *       mod 6}; then {@code i = floor(H)}, {@code f = H - i}, {@code p = M - C}, {@code q = M - C
 *       f}, {@code t = M - C (1 - f)} and {@code (r',g',b') = (M,t,p), (q,M,p), (p,M,t), (p,q,M),
 *       (t,p,M), (M,p,q)} for {@code i = 0..5}.
 * </ul>
 *
 * with {@code clamp} to [0, 1]; the result is re-quantised ONCE at the end, {@code v' = round(255
 * x')} (half up). This is torchvision's float-tensor path followed by rounding; torchvision on
 * uint8 tensors instead truncates after every op ({@code .to(uint8)} in {@code _blend}, {@code
 * convert_image_dtype} multiplies by 255.999 and truncates after hue) and also truncates the grey
 * image before taking its mean, so it lands up to about one grey level per op below this result.
 * Colour ops whose factor is the identity are skipped (bit-identical for the blends, within
 * rounding for a hue shift of 0).
 *
 * @param flipHorizontal mirror left-right
 * @param flipVertical mirror top-bottom
 * @param rotate90 counter-clockwise quarter turns after the flips, 0-3 (1 and 3 swap width and
 *     height)
 * @param jitterOrder the order of the four colour ops, a permutation of {@link ColorOp}
 * @param brightnessFactor {@code f_b >= 0}, 1 = unchanged
 * @param contrastFactor {@code f_c >= 0}, 1 = unchanged
 * @param saturationFactor {@code f_s >= 0}, 1 = unchanged
 * @param hueFactor {@code f_h} in turns, in [-0.5, 0.5], 0 = unchanged
 */
public record AugmentParams(
        boolean flipHorizontal,
        boolean flipVertical,
        int rotate90,
        List<ColorOp> jitterOrder,
        double brightnessFactor,
        double contrastFactor,
        double saturationFactor,
        double hueFactor) {

    /** The augmentation that changes nothing. */
    public static final AugmentParams IDENTITY =
            new AugmentParams(false, false, 0, List.of(ColorOp.values()), 1.0, 1.0, 1.0, 0.0);

    /** Validates every value; copies the order. */
    public AugmentParams {
        if (rotate90 < 0 || rotate90 > 3) {
            throw new IllegalArgumentException(
                    "rotate90 must be 0-3 quarter turns, got " + rotate90);
        }
        jitterOrder = List.copyOf(jitterOrder);
        if (jitterOrder.size() != 4 || EnumSet.copyOf(jitterOrder).size() != 4) {
            throw new IllegalArgumentException(
                    "jitterOrder must be a permutation of "
                            + List.of(ColorOp.values())
                            + ", got "
                            + jitterOrder);
        }
        requireFactor("brightnessFactor", brightnessFactor);
        requireFactor("contrastFactor", contrastFactor);
        requireFactor("saturationFactor", saturationFactor);
        if (!(hueFactor >= -0.5 && hueFactor <= 0.5)) {
            throw new IllegalArgumentException(
                    "hueFactor must be in [-0.5, 0.5], got " + hueFactor);
        }
    }

    private static void requireFactor(String name, double value) {
        if (!(value >= 0.0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(
                    name + " must be a finite number >= 0, got " + value);
        }
    }

    /**
     * Augments one image.
     *
     * @param in the image (not modified)
     * @return a new image; width and height swapped when {@code rotate90} is odd
     */
    public RgbImage apply(RgbImage in) {
        PixelMap map =
                PixelMap.of(in.widthPx(), in.heightPx(), flipHorizontal, flipVertical, rotate90);
        byte[][] out = new byte[3][in.widthPx() * in.heightPx()];
        ColorJitter jitter = new ColorJitter(this);
        if (jitter.isIdentity()) {
            map.permute(in, out);
        } else {
            jitter.apply(in, map, out);
        }
        return new RgbImage(map.widthPx(), map.heightPx(), out);
    }
}
