package org.lowmag.dataset;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The online augmentation of the paper (section 3.2): random colour brightness, contrast,
 * saturation and hue (torchvision's {@code ColorJitter(brightness, contrast, saturation, hue)}),
 * horizontal and vertical flips, and rotations by multiples of 90 degrees. {@link #paperDefault()}
 * holds the authors' values.
 *
 * <p>{@link #sample(long)} draws, from {@code new SplittableRandom(seed)} and in this order:
 *
 * <ol>
 *   <li>flip left-right and flip top-bottom, each with probability 1/2 ({@code flips});
 *   <li>{@code k} quarter turns counter-clockwise, uniform in 0-3 ({@code rotate90});
 *   <li>the order of the four colour ops, a uniform permutation (Fisher-Yates);
 *   <li>{@code f_b, f_c, f_s} uniform in {@code [max(0, 1 - x), 1 + x]} for {@code x} = brightness,
 *       contrast, saturation, and {@code f_h} uniform in {@code [-hue, hue]}.
 * </ol>
 *
 * Every value is drawn even when its op is off (then ignored, or a zero-width range), so the draws
 * of one op never depend on the settings of another.
 *
 * @param flips random horizontal and vertical flips
 * @param rotate90 random rotation by 0, 90, 180 or 270 degrees
 * @param brightness jitter strength {@code x >= 0} (0 = off)
 * @param contrast jitter strength {@code x >= 0} (0 = off)
 * @param saturation jitter strength {@code x >= 0} (0 = off)
 * @param hue jitter strength in turns, in [0, 0.5] (0 = off)
 */
public record Augmentation(
        boolean flips,
        boolean rotate90,
        double brightness,
        double contrast,
        double saturation,
        double hue) {

    /** Validates the ranges as torchvision's {@code ColorJitter} does (finite values only). */
    public Augmentation {
        requireStrength("brightness", brightness);
        requireStrength("contrast", contrast);
        requireStrength("saturation", saturation);
        if (!(hue >= 0.0 && hue <= 0.5)) {
            throw new IllegalArgumentException("hue must be in [0, 0.5], got " + hue);
        }
    }

    private static void requireStrength(String name, double value) {
        if (!(value >= 0.0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(
                    name + " must be a finite number >= 0, got " + value);
        }
    }

    /**
     * @return the authors' defaults: flips, rotations, brightness = contrast = saturation = 0.5,
     *     hue = 0.2
     */
    public static Augmentation paperDefault() {
        return new Augmentation(true, true, 0.5, 0.5, 0.5, 0.2);
    }

    /**
     * @return no augmentation (every sample leaves an image unchanged)
     */
    public static Augmentation none() {
        return new Augmentation(false, false, 0.0, 0.0, 0.0, 0.0);
    }

    /**
     * Draws one augmentation.
     *
     * @param seed the seed (derive it from the position, e.g. {@code Seeds.mix(runSeed, epoch,
     *     tissueIndex)}, and use the same one for the teacher's and the student's image)
     * @return the parameters
     */
    public AugmentParams sample(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        boolean flipH = rnd.nextBoolean() && flips;
        boolean flipV = rnd.nextBoolean() && flips;
        int turns = rnd.nextInt(4);
        List<ColorOp> order = new ArrayList<>(List.of(ColorOp.values()));
        for (int i = order.size() - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            order.set(i, order.set(j, order.get(i)));
        }
        double fb = factor(rnd, brightness);
        double fc = factor(rnd, contrast);
        double fs = factor(rnd, saturation);
        double fh = -hue + 2.0 * hue * rnd.nextDouble();
        return new AugmentParams(flipH, flipV, rotate90 ? turns : 0, order, fb, fc, fs, fh);
    }

    /** Uniform in {@code [max(0, 1 - x), 1 + x]}; exactly 1 when {@code x = 0}. */
    private static double factor(SplittableRandom rnd, double x) {
        double lo = Math.max(0.0, 1.0 - x);
        double hi = 1.0 + x;
        return lo + (hi - lo) * rnd.nextDouble();
    }
}
