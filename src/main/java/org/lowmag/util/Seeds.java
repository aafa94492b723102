package org.lowmag.util;

/**
 * Derives independent seeds from a run's seed and a position (epoch, tissue index, bootstrap round,
 * ...), so that every random choice depends only on where it is made, never on the order of threads
 * or on how many steps ran before a resume.
 *
 * <p>{@code mix(seed, a, b, ...)} folds each part into the state with SplitMix64's finaliser:
 * {@code z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9; z = (z ^ (z >>> 27)) * 0x94d049bb133111eb; z ^=
 * z >>> 31}.
 */
public final class Seeds {

    private Seeds() {}

    /**
     * @param seed the base seed
     * @param parts the position
     * @return a well-mixed seed for that position
     */
    public static long mix(long seed, long... parts) {
        long z = finalise(seed + 0x9e3779b97f4a7c15L);
        for (long p : parts) {
            z = finalise(z ^ finalise(p + 0x9e3779b97f4a7c15L));
        }
        return z;
    }

    private static long finalise(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
