package org.lowmag.eval;

import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;

/**
 * The rounds of a seeded bootstrap, shared by {@link Bootstrap} and {@link PairedBootstrap}: the
 * per-round seeds, and the rounds spread over threads so that the result never depends on how many.
 *
 * <p>Round {@code r} of {@code B} draws from {@code new SplittableRandom(s_r)}, where {@code s_0,
 * s_1, ...} are successive {@code nextLong()} values of {@code new SplittableRandom(seed)}. Rounds
 * are cut into at most {@code 8 * threads} consecutive chunks; a chunk writes only its own rounds'
 * results.
 */
final class Rounds {

    /** One chunk of rounds: computes rounds {@code from..to-1}. */
    @FunctionalInterface
    interface Chunk {
        void run(int from, int to);
    }

    private Rounds() {}

    /**
     * @param seed the bootstrap's seed
     * @param b the number of rounds
     * @return {@code s_0..s_{B-1}}
     */
    static long[] seeds(long seed, int b) {
        long[] out = new long[b];
        SplittableRandom root = new SplittableRandom(seed);
        for (int r = 0; r < b; r++) {
            out[r] = root.nextLong();
        }
        return out;
    }

    /**
     * Runs rounds {@code 0..b-1} in chunks over the threads (on the calling thread when there is
     * one).
     *
     * @param b the number of rounds
     * @param threads worker threads, at least 1
     * @param chunk computes a range of rounds
     */
    static void run(int b, int threads, Chunk chunk) {
        if (threads == 1) {
            chunk.run(0, b);
            return;
        }
        int chunks = Math.min(b, threads * 8);
        ForkJoinPool pool = new ForkJoinPool(threads);
        try {
            pool.submit(
                            () ->
                                    IntStream.range(0, chunks)
                                            .parallel()
                                            .forEach(
                                                    c ->
                                                            chunk.run(
                                                                    bound(c, b, chunks),
                                                                    bound(c + 1, b, chunks))))
                    .join();
        } finally {
            pool.shutdown();
        }
    }

    /** The first round of chunk {@code c} when {@code b} rounds are cut into {@code chunks}. */
    private static int bound(int c, int b, int chunks) {
        return (int) ((long) c * b / chunks);
    }
}
