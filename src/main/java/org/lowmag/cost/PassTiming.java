package org.lowmag.cost;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Wall-clock time of one pass over {@code n} items (e.g. inference over a test split), repeated so
 * that a single pass slowed by other work on the machine does not decide the number. After {@code
 * w} untimed warm-up passes (which load kernels and allocate buffers), {@code r} passes are timed,
 * taking {@code s_1..s_r} seconds:
 *
 * <pre>
 *   seconds per item  = median_i(s_i) / n      the middle s of the sorted s_(1) &lt;= ... &lt;= s_(r)
 *                                              (r odd), else the mean of the two middle ones
 *   fastest, slowest  = min_i(s_i) / n, max_i(s_i) / n
 * </pre>
 *
 * @param warmupPasses {@code w}: untimed passes run before the timed ones
 * @param passSeconds {@code s_1..s_r}, in the order run, at least one
 * @param items {@code n}, the items of one pass, positive
 */
public record PassTiming(int warmupPasses, List<Double> passSeconds, int items) {

    /** The {@code metrics.json} method name of this statistic. */
    public static final String METHOD = "median of timed passes";

    /** Copies and checks. */
    public PassTiming {
        passSeconds = List.copyOf(passSeconds);
        if (passSeconds.isEmpty()) {
            throw new IllegalArgumentException("no timed pass");
        }
        if (items < 1) {
            throw new IllegalArgumentException("items = " + items + " must be positive");
        }
        if (warmupPasses < 0) {
            throw new IllegalArgumentException("warmupPasses = " + warmupPasses + " < 0");
        }
        for (double s : passSeconds) {
            if (!(s >= 0) || !Double.isFinite(s)) {
                throw new IllegalArgumentException("pass time " + s + " s is not a finite s >= 0");
            }
        }
    }

    /** One pass over the items. */
    @FunctionalInterface
    public interface Pass {
        /**
         * Runs the pass.
         *
         * @throws IOException when the pass fails
         */
        void run() throws IOException;
    }

    /**
     * Times {@code timedPasses} runs of {@code pass}, after {@code warmupDone} warm-up passes that
     * the caller has already run (for example the pass whose outputs it keeps).
     *
     * @param warmupDone untimed passes already run, {@code >= 0}
     * @param timedPasses {@code r >= 1}
     * @param items the items of one pass
     * @param pass the pass
     * @param nanoClock the clock, e.g. {@code System::nanoTime}
     * @return the timing
     * @throws IOException when a pass fails
     */
    public static PassTiming measure(
            int warmupDone, int timedPasses, int items, Pass pass, LongSupplier nanoClock)
            throws IOException {
        if (timedPasses < 1) {
            throw new IllegalArgumentException("timedPasses = " + timedPasses + " must be >= 1");
        }
        List<Double> seconds = new ArrayList<>(timedPasses);
        for (int i = 0; i < timedPasses; i++) {
            long t0 = nanoClock.getAsLong();
            pass.run();
            seconds.add((nanoClock.getAsLong() - t0) / 1e9);
        }
        return new PassTiming(warmupDone, seconds, items);
    }

    /**
     * @return {@code r}, the number of timed passes
     */
    public int timedPasses() {
        return passSeconds.size();
    }

    /**
     * @return the median pass time over the items, seconds per item
     */
    public double medianPerItem() {
        double[] s = sorted();
        int r = s.length;
        double median = r % 2 == 1 ? s[r / 2] : (s[r / 2 - 1] + s[r / 2]) / 2;
        return median / items;
    }

    /**
     * @return the fastest pass over the items, seconds per item
     */
    public double minPerItem() {
        return sorted()[0] / items;
    }

    /**
     * @return the slowest pass over the items, seconds per item
     */
    public double maxPerItem() {
        double[] s = sorted();
        return s[s.length - 1] / items;
    }

    private double[] sorted() {
        double[] s = passSeconds.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(s);
        return s;
    }

    /**
     * @return {@code {"method", "warmup_passes", "timed_passes", "pass_seconds", "items",
     *     "seconds_per_item_median", "seconds_per_item_min", "seconds_per_item_max"}}
     */
    public Map<String, Object> toJsonTree() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("method", METHOD);
        m.put("warmup_passes", warmupPasses);
        m.put("timed_passes", timedPasses());
        m.put("pass_seconds", passSeconds);
        m.put("items", items);
        m.put("seconds_per_item_median", medianPerItem());
        m.put("seconds_per_item_min", minPerItem());
        m.put("seconds_per_item_max", maxPerItem());
        return m;
    }
}
