package org.lowmag.slide;

import java.util.List;

/**
 * Picks the pyramid level to read a requested downsample from: the coarsest level whose downsample
 * is at most the requested one, allowing a relative slack of {@link #TOLERANCE} so that a level
 * stored at 2.0005 serves a request for 2 (scanners round level sizes). The remaining factor {@code
 * requested / levelDownsample} (at least {@code 1 / (1 + TOLERANCE)}) is resampled by the caller.
 */
final class LevelChooser {

    /** Relative slack: level {@code i} qualifies when {@code ds[i] <= requested * (1 + TOL)}. */
    static final double TOLERANCE = 0.01;

    private LevelChooser() {}

    /**
     * @param downsamples level downsamples, finest first, increasing
     * @param requested the requested downsample, at least 1
     * @return the index of the level to read
     */
    static int choose(List<Double> downsamples, double requested) {
        int best = 0;
        for (int i = 1; i < downsamples.size(); i++) {
            if (downsamples.get(i) <= requested * (1 + TOLERANCE)) {
                best = i;
            }
        }
        return best;
    }
}
