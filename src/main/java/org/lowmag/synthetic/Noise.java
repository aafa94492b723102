package org.lowmag.synthetic;

/**
 * Seeded hash and value noise, pure functions of (seed, position): the same point always gets the
 * same value, whatever thread asks and in what order.
 *
 * <p>{@code hash(seed, i, j) = mix(seed + i K1 + j K2)} with SplitMix64's finaliser {@code mix},
 * mapped to [0, 1). Value noise interpolates lattice hashes with the smoothstep {@code s(t) = t^2
 * (3 - 2t)}: {@code v(x, y) = lerp(lerp(h00, h10, s(fx)), lerp(h01, h11, s(fx)), s(fy))}, in [0,
 * 1), with features about one lattice unit wide.
 */
final class Noise {

    private static final long K1 = 0x9E37_79B9_7F4A_7C15L;
    private static final long K2 = 0xC2B2_AE3D_27D4_EB4FL;

    private Noise() {}

    /**
     * SplitMix64's finaliser: a bijective scramble of 64 bits.
     *
     * @param z the input
     * @return the scrambled value
     */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58_476D_1CE4_E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D0_49BB_1331_11EBL;
        return z ^ (z >>> 31);
    }

    /**
     * Derives an independent seed for a named purpose.
     *
     * @param seed the parent seed
     * @param salt the purpose
     * @return the child seed
     */
    static long derive(long seed, long salt) {
        return mix(seed ^ mix(salt * K1 + K2));
    }

    /**
     * @param seed the seed
     * @param i first lattice coordinate
     * @param j second lattice coordinate
     * @return a uniform value in [0, 1)
     */
    static double hash(long seed, long i, long j) {
        return (mix(seed + i * K1 + j * K2) >>> 11) * 0x1.0p-53;
    }

    /**
     * Smooth value noise.
     *
     * @param seed the seed
     * @param x first coordinate in lattice units
     * @param y second coordinate in lattice units
     * @return a value in [0, 1)
     */
    static double value(long seed, double x, double y) {
        double fx0 = Math.floor(x);
        double fy0 = Math.floor(y);
        long ix = (long) fx0;
        long iy = (long) fy0;
        double tx = x - fx0;
        double ty = y - fy0;
        double sx = tx * tx * (3 - 2 * tx);
        double sy = ty * ty * (3 - 2 * ty);
        double h00 = hash(seed, ix, iy);
        double h10 = hash(seed, ix + 1, iy);
        double h01 = hash(seed, ix, iy + 1);
        double h11 = hash(seed, ix + 1, iy + 1);
        double top = h00 + (h10 - h00) * sx;
        double bottom = h01 + (h11 - h01) * sx;
        return top + (bottom - top) * sy;
    }
}
