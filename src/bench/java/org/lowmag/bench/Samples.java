package org.lowmag.bench;

import java.util.Arrays;
import java.util.Locale;

/**
 * Repeated measurements of one quantity, summarised by the median and the spread (minimum and
 * maximum).
 *
 * @param values the measurements, in the order taken
 */
public record Samples(double[] values) {

    /** Copies the values and checks there is at least one. */
    public Samples {
        if (values.length == 0) {
            throw new IllegalArgumentException("no samples");
        }
        values = values.clone();
    }

    /** A piece of work to time. */
    @FunctionalInterface
    public interface Work {
        /**
         * Runs the work once.
         *
         * @throws Exception when the work fails (the benchmark stops)
         */
        void run() throws Exception;
    }

    /** Least time spent warming up (the Python references use the same). */
    public static final double MIN_WARMUP_SECONDS = 2.0;

    /**
     * Least warm-up of the first measurement in a JVM: the JIT compiles DJL's and LowMag's paths in
     * the background meanwhile, on the same cores (a paper-net step at 64 px took 56 ms after 2 s
     * and 45 ms after 60 steps).
     */
    public static final double FIRST_WARMUP_SECONDS = 6.0;

    private static boolean warm;

    /**
     * Times {@code work}: untimed runs until at least {@code warmup} runs and {@link
     * #MIN_WARMUP_SECONDS} ({@link #FIRST_WARMUP_SECONDS} for the first call in this JVM) have
     * passed, then {@code reps} timed ones.
     *
     * @param warmup least number of untimed runs first
     * @param reps timed runs, at least 1
     * @param work the work
     * @return wall-clock seconds of each timed run
     * @throws Exception from the work
     */
    public static Samples seconds(int warmup, int reps, Work work) throws Exception {
        long start = System.nanoTime();
        double least = warm ? MIN_WARMUP_SECONDS : FIRST_WARMUP_SECONDS;
        for (int i = 0; i < warmup || System.nanoTime() - start < least * 1e9; i++) {
            work.run();
        }
        warm = true;
        double[] s = new double[reps];
        for (int i = 0; i < reps; i++) {
            long t0 = System.nanoTime();
            work.run();
            s[i] = (System.nanoTime() - t0) / 1e9;
        }
        return new Samples(s);
    }

    /**
     * @return the median (the mean of the two middle values for an even count)
     */
    public double median() {
        double[] s = values.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }

    /**
     * @return the smallest value
     */
    public double min() {
        return Arrays.stream(values).min().orElseThrow();
    }

    /**
     * @return the largest value
     */
    public double max() {
        return Arrays.stream(values).max().orElseThrow();
    }

    /**
     * @param f applied to every value (e.g. seconds to items per second)
     * @return the transformed samples
     */
    public Samples map(java.util.function.DoubleUnaryOperator f) {
        return new Samples(Arrays.stream(values).map(f).toArray());
    }

    /**
     * @return the values joined by {@code ;} (the raw CSV's sample column)
     */
    public String joined() {
        StringBuilder sb = new StringBuilder();
        for (double v : values) {
            if (sb.length() > 0) {
                sb.append(';');
            }
            sb.append(String.format(Locale.ROOT, "%.6g", v));
        }
        return sb.toString();
    }

    /**
     * @param joined values joined by {@code ;}
     * @return the samples
     */
    public static Samples parse(String joined) {
        return new Samples(
                Arrays.stream(joined.split(";")).mapToDouble(Double::parseDouble).toArray());
    }

    /**
     * @param other more samples of the same quantity (e.g. from another round)
     * @return all values together
     */
    public Samples plus(Samples other) {
        double[] all = Arrays.copyOf(values, values.length + other.values.length);
        System.arraycopy(other.values, 0, all, values.length, other.values.length);
        return new Samples(all);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Samples s && Arrays.equals(values, s.values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "Samples" + Arrays.toString(values);
    }
}
