package org.lowmag.eval;

import java.util.List;

/**
 * The spread of one metric over repeated runs (seeds): for values {@code x_1..x_n}, {@code n >= 1},
 *
 * <pre>
 *   mean = (1/n) sum_i x_i
 *   sd   = sqrt( sum_i (x_i - mean)^2 / (n - 1) )    the sample standard deviation; 0 when n = 1
 *   min  = min_i x_i,   max = max_i x_i
 * </pre>
 *
 * @param mean the mean
 * @param sd the sample standard deviation (0 for one value)
 * @param min the smallest value
 * @param max the largest value
 * @param values the values, in the order given (seed order)
 */
public record Spread(double mean, double sd, double min, double max, List<Double> values) {

    /** Copies the values. */
    public Spread {
        values = List.copyOf(values);
    }

    /**
     * @param values at least one finite value
     * @return their spread
     * @throws IllegalArgumentException when there is no value or one is not finite
     */
    public static Spread of(List<Double> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("no values to summarise");
        }
        double sum = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("value " + v + " is not finite");
            }
            sum += v;
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        int n = values.size();
        double mean = sum / n;
        double squares = 0;
        for (double v : values) {
            squares += (v - mean) * (v - mean);
        }
        double sd = n == 1 ? 0 : Math.sqrt(squares / (n - 1));
        return new Spread(mean, sd, min, max, values);
    }

    /**
     * @return the number of values {@code n}
     */
    public int count() {
        return values.size();
    }
}
