package org.lowmag.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.lowmag.eval.BootstrapConfig.Unit;
import org.lowmag.eval.PairedDifference.Verdict;

/** The paired group bootstrap: hand-derived distributions, reductions, determinism, bad input. */
class PairedBootstrapTest {

    private static final Estimate ZERO = new Estimate(0, 0, 0);

    private static RunPredictions run(String name, int[] truth, int[] pred) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < truth.length; i++) {
            ids.add("t" + i);
        }
        return new RunPredictions(name, ids, truth, pred);
    }

    private static PairedDifference compare(
            BootstrapConfig c,
            int threads,
            List<RunPredictions> a,
            List<RunPredictions> b,
            int k,
            Map<String, String> groups) {
        return new PairedBootstrap(c, threads).compare(a, b, k, groups);
    }

    /**
     * Two groups of two tissues, two classes. Group X: A right on both, B wrong on both; group Y:
     * both right. A round draws 2 groups: XX, XY, YX, YY with probability 1/4 each. Exact accuracy
     * of A is 1 always; of B it is 0, 1/2, 1/2, 1. The difference is therefore 1, 1/2, 0 with
     * probabilities 1/4, 1/2, 1/4. The point value is 1 - 2/4 = 1/2. At level 0.95 (quantiles 0.025
     * and 0.975) the interval is [0, 1]; at level 0.4 (0.3 and 0.7) it is [1/2, 1/2]. With B =
     * 20,000 the empirical frequencies have standard errors under 0.004.
     */
    @Test
    void twoGroupsOneWhereOnlyARightOneWhereBothRight() {
        int[] truth = {0, 1, 0, 1};
        RunPredictions a = run("A", truth, new int[] {0, 1, 0, 1});
        RunPredictions b = run("B", truth, new int[] {1, 0, 0, 1});
        Map<String, String> groups = Map.of("t0", "X", "t1", "X", "t2", "Y", "t3", "Y");
        BootstrapConfig wide = new BootstrapConfig(20_000, 0.95, 5, Unit.GROUP);
        PairedDifference d = compare(wide, 2, List.of(a), List.of(b), 2, groups);
        assertEquals(new Estimate(0.5, 0, 1), d.exactAccuracy());
        assertEquals(d.exactAccuracy(), d.accuracy(), "two classes: the same");
        assertEquals(2, d.groups());
        assertEquals(4, d.tissues());
        BootstrapConfig narrow = new BootstrapConfig(20_000, 0.4, 5, Unit.GROUP);
        assertEquals(
                new Estimate(0.5, 0.5, 0.5),
                compare(narrow, 2, List.of(a), List.of(b), 2, groups).exactAccuracy());

        String[] g = {"X", "X", "Y", "Y"};
        GroupCounts[] counts = {
            GroupCounts.of(truth, a.pred(), 2, g), GroupCounts.of(truth, b.pred(), 2, g)
        };
        double[][] rounds = new PairedBootstrap(wide, 1).rounds(counts, 1, 2);
        int[] seen = new int[3];
        for (double v : rounds[MetricVector.EXACT_ACCURACY]) {
            assertTrue(v == 0 || v == 0.5 || v == 1, "difference " + v);
            seen[(int) (2 * v)]++;
        }
        assertEquals(0.25, seen[0] / 20_000.0, 0.015);
        assertEquals(0.50, seen[1] / 20_000.0, 0.015);
        assertEquals(0.25, seen[2] / 20_000.0, 0.015);
    }

    /**
     * With k classes every run's macro one-vs-rest accuracy is 1 - 2 (1 - exact) / k, and all runs
     * share N, so the accuracy difference is exactly 2/k times the exact-accuracy difference, in
     * every round and so at both ends of the interval.
     */
    @Test
    void accuracyDifferenceIsTwoOverKTimesTheExactOne() {
        int[][] x = BootstrapTest.randomData(120, 3, 11);
        int[][] y = BootstrapTest.randomData(120, 3, 12);
        RunPredictions a = run("A", x[0], x[1]);
        RunPredictions b = run("B", x[0], y[1]);
        PairedDifference d =
                compare(new BootstrapConfig(2_000, 0.95, 1), 2, List.of(a), List.of(b), 3, null);
        assertEquals(2.0 / 3 * d.exactAccuracy().value(), d.accuracy().value(), 1e-12);
        assertEquals(2.0 / 3 * d.exactAccuracy().ciLow(), d.accuracy().ciLow(), 1e-12);
        assertEquals(2.0 / 3 * d.exactAccuracy().ciHigh(), d.accuracy().ciHigh(), 1e-12);
    }

    /** The same runs on both sides: every round's difference is exactly 0, for either unit. */
    @Test
    void identicalArmsDifferByExactlyZero() {
        int[][] x = BootstrapTest.randomData(90, 4, 3);
        int[][] y = BootstrapTest.randomData(90, 4, 4);
        List<RunPredictions> arm = List.of(run("s0", x[0], x[1]), run("s1", x[0], y[1]));
        Map<String, String> groups = new HashMap<>();
        for (int i = 0; i < 90; i++) {
            groups.put("t" + i, "g" + i / 7);
        }
        for (Unit u : Unit.values()) {
            PairedDifference d =
                    compare(new BootstrapConfig(1_000, 0.95, 9, u), 3, arm, arm, 4, groups);
            assertEquals(ZERO, d.accuracy(), u.key());
            assertEquals(ZERO, d.exactAccuracy(), u.key());
            assertEquals(ZERO, d.f1(), u.key());
            assertEquals(Verdict.INCLUDES_ZERO, Verdict.of(d.accuracy()));
        }
    }

    /**
     * The tissue unit is a tissue-level paired bootstrap: computed here directly from the
     * documented draws (round r: n draws of nextInt(n) from the r-th seed), with B's rows given in
     * another order (matched by tissue id). Singleton groups in tissue order, whatever their names,
     * draw the same.
     */
    @Test
    void oneGroupPerTissueIsTheTissueLevelPairedBootstrap() {
        int n = 60;
        int[][] x = BootstrapTest.randomData(n, 3, 21);
        int[][] y = BootstrapTest.randomData(n, 3, 22);
        RunPredictions a = run("A", x[0], x[1]);
        List<String> reversed = new ArrayList<>(a.tissues());
        java.util.Collections.reverse(reversed);
        int[] truthRev = new int[n];
        int[] predRev = new int[n];
        for (int i = 0; i < n; i++) {
            truthRev[i] = x[0][n - 1 - i];
            predRev[i] = y[1][n - 1 - i];
        }
        RunPredictions b = new RunPredictions("B", reversed, truthRev, predRev);
        BootstrapConfig c = new BootstrapConfig(3_000, 0.9, 77);
        PairedDifference d = compare(c, 2, List.of(a), List.of(b), 3, null);

        long[] seeds = Rounds.seeds(77, 3_000);
        double[] diffs = new double[3_000];
        for (int r = 0; r < diffs.length; r++) {
            SplittableRandom rng = new SplittableRandom(seeds[r]);
            int rightA = 0;
            int rightB = 0;
            for (int i = 0; i < n; i++) {
                int j = rng.nextInt(n);
                rightA += x[1][j] == x[0][j] ? 1 : 0;
                rightB += y[1][j] == x[0][j] ? 1 : 0;
            }
            diffs[r] = (double) rightA / n - (double) rightB / n;
        }
        Arrays.sort(diffs);
        assertEquals(Percentiles.linear(diffs, 0.05), d.exactAccuracy().ciLow(), 1e-12);
        assertEquals(Percentiles.linear(diffs, 0.95), d.exactAccuracy().ciHigh(), 1e-12);
        int ra = 0;
        int rb = 0;
        for (int i = 0; i < n; i++) {
            ra += x[1][i] == x[0][i] ? 1 : 0;
            rb += y[1][i] == x[0][i] ? 1 : 0;
        }
        assertEquals((double) ra / n - (double) rb / n, d.exactAccuracy().value(), 1e-12);

        Map<String, String> singletons = new HashMap<>();
        for (int i = 0; i < n; i++) {
            singletons.put("t" + i, "patient-" + (500 - i));
        }
        PairedDifference g =
                compare(c.withUnit(Unit.GROUP), 1, List.of(a), List.of(b), 3, singletons);
        assertEquals(d.exactAccuracy(), g.exactAccuracy());
        assertEquals(d.accuracy(), g.accuracy());
        assertEquals(n, g.groups());
    }

    /** Means over seeds: A's runs are 3/4 and 1/2 correct, B's 1/4: 5/8 - 1/4 = 3/8. */
    @Test
    void thePointValueIsTheDifferenceOfMeansOverSeeds() {
        int[] truth = {0, 1, 0, 1};
        RunPredictions a1 = run("a1", truth, new int[] {0, 1, 0, 0});
        RunPredictions a2 = run("a2", truth, new int[] {0, 1, 1, 0});
        RunPredictions b1 = run("b1", truth, new int[] {0, 0, 1, 0});
        PairedDifference d =
                compare(
                        new BootstrapConfig(200, 0.95, 0),
                        1,
                        List.of(a1, a2),
                        List.of(b1),
                        2,
                        null);
        assertEquals(0.375, d.exactAccuracy().value(), 1e-15);
    }

    @Test
    void theSameSeedGivesTheSameIntervalsForAnyThreadCount() {
        int[][] x = BootstrapTest.randomData(300, 5, 8);
        int[][] y = BootstrapTest.randomData(300, 5, 9);
        List<RunPredictions> a = List.of(run("a", x[0], x[1]));
        List<RunPredictions> b = List.of(run("b", x[0], y[1]));
        Map<String, String> groups = new HashMap<>();
        for (int i = 0; i < 300; i++) {
            groups.put("t" + i, "g" + i % 37);
        }
        BootstrapConfig c = new BootstrapConfig(2_000, 0.95, 31, Unit.GROUP);
        PairedDifference one = compare(c, 1, a, b, 5, groups);
        assertEquals(one, compare(c, 4, a, b, 5, groups));
        assertEquals(one, compare(c, 2, a, b, 5, groups));
        PairedDifference other =
                compare(new BootstrapConfig(2_000, 0.95, 32, Unit.GROUP), 1, a, b, 5, groups);
        assertNotEquals(one.exactAccuracy(), other.exactAccuracy());
        assertEquals(one.exactAccuracy().value(), other.exactAccuracy().value());
    }

    @Test
    void verdicts() {
        assertEquals(Verdict.ABOVE, Verdict.of(new Estimate(0.02, 0.001, 0.04)));
        assertEquals(Verdict.BELOW, Verdict.of(new Estimate(-0.02, -0.04, -0.001)));
        assertEquals(Verdict.INCLUDES_ZERO, Verdict.of(new Estimate(0.02, 0, 0.04)));
    }

    @Test
    void runsOnOtherTissuesOrTruthsAreNamed() {
        int[] truth = {0, 1, 0};
        RunPredictions a = run("kd-1x", truth, truth);
        RunPredictions b = new RunPredictions("teacher", List.of("t0", "t1", "t9"), truth, truth);
        BootstrapConfig c = new BootstrapConfig(10, 0.95, 0);
        String m =
                assertThrows(
                                IllegalArgumentException.class,
                                () -> compare(c, 1, List.of(a), List.of(b), 2, null))
                        .getMessage();
        assertTrue(m.contains("runs kd-1x and teacher were evaluated on different test"), m);
        assertTrue(m.contains("1 only in kd-1x (t2)"), m);
        assertTrue(m.contains("1 only in teacher (t9)"), m);
        RunPredictions otherTruth = run("baseline-1x", new int[] {0, 1, 1}, truth);
        m =
                assertThrows(
                                IllegalArgumentException.class,
                                () -> compare(c, 1, List.of(a), List.of(otherTruth), 2, null))
                        .getMessage();
        assertTrue(m.contains("runs kd-1x and baseline-1x disagree on the true class of t"), m);
        m =
                assertThrows(
                                IllegalArgumentException.class,
                                () ->
                                        compare(
                                                c.withUnit(Unit.GROUP),
                                                1,
                                                List.of(a),
                                                List.of(a),
                                                2,
                                                Map.of("t0", "g", "t1", "g")))
                        .getMessage();
        assertTrue(m.contains("tissue t2 has no group"), m);
        assertThrows(
                IllegalArgumentException.class,
                () -> compare(c, 1, List.of(), List.of(a), 2, null));
    }

    /**
     * The experiment's case: 10,000 resamples of 300 groups (2,000 tissues, 5 classes), 3 seeds per
     * arm. Prints the time; fails only past a generous bound (the machine may be busy).
     */
    @Test
    void tenThousandResamplesOfThreeHundredGroupsAndSixRunsAreQuick() {
        int n = 2_000;
        int[][] x = BootstrapTest.randomData(n, 5, 1);
        List<RunPredictions> a = new ArrayList<>();
        List<RunPredictions> b = new ArrayList<>();
        for (int s = 0; s < 3; s++) {
            a.add(run("a" + s, x[0], BootstrapTest.randomData(n, 5, 100 + s)[1]));
            b.add(run("b" + s, x[0], BootstrapTest.randomData(n, 5, 200 + s)[1]));
        }
        Map<String, String> groups = new HashMap<>();
        for (int i = 0; i < n; i++) {
            groups.put("t" + i, "g" + i % 300);
        }
        BootstrapConfig c = new BootstrapConfig(10_000, 0.95, 0, Unit.GROUP);
        compare(new BootstrapConfig(500, 0.95, 0, Unit.GROUP), 1, a, b, 5, groups); // warm-up
        long t0 = System.nanoTime();
        PairedDifference d = compare(c, 1, a, b, 5, groups);
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("paired bootstrap B=10000 G=300 n=2000 6 runs: %.3f s%n", seconds);
        assertEquals(300, d.groups());
        assertTrue(seconds < 5, "took " + seconds + " s");
    }
}
