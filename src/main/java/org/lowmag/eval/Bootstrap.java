package org.lowmag.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Percentile-bootstrap confidence intervals for every metric of {@link ClassificationMetrics}.
 *
 * <p><b>Tissue unit</b> ({@link BootstrapConfig.Unit#TISSUE}). For a test set of {@code n} items
 * and {@code B} rounds: round {@code r} draws {@code n} item indices {@code rng.nextInt(n)}
 * uniformly with replacement, counts the drawn items' (truth, prediction) pairs into a confusion
 * matrix and recomputes all metrics {@code m_r}.
 *
 * <p><b>Group unit</b> ({@link BootstrapConfig.Unit#GROUP}, the cluster bootstrap). The items fall
 * into {@code G} groups (patients, slides, sets of near-duplicate images), numbered {@code 0..G-1}
 * in the order of their first item; {@code C_g} is the confusion matrix of group {@code g}'s items.
 * Round {@code r} draws {@code G} group indices {@code j_1..j_G}, each {@code rng.nextInt(G)}, and
 * recomputes all metrics {@code m_r} on {@code C_{j_1} + ... + C_{j_G}}: a drawn group brings all
 * its items, so a resample holds {@code G} groups but not necessarily {@code n} items. With one
 * item per group, in item order, the draws and therefore the intervals equal the tissue unit's.
 *
 * <p>The interval of a metric is {@code [Q(alpha/2), Q(1 - alpha/2)]} of {@code m_0..m_{B-1}},
 * {@code alpha = 1 - level}, with {@code Q} the linearly interpolated quantile of {@link
 * Percentiles#linear}. The point value is the metric on the whole test set, not the bootstrap mean.
 *
 * <p><b>Determinism.</b> Round {@code r} draws from {@code new SplittableRandom(s_r)}, where {@code
 * s_0, s_1, ...} are successive {@code nextLong()} values of {@code new SplittableRandom(seed)},
 * for either unit ({@link Rounds}). Rounds are independent of how they are spread over threads, so
 * results are identical for any thread count.
 */
public final class Bootstrap {

    private final BootstrapConfig config;
    private final int threads;

    /**
     * @param config iterations, level and seed
     * @param threads worker threads, at least 1 (the result does not depend on it)
     */
    public Bootstrap(BootstrapConfig config, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads = " + threads + " must be at least 1");
        }
        this.config = config;
        this.threads = threads;
    }

    /**
     * @param config iterations, level and seed
     * @return a bootstrap using every available processor
     */
    public static Bootstrap allCores(BootstrapConfig config) {
        return new Bootstrap(config, Runtime.getRuntime().availableProcessors());
    }

    /**
     * Computes the metrics of predictions with their bootstrap intervals, resampling single items.
     *
     * @param truth true class per test item
     * @param pred predicted class per test item
     * @param classNames the name of each class; its size is the number of classes {@code k}
     * @return the report
     * @throws IllegalArgumentException on bad input (see {@link ConfusionMatrix#of}), or when the
     *     unit is {@link BootstrapConfig.Unit#GROUP} (use the overload with groups)
     */
    public MetricsReport evaluate(int[] truth, int[] pred, List<String> classNames) {
        return evaluate(truth, pred, classNames, null);
    }

    /**
     * Computes the metrics of predictions with their bootstrap intervals, resampling the
     * configuration's unit.
     *
     * @param truth true class per test item
     * @param pred predicted class per test item
     * @param classNames the name of each class; its size is the number of classes {@code k}
     * @param groups the group of each test item (non-blank); required for the group unit, ignored
     *     (may be null) for the tissue unit
     * @return the report; for the group unit it records the number of groups {@code G}
     * @throws IllegalArgumentException on bad input (see {@link ConfusionMatrix#of}), or, for the
     *     group unit, when {@code groups} is null, not one per item, or has a null or blank entry
     */
    public MetricsReport evaluate(
            int[] truth, int[] pred, List<String> classNames, String[] groups) {
        int k = classNames.size();
        ConfusionMatrix confusion = ConfusionMatrix.of(truth, pred, k);
        double[][] rounds;
        int groupCount = 0;
        if (config.unit() == BootstrapConfig.Unit.GROUP) {
            GroupCounts byGroup = GroupCounts.of(truth, pred, k, groups);
            groupCount = byGroup.size();
            rounds = resample(byGroup, k);
        } else {
            rounds = resample(truth, pred, k);
        }
        ClassificationMetrics point = ClassificationMetrics.of(confusion);
        double[] pointVector = MetricVector.of(confusion);
        Estimate[] estimates = new Estimate[rounds.length];
        for (int m = 0; m < rounds.length; m++) {
            double[] sorted = rounds[m];
            Arrays.sort(sorted);
            estimates[m] =
                    new Estimate(
                            pointVector[m],
                            Percentiles.linear(sorted, config.lowerQuantile()),
                            Percentiles.linear(sorted, config.upperQuantile()));
        }
        return assemble(classNames, confusion, point, estimates, groupCount);
    }

    /**
     * Runs the tissue-level resampling rounds.
     *
     * @param truth true class per item (validated)
     * @param pred predicted class per item (validated)
     * @param k the number of classes
     * @return {@code [metric][round]}, metrics in {@link MetricVector} layout
     */
    double[][] resample(int[] truth, int[] pred, int k) {
        Labels.check(truth, pred, k);
        int n = truth.length;
        int[] cells = new int[n];
        for (int i = 0; i < n; i++) {
            cells[i] = truth[i] * k + pred[i];
        }
        return rounds(
                k,
                (rng, counts) -> {
                    for (int i = 0; i < n; i++) {
                        counts[cells[rng.nextInt(n)]]++;
                    }
                });
    }

    /**
     * Runs the group-level resampling rounds.
     *
     * @param groups the confusion counts of each group
     * @param k the number of classes
     * @return {@code [metric][round]}, metrics in {@link MetricVector} layout
     */
    double[][] resample(GroupCounts groups, int k) {
        int g = groups.size();
        return rounds(
                k,
                (rng, counts) -> {
                    for (int i = 0; i < g; i++) {
                        groups.addTo(rng.nextInt(g), counts);
                    }
                });
    }

    /** One round's draw: adds the resample's (truth, prediction) counts to zeroed counts. */
    @FunctionalInterface
    private interface Draw {
        void into(SplittableRandom rng, int[] counts);
    }

    /** Runs every round of {@code draw} with the documented per-round seeds, over the threads. */
    private double[][] rounds(int k, Draw draw) {
        int b = config.iterations();
        long[] roundSeeds = Rounds.seeds(config.seed(), b);
        double[][] out = new double[MetricVector.length(k)][b];
        Rounds.run(b, threads, (from, to) -> runRounds(draw, k, roundSeeds, from, to, out));
        return out;
    }

    private static void runRounds(
            Draw draw, int k, long[] roundSeeds, int from, int to, double[][] out) {
        int[] counts = new int[k * k];
        double[] metrics = new double[out.length];
        for (int r = from; r < to; r++) {
            Arrays.fill(counts, 0);
            draw.into(new SplittableRandom(roundSeeds[r]), counts);
            MetricVector.compute(counts, k, metrics);
            for (int m = 0; m < metrics.length; m++) {
                out[m][r] = metrics[m];
            }
        }
    }

    private MetricsReport assemble(
            List<String> classNames,
            ConfusionMatrix confusion,
            ClassificationMetrics point,
            Estimate[] e,
            int groups) {
        List<ClassEstimates> perClass = new ArrayList<>();
        for (int c = 0; c < classNames.size(); c++) {
            perClass.add(
                    new ClassEstimates(
                            e[MetricVector.classIndex(c, MetricVector.CLASS_PRECISION)],
                            e[MetricVector.classIndex(c, MetricVector.CLASS_RECALL)],
                            e[MetricVector.classIndex(c, MetricVector.CLASS_F1)],
                            e[MetricVector.classIndex(c, MetricVector.CLASS_ACCURACY)],
                            e[MetricVector.classIndex(c, MetricVector.CLASS_SUPPORT)]));
        }
        return new MetricsReport(
                classNames,
                confusion,
                point,
                e[MetricVector.ACCURACY],
                e[MetricVector.EXACT_ACCURACY],
                e[MetricVector.PRECISION],
                e[MetricVector.RECALL],
                e[MetricVector.F1],
                perClass,
                config,
                groups);
    }
}
