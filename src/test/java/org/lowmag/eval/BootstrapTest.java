package org.lowmag.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BootstrapTest {

    private static final List<String> AB = List.of("a", "b");

    /**
     * All predictions correct: every resample is all correct, so both accuracies are 1 in every
     * round and the interval is exactly [1, 1].
     */
    @Test
    void allCorrectGivesDegenerateInterval() {
        int[] truth = new int[30];
        for (int i = 0; i < truth.length; i++) {
            truth[i] = i % 3;
        }
        MetricsReport r =
                new Bootstrap(BootstrapConfig.paper(7), 2)
                        .evaluate(truth, truth.clone(), List.of("x", "y", "z"));
        assertEquals(new Estimate(1, 1, 1), r.accuracy());
        assertEquals(new Estimate(1, 1, 1), r.exactAccuracy());
        assertEquals(1.0, r.f1().ciHigh());
        assertEquals(10.0, r.perClass().get(0).support().value());
    }

    /**
     * Ten items, seven predicted correctly, two classes. The number correct in a resample is
     * Binomial(10, 0.7), so resampled accuracy (exact = macro one-vs-rest for two classes) is X/10.
     * Binomial CDF: P(X<=3) = 0.0106, P(X<=4) = 0.0473, P(X<=5) = 0.1503, P(X<=8) = 0.8507, P(X<=9)
     * = 0.9718. The 2.5% quantile is therefore 4 and the 97.5% quantile 10: CI [0.4, 1.0]; at level
     * 0.8 the 10% and 90% quantiles are 5 and 9: CI [0.5, 0.9]. With B = 200,000 the empirical CDF
     * has standard error below 0.0004, far inside every gap (the closest, 0.975 - 0.9718, is 9
     * standard errors), which the test also checks from the exact CDF.
     */
    @Test
    void binomialAccuracyPercentiles() {
        int[] truth = {0, 0, 0, 0, 0, 1, 1, 1, 1, 1};
        int[] pred = {0, 0, 0, 0, 1, 1, 1, 1, 0, 0};
        int b = 200_000;
        for (double level : new double[] {0.95, 0.8}) {
            BootstrapConfig cfg = new BootstrapConfig(b, level, 11);
            double lo = binomialQuantile(10, 0.7, cfg.lowerQuantile(), b) / 10.0;
            double hi = binomialQuantile(10, 0.7, cfg.upperQuantile(), b) / 10.0;
            MetricsReport r = new Bootstrap(cfg, 2).evaluate(truth, pred, AB);
            assertEquals(0.7, r.exactAccuracy().value(), 1e-15);
            assertEquals(lo, r.exactAccuracy().ciLow(), 1e-15, "level " + level);
            assertEquals(hi, r.exactAccuracy().ciHigh(), 1e-15, "level " + level);
            assertEquals(r.exactAccuracy(), r.accuracy());
        }
        assertEquals(4, binomialQuantile(10, 0.7, 0.025, b));
        assertEquals(10, binomialQuantile(10, 0.7, 0.975, b));
    }

    /**
     * Two items, one correct: resampled accuracy is 0, 1/2, 1 with probabilities 1/4, 1/2, 1/4. At
     * level 0.4 (quantiles 0.3 and 0.7) both ends fall on 1/2; at 0.95 the interval is [0, 1].
     */
    @Test
    void twoItems() {
        int[] truth = {0, 1};
        int[] pred = {0, 0};
        MetricsReport narrow =
                new Bootstrap(new BootstrapConfig(20_000, 0.4, 3), 1).evaluate(truth, pred, AB);
        assertEquals(new Estimate(0.5, 0.5, 0.5), narrow.exactAccuracy());
        MetricsReport wide =
                new Bootstrap(new BootstrapConfig(20_000, 0.95, 3), 1).evaluate(truth, pred, AB);
        assertEquals(new Estimate(0.5, 0, 1), wide.exactAccuracy());
    }

    /** Same seed: identical reports for 1, 2 and 3 threads; another seed: a different interval. */
    @Test
    void deterministicAcrossThreadCounts() {
        int[][] data = randomData(300, 4, 5);
        List<String> names = List.of("a", "b", "c", "d");
        BootstrapConfig cfg = new BootstrapConfig(2_000, 0.95, 42);
        MetricsReport one = new Bootstrap(cfg, 1).evaluate(data[0], data[1], names);
        assertEquals(one, new Bootstrap(cfg, 2).evaluate(data[0], data[1], names));
        assertEquals(one, new Bootstrap(cfg, 3).evaluate(data[0], data[1], names));
        MetricsReport other =
                new Bootstrap(new BootstrapConfig(2_000, 0.95, 43), 2)
                        .evaluate(data[0], data[1], names);
        assertNotEquals(one.f1(), other.f1());
        assertEquals(one.f1().value(), other.f1().value());
    }

    /**
     * The documented derivation: round r draws n indices from new SplittableRandom(s_r), s_r the
     * r-th nextLong() of new SplittableRandom(seed). Recomputes two rounds independently.
     */
    @Test
    void roundsFollowTheDocumentedSeeding() {
        int[][] data = randomData(50, 3, 9);
        int k = 3;
        BootstrapConfig cfg = new BootstrapConfig(40, 0.95, 123);
        double[][] rounds = new Bootstrap(cfg, 3).resample(data[0], data[1], k);
        SplittableRandom root = new SplittableRandom(123);
        for (int r = 0; r < 40; r++) {
            SplittableRandom rng = new SplittableRandom(root.nextLong());
            int[] t = new int[50];
            int[] p = new int[50];
            for (int i = 0; i < 50; i++) {
                int j = rng.nextInt(50);
                t[i] = data[0][j];
                p[i] = data[1][j];
            }
            ClassificationMetrics m = ClassificationMetrics.of(t, p, k);
            double[] col = new double[rounds.length];
            for (int v = 0; v < rounds.length; v++) {
                col[v] = rounds[v][r];
            }
            assertEquals(m.exactAccuracy(), col[MetricVector.EXACT_ACCURACY], "round " + r);
            assertEquals(m.f1(), col[MetricVector.F1], "round " + r);
            assertEquals(
                    m.perClass().get(2).recall(),
                    col[MetricVector.classIndex(2, MetricVector.CLASS_RECALL)]);
        }
    }

    /** Point values are the whole-test-set metrics; intervals are ordered and contain them here. */
    @Test
    void pointValuesMatchMetrics() {
        int[][] data = randomData(400, 3, 1);
        MetricsReport r =
                new Bootstrap(new BootstrapConfig(1_000, 0.95, 5), 2)
                        .evaluate(data[0], data[1], List.of("a", "b", "c"));
        ClassificationMetrics m = ClassificationMetrics.of(data[0], data[1], 3);
        assertEquals(m, r.point());
        assertEquals(m.f1(), r.f1().value());
        assertEquals(m.accuracy(), r.accuracy().value());
        assertEquals(m.perClass().get(1).precision(), r.perClass().get(1).precision().value());
        for (Estimate e : List.of(r.accuracy(), r.f1(), r.precision(), r.recall())) {
            assertTrue(e.ciLow() < e.value() && e.value() < e.ciHigh(), e.toString());
        }
    }

    @Test
    void rejectsBadInput() {
        Bootstrap b = new Bootstrap(new BootstrapConfig(10, 0.95, 1), 1);
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> b.evaluate(new int[] {0, 2}, new int[] {0, 1}, AB));
        assertTrue(e.getMessage().contains("truth[1] = 2"), e.getMessage());
        assertThrows(
                IllegalArgumentException.class,
                () -> b.evaluate(new int[] {0}, new int[] {0, 1}, AB));
        assertThrows(IllegalArgumentException.class, () -> b.evaluate(new int[0], new int[0], AB));
        assertThrows(
                IllegalArgumentException.class,
                () -> b.evaluate(new int[] {0}, new int[] {0}, List.of("a", "a")));
        e = assertThrows(IllegalArgumentException.class, () -> new BootstrapConfig(0, 0.95, 1));
        assertTrue(e.getMessage().contains("iterations = 0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new BootstrapConfig(10, 1.0, 1));
        assertTrue(e.getMessage().contains("level = 1.0"), e.getMessage());
        assertThrows(
                IllegalArgumentException.class, () -> new Bootstrap(BootstrapConfig.paper(1), 0));
    }

    /**
     * Smallest x with P(X <= x) >= q for X ~ Binomial(n, p), asserting that q is at least 6
     * standard errors of a B-sample empirical CDF away from every CDF step (else a bootstrap
     * percentile could legitimately land elsewhere).
     */
    static int binomialQuantile(int n, double p, double q, int b) {
        double cdf = 0;
        double margin = 6 * Math.sqrt(q * (1 - q) / b);
        for (int x = 0; x <= n; x++) {
            double before = cdf;
            cdf += choose(n, x) * Math.pow(p, x) * Math.pow(1 - p, n - x);
            if (cdf >= q) {
                assertTrue(q - before > margin && cdf - q > margin, "q=" + q);
                return x;
            }
        }
        return n;
    }

    private static double choose(int n, int x) {
        double c = 1;
        for (int i = 1; i <= x; i++) {
            c = c * (n - x + i) / i;
        }
        return c;
    }

    /** Random labels with predictions correct about 70% of the time. */
    static int[][] randomData(int n, int k, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int[] truth = new int[n];
        int[] pred = new int[n];
        for (int i = 0; i < n; i++) {
            truth[i] = rng.nextInt(k);
            pred[i] = rng.nextDouble() < 0.7 ? truth[i] : rng.nextInt(k);
        }
        return new int[][] {truth, pred};
    }
}
