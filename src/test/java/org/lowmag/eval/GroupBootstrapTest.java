package org.lowmag.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.lowmag.eval.BootstrapConfig.Unit;
import org.lowmag.util.Json;

/** The group (cluster) bootstrap: hand-derivable cases, the documented draws, JSON, bad input. */
class GroupBootstrapTest {

    private static final List<String> AB = List.of("a", "b");
    private static final List<String> ABC = List.of("a", "b", "c");

    /**
     * One group per item, in item order (whatever the names): G = n, and a round's n draws of
     * nextInt(G) are the tissue unit's n draws of nextInt(n), so every interval is identical.
     */
    @Test
    void singletonGroupsGiveTheTissueIntervals() {
        int[][] data = BootstrapTest.randomData(200, 3, 17);
        String[] groups = new String[200];
        for (int i = 0; i < groups.length; i++) {
            groups[i] = "patient-" + (1000 - i);
        }
        BootstrapConfig cfg = new BootstrapConfig(3_000, 0.95, 42);
        MetricsReport tissue = new Bootstrap(cfg, 2).evaluate(data[0], data[1], ABC);
        MetricsReport group =
                new Bootstrap(cfg.withUnit(Unit.GROUP), 3).evaluate(data[0], data[1], ABC, groups);
        assertEquals(200, group.groups());
        assertEquals(0, tissue.groups());
        assertEquals(tissue.accuracy(), group.accuracy());
        assertEquals(tissue.exactAccuracy(), group.exactAccuracy());
        assertEquals(tissue.precision(), group.precision());
        assertEquals(tissue.recall(), group.recall());
        assertEquals(tissue.f1(), group.f1());
        assertEquals(tissue.perClass(), group.perClass());
        assertEquals(tissue.point(), group.point());
    }

    /**
     * Two groups of 5 items (interleaved in the item order), A all correct and B all wrong. A round
     * draws 2 groups: AA, AB, BA, BB with probability 1/4 each, so the exact accuracy is 1, 1/2, 0
     * with probabilities 1/4, 1/2, 1/4. At level 0.95 (quantiles 0.025, 0.975) the interval is [0,
     * 1]; at level 0.4 (quantiles 0.3, 0.7) both ends are 1/2, because P(0) = P(1) = 1/4 < 0.3.
     * With B = 20,000 the empirical P(0) has standard error 0.003, 16 of them from 0.3. The point
     * value is the whole set's 5/10.
     */
    @Test
    void twoGroupsOneRightOneWrong() {
        int[] truth = {0, 1, 0, 1, 0, 1, 0, 1, 0, 1};
        int[] pred = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
        String[] groups = {"A", "B", "A", "B", "A", "B", "A", "B", "A", "B"};
        MetricsReport wide =
                new Bootstrap(new BootstrapConfig(20_000, 0.95, 3, Unit.GROUP), 2)
                        .evaluate(truth, pred, AB, groups);
        assertEquals(new Estimate(0.5, 0, 1), wide.exactAccuracy());
        assertEquals(2, wide.groups());
        MetricsReport narrow =
                new Bootstrap(new BootstrapConfig(20_000, 0.4, 3, Unit.GROUP), 2)
                        .evaluate(truth, pred, AB, groups);
        assertEquals(new Estimate(0.5, 0.5, 0.5), narrow.exactAccuracy());
        assertEquals(narrow.exactAccuracy(), narrow.accuracy(), "two classes: the same");

        double[][] rounds =
                new Bootstrap(new BootstrapConfig(20_000, 0.95, 3, Unit.GROUP), 1)
                        .resample(GroupCounts.of(truth, pred, 2, groups), 2);
        int[] seen = new int[3];
        for (double a : rounds[MetricVector.EXACT_ACCURACY]) {
            assertTrue(a == 0 || a == 0.5 || a == 1, "accuracy " + a);
            seen[(int) (2 * a)]++;
        }
        assertEquals(0.25, seen[0] / 20_000.0, 0.015);
        assertEquals(0.5, seen[1] / 20_000.0, 0.015);
        assertEquals(0.25, seen[2] / 20_000.0, 0.015);
    }

    /**
     * The documented derivation: round r draws G groups with nextInt(G) from new
     * SplittableRandom(s_r), groups numbered by first appearance, and counts all their items.
     * Recomputes 30 rounds independently on groups of unequal sizes.
     */
    @Test
    void roundsFollowTheDocumentedDraws() {
        int[][] data = BootstrapTest.randomData(60, 3, 4);
        String[] groups = new String[60];
        for (int i = 0; i < 60; i++) {
            groups[i] = "g" + (i * i % 7);
        }
        List<String> order = List.of("g0", "g1", "g4", "g2");
        assertEquals(4, (int) Arrays.stream(groups).distinct().count());
        BootstrapConfig cfg = new BootstrapConfig(30, 0.95, 99, Unit.GROUP);
        double[][] rounds =
                new Bootstrap(cfg, 3).resample(GroupCounts.of(data[0], data[1], 3, groups), 3);
        SplittableRandom root = new SplittableRandom(99);
        for (int r = 0; r < 30; r++) {
            SplittableRandom rng = new SplittableRandom(root.nextLong());
            List<Integer> t = new ArrayList<>();
            List<Integer> p = new ArrayList<>();
            for (int d = 0; d < 4; d++) {
                String g = order.get(rng.nextInt(4));
                for (int i = 0; i < 60; i++) {
                    if (groups[i].equals(g)) {
                        t.add(data[0][i]);
                        p.add(data[1][i]);
                    }
                }
            }
            ClassificationMetrics m =
                    ClassificationMetrics.of(
                            t.stream().mapToInt(Integer::intValue).toArray(),
                            p.stream().mapToInt(Integer::intValue).toArray(),
                            3);
            assertEquals(m.exactAccuracy(), rounds[MetricVector.EXACT_ACCURACY][r], "round " + r);
            assertEquals(m.f1(), rounds[MetricVector.F1][r], "round " + r);
            assertEquals(
                    m.perClass().get(1).recall(),
                    rounds[MetricVector.classIndex(1, MetricVector.CLASS_RECALL)][r]);
            assertEquals(
                    m.perClass().get(2).support(),
                    rounds[MetricVector.classIndex(2, MetricVector.CLASS_SUPPORT)][r]);
        }
    }

    /** Same seed: identical group reports for 1, 2 and 3 threads. */
    @Test
    void deterministicAcrossThreadCounts() {
        int[][] data = BootstrapTest.randomData(300, 3, 5);
        String[] groups = new String[300];
        for (int i = 0; i < groups.length; i++) {
            groups[i] = "p" + i / 7;
        }
        BootstrapConfig cfg = new BootstrapConfig(2_000, 0.95, 8, Unit.GROUP);
        MetricsReport one = new Bootstrap(cfg, 1).evaluate(data[0], data[1], ABC, groups);
        assertEquals(one, new Bootstrap(cfg, 2).evaluate(data[0], data[1], ABC, groups));
        assertEquals(one, new Bootstrap(cfg, 3).evaluate(data[0], data[1], ABC, groups));
    }

    /**
     * 20 groups of 20 near-duplicates, 14 groups entirely right and 6 entirely wrong: the tissue
     * unit sees 400 independent items (standard error of the accuracy about sqrt(0.21 / 400) =
     * 0.023), the group unit 20 (about sqrt(0.21 / 20) = 0.10), so its interval is several times
     * wider.
     */
    @Test
    void clusteredDataWidensTheInterval() {
        int n = 400;
        int[] truth = new int[n];
        int[] pred = new int[n];
        String[] groups = new String[n];
        for (int i = 0; i < n; i++) {
            int g = i / 20;
            truth[i] = g % 2;
            pred[i] = g < 14 ? truth[i] : 1 - truth[i];
            groups[i] = "image-" + g;
        }
        BootstrapConfig cfg = new BootstrapConfig(4_000, 0.95, 1);
        Estimate tissue = new Bootstrap(cfg, 2).evaluate(truth, pred, AB).exactAccuracy();
        Estimate group =
                new Bootstrap(cfg.withUnit(Unit.GROUP), 2)
                        .evaluate(truth, pred, AB, groups)
                        .exactAccuracy();
        assertEquals(0.7, tissue.value(), 1e-12);
        assertEquals(tissue.value(), group.value());
        double wT = tissue.ciHigh() - tissue.ciLow();
        double wG = group.ciHigh() - group.ciLow();
        assertTrue(wT > 0.06 && wT < 0.12, "tissue width " + wT);
        assertTrue(wG > 3 * wT, "group width " + wG + " vs tissue " + wT);
    }

    @Test
    void jsonRecordsTheUnitAndTheGroups() {
        int[] truth = {0, 0, 1, 1, 1};
        int[] pred = {0, 1, 1, 1, 0};
        String[] groups = {"x", "x", "y", "z", "z"};
        MetricsReport g =
                new Bootstrap(new BootstrapConfig(100, 0.9, 5, Unit.GROUP), 1)
                        .evaluate(truth, pred, AB, groups);
        JsonObject boot = bootstrapJson(g);
        assertEquals("group", boot.get("unit").getAsString());
        assertEquals(3, boot.get("groups").getAsInt());
        assertEquals(100, boot.get("iterations").getAsInt());
        MetricsReport t =
                new Bootstrap(new BootstrapConfig(100, 0.9, 5), 1)
                        .evaluate(truth, pred, AB, groups);
        boot = bootstrapJson(t);
        assertEquals("tissue", boot.get("unit").getAsString());
        assertFalse(boot.has("groups"), boot.toString());
        assertEquals(Unit.TISSUE, BootstrapConfig.paper(1).unit());
    }

    private static JsonObject bootstrapJson(MetricsReport r) {
        return JsonParser.parseString(Json.toJson(r.toJsonTree()))
                .getAsJsonObject()
                .getAsJsonObject("bootstrap");
    }

    /** The tissue unit ignores groups, even missing or mismatched ones. */
    @Test
    void theTissueUnitIgnoresGroups() {
        int[][] data = BootstrapTest.randomData(50, 2, 3);
        Bootstrap b = new Bootstrap(new BootstrapConfig(500, 0.95, 2), 1);
        MetricsReport plain = b.evaluate(data[0], data[1], AB);
        assertEquals(plain, b.evaluate(data[0], data[1], AB, null));
        assertEquals(plain, b.evaluate(data[0], data[1], AB, new String[] {"only-one"}));
    }

    @Test
    void rejectsBadGroups() {
        int[] truth = {0, 1, 1, 0};
        int[] pred = {0, 1, 0, 0};
        Bootstrap b = new Bootstrap(new BootstrapConfig(10, 0.95, 1, Unit.GROUP), 1);
        assertMessage(() -> b.evaluate(truth, pred, AB), "unit is group but no groups were given");
        assertMessage(
                () -> b.evaluate(truth, pred, AB, null), "unit is group but no groups were given");
        assertMessage(
                () -> b.evaluate(truth, pred, AB, new String[] {"a", "b", "c"}),
                "3 groups for 4 test items");
        assertMessage(
                () -> b.evaluate(truth, pred, AB, new String[] {"a", null, "c", "d"}),
                "groups[1] is null");
        assertMessage(
                () -> b.evaluate(truth, pred, AB, new String[] {"a", "b", " ", "d"}),
                "groups[2] is blank");
        assertMessage(
                () -> b.evaluate(new int[] {0, 2}, new int[] {0, 1}, AB, new String[] {"a", "b"}),
                "truth[1] = 2");
        assertMessage(() -> BootstrapConfig.Unit.parse("patient"), "unknown bootstrap unit");
        assertMessage(() -> new BootstrapConfig(10, 0.95, 1, null), "bootstrap unit is missing");
        assertEquals(Unit.GROUP, BootstrapConfig.Unit.parse(" Group"));
        assertEquals(Unit.TISSUE, BootstrapConfig.Unit.parse("tissue"));
    }

    private static void assertMessage(Runnable r, String part) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, r::run);
        assertTrue(e.getMessage().contains(part), e.getMessage());
    }
}
