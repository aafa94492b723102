package org.lowmag.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Paired group bootstrap of the difference between two arms evaluated on the same test tissues,
 * each arm one or more runs (seeds).
 *
 * <p>Let arm A have runs {@code a_1..a_p} and arm B runs {@code b_1..b_q}, all evaluated on the
 * same {@code n} tissues (matched by id, see {@link RunPredictions}), and let the tissues fall into
 * {@code G} groups {@code 0..G-1}, numbered in the order of their first tissue (the first run's
 * order). {@code C_{x,g}} is the confusion matrix of run {@code x} on group {@code g}'s tissues,
 * counted once. For a metric {@code m} of {@link ClassificationMetrics} (same formulas, {@link
 * MetricVector}) the statistic on group multiplicities {@code w_0..w_{G-1}} is
 *
 * <pre>
 *   D(w) = (1/p) sum_i m( sum_g w_g C_{a_i,g} )  -  (1/q) sum_j m( sum_g w_g C_{b_j,g} )
 * </pre>
 *
 * <p>The point value is {@code D(1, ..., 1)}: the difference of the arms' mean metrics on the whole
 * test set. Round {@code r} draws {@code G} group indices {@code rng.nextInt(G)} with replacement,
 * {@code w_g} = how often {@code g} was drawn, and computes {@code D_r = D(w)}: the <b>same</b>
 * draw for every run of both arms, so that what the runs share (the tissues' difficulty) cancels
 * out of the difference. The interval is {@code [Q(alpha/2), Q(1 - alpha/2)]} of {@code
 * D_0..D_{B-1}}, {@code alpha = 1 - level}, {@link Percentiles#linear}. With the tissue unit every
 * tissue is its own group ({@code G = n}, in tissue order): the tissue-level paired bootstrap.
 *
 * <p>Cost: each run's per-group counts are made once; a round costs {@code O(G)} draws plus, per
 * run, the cells of the distinct groups drawn, whatever the number of tissues. Round {@code r}
 * draws from the per-round seeds of {@link Rounds}, so results are identical for any thread count.
 */
public final class PairedBootstrap {

    /** The macro metrics of {@link MetricVector} compared: indices 0..4. */
    private static final int METRICS = MetricVector.GLOBAL;

    private final BootstrapConfig config;
    private final int threads;

    /**
     * @param config iterations, level, seed and unit
     * @param threads worker threads, at least 1 (the result does not depend on it)
     */
    public PairedBootstrap(BootstrapConfig config, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads = " + threads + " must be at least 1");
        }
        this.config = config;
        this.threads = threads;
    }

    /**
     * @param config iterations, level, seed and unit
     * @return a paired bootstrap using every available processor
     */
    public static PairedBootstrap allCores(BootstrapConfig config) {
        return new PairedBootstrap(config, Runtime.getRuntime().availableProcessors());
    }

    /**
     * Compares arm A with arm B.
     *
     * @param a arm A's runs, at least one
     * @param b arm B's runs, at least one (a run may be in both arms)
     * @param classes the number of classes {@code k}
     * @param groupOf each tissue's group, required for the group unit (ignored for the tissue unit,
     *     may then be null)
     * @return A minus B with intervals
     * @throws IllegalArgumentException when an arm is empty, when two runs were evaluated on
     *     different tissues or truths (naming both), or when a tissue has no group
     */
    public PairedDifference compare(
            List<RunPredictions> a,
            List<RunPredictions> b,
            int classes,
            Map<String, String> groupOf) {
        if (a.isEmpty() || b.isEmpty()) {
            throw new IllegalArgumentException(
                    "each arm needs at least one run (A has " + a.size() + ", B " + b.size() + ")");
        }
        List<RunPredictions> all = new ArrayList<>(a);
        all.addAll(b);
        PairedTissues aligned = PairedTissues.align(all, classes);
        String[] groups = groups(aligned.tissues(), groupOf);
        GroupCounts[] counts = new GroupCounts[all.size()];
        double[] sumA = new double[METRICS];
        double[] sumB = new double[METRICS];
        for (int x = 0; x < all.size(); x++) {
            int[] pred = aligned.pred(x);
            counts[x] = GroupCounts.of(aligned.truth(), pred, classes, groups);
            double[] v = MetricVector.of(ConfusionMatrix.of(aligned.truth(), pred, classes));
            double[] sum = x < a.size() ? sumA : sumB;
            for (int m = 0; m < METRICS; m++) {
                sum[m] += v[m];
            }
        }
        double[] point = new double[METRICS];
        for (int m = 0; m < METRICS; m++) {
            point[m] = sumA[m] / a.size() - sumB[m] / b.size();
        }
        int g = counts[0].size();
        double[][] rounds = rounds(counts, a.size(), classes);
        Estimate[] e = new Estimate[METRICS];
        for (int m = 0; m < METRICS; m++) {
            Arrays.sort(rounds[m]);
            e[m] =
                    new Estimate(
                            point[m],
                            Percentiles.linear(rounds[m], config.lowerQuantile()),
                            Percentiles.linear(rounds[m], config.upperQuantile()));
        }
        return new PairedDifference(
                e[MetricVector.ACCURACY],
                e[MetricVector.EXACT_ACCURACY],
                e[MetricVector.PRECISION],
                e[MetricVector.RECALL],
                e[MetricVector.F1],
                aligned.tissues().size(),
                g,
                config);
    }

    /** Each tissue's group: its own id for the tissue unit, else its group (checked). */
    private String[] groups(List<String> tissues, Map<String, String> groupOf) {
        if (config.unit() == BootstrapConfig.Unit.TISSUE) {
            return tissues.toArray(String[]::new);
        }
        if (groupOf == null) {
            throw new IllegalArgumentException(
                    "the bootstrap unit is group but no groups were given: give each tissue's"
                            + " group, or use the tissue unit");
        }
        String[] out = new String[tissues.size()];
        for (int i = 0; i < out.length; i++) {
            String grp = groupOf.get(tissues.get(i));
            if (grp == null || grp.isBlank()) {
                throw new IllegalArgumentException(
                        "tissue " + tissues.get(i) + " has no group for the group bootstrap");
            }
            out[i] = grp;
        }
        return out;
    }

    /**
     * @param counts per run (A's first, then B's) the per-group confusion counts
     * @param p the number of A's runs
     * @param k the number of classes
     * @return {@code [metric][round]} of {@code D_r}
     */
    double[][] rounds(GroupCounts[] counts, int p, int k) {
        int b = config.iterations();
        int g = counts[0].size();
        int q = counts.length - p;
        long[] seeds = Rounds.seeds(config.seed(), b);
        double[][] out = new double[METRICS][b];
        Rounds.run(
                b,
                threads,
                (from, to) -> {
                    int[] times = new int[g];
                    int[] drawn = new int[g];
                    int[] cells = new int[k * k];
                    double[] v = new double[MetricVector.length(k)];
                    double[] sumA = new double[METRICS];
                    double[] sumB = new double[METRICS];
                    for (int r = from; r < to; r++) {
                        SplittableRandom rng = new SplittableRandom(seeds[r]);
                        Arrays.fill(times, 0);
                        int distinct = 0;
                        for (int i = 0; i < g; i++) {
                            int j = rng.nextInt(g);
                            if (times[j]++ == 0) {
                                drawn[distinct++] = j;
                            }
                        }
                        Arrays.fill(sumA, 0);
                        Arrays.fill(sumB, 0);
                        for (int x = 0; x < counts.length; x++) {
                            Arrays.fill(cells, 0);
                            for (int d = 0; d < distinct; d++) {
                                counts[x].addTo(drawn[d], cells, times[drawn[d]]);
                            }
                            MetricVector.compute(cells, k, v);
                            double[] sum = x < p ? sumA : sumB;
                            for (int m = 0; m < METRICS; m++) {
                                sum[m] += v[m];
                            }
                        }
                        for (int m = 0; m < METRICS; m++) {
                            out[m][r] = sumA[m] / p - sumB[m] / q;
                        }
                    }
                });
        return out;
    }
}
