package org.lowmag.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Group K-fold assignment: stratified, seeded, each group tested once, val apart from test. */
class GroupFoldsTest {

    /** Groups a0..a{na-1} of label "a", b0.. of "b", c0.. of "c". */
    private static Map<String, String> groups(int na, int nb, int nc) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < na; i++) {
            m.put("a" + i, "a");
        }
        for (int i = 0; i < nb; i++) {
            m.put("b" + i, "b");
        }
        for (int i = 0; i < nc; i++) {
            m.put("c" + i, "c");
        }
        return m;
    }

    @Test
    void everyFoldTestsFloorOrCeilOfEachClassAndEveryGroupExactlyOnce() {
        Map<String, String> g = groups(10, 7, 5);
        GroupFolds f = GroupFolds.assign(g, 3, 42);
        assertEquals(g.keySet(), f.foldOf().keySet());
        for (String label : List.of("a", "b", "c")) {
            long n = g.values().stream().filter(label::equals).count();
            for (int k = 0; k < 3; k++) {
                int fold = k;
                long inFold =
                        g.entrySet().stream()
                                .filter(e -> e.getValue().equals(label))
                                .filter(e -> f.foldOf().get(e.getKey()) == fold)
                                .count();
                assertTrue(
                        inFold == n / 3 || inFold == (n + 2) / 3,
                        label + " fold " + k + ": " + inFold + " of " + n);
            }
        }
        // Each group is "test" in exactly one fold.
        for (String group : g.keySet()) {
            int tests = 0;
            for (int k = 0; k < 3; k++) {
                tests += f.splitOf(group, k).equals("test") ? 1 : 0;
            }
            assertEquals(1, tests, group);
        }
        // Fold sizes differ by at most one group per label (here 3).
        int[] sizes = new int[3];
        f.foldOf().values().forEach(k -> sizes[k]++);
        int min = Math.min(sizes[0], Math.min(sizes[1], sizes[2]));
        int max = Math.max(sizes[0], Math.max(sizes[1], sizes[2]));
        assertTrue(max - min <= 3, java.util.Arrays.toString(sizes));
    }

    @Test
    void validationGroupsAreNeverTestGroupsAndEveryClassTrainsAndValidates() {
        Map<String, String> g = groups(10, 7, 5);
        for (int folds : List.of(2, 3, 4)) {
            GroupFolds f = GroupFolds.assign(g, folds, 1);
            for (int k = 0; k < folds; k++) {
                Map<String, Map<String, Integer>> count = new HashMap<>();
                for (String group : g.keySet()) {
                    String split = f.splitOf(group, k);
                    count.computeIfAbsent(split, s -> new HashMap<>())
                            .merge(g.get(group), 1, Integer::sum);
                    if (f.val().get(k).contains(group)) {
                        assertNotEquals(k, f.foldOf().get(group), group + " val and test");
                    }
                }
                for (String label : List.of("a", "b", "c")) {
                    for (String split : List.of("train", "val", "test")) {
                        assertTrue(
                                count.get(split).getOrDefault(label, 0) >= 1,
                                folds + " folds, fold " + k + ": no " + label + " in " + split);
                    }
                }
                // v = max(1, round(m / K)) of class a's m groups outside fold k
                int m = 10 - count.get("test").get("a");
                assertEquals(
                        Math.max(1, Math.round(m / (double) folds)),
                        (long) count.get("val").get("a"),
                        folds + " folds, fold " + k);
            }
        }
    }

    @Test
    void theSameSeedGivesTheSameFoldsAndAnotherSeedOthers() {
        Map<String, String> g = groups(12, 12, 12);
        assertEquals(GroupFolds.assign(g, 4, 7), GroupFolds.assign(new HashMap<>(g), 4, 7));
        assertNotEquals(GroupFolds.assign(g, 4, 7).foldOf(), GroupFolds.assign(g, 4, 8).foldOf());
    }

    @Test
    void maxFoldsKeepsATestATrainAndAValGroupOfTheSmallestClass() {
        // n = 3: K = 2 leaves 3 - 2 = 1 group outside the larger fold (too few); K = 3 leaves 2.
        assertEquals(3, GroupFolds.maxFolds(groups(3, 9, 9)));
        // n = 2: K = 2 leaves 1: no folds possible.
        assertEquals(0, GroupFolds.maxFolds(groups(2, 9, 9)));
        // n = 8: K = 8 leaves 7.
        assertEquals(8, GroupFolds.maxFolds(groups(8, 8, 8)));
    }

    @Test
    void tooFewFoldsOrTooManyAreClearErrors() {
        assertTrue(
                assertThrows(
                                IllegalArgumentException.class,
                                () -> GroupFolds.assign(groups(5, 5, 5), 1, 0))
                        .getMessage()
                        .contains("at least 2"));
        String msg =
                assertThrows(
                                IllegalArgumentException.class,
                                () -> GroupFolds.assign(groups(9, 4, 9), 100, 0))
                        .getMessage();
        assertTrue(msg.contains("class 'b' has 4 labelled groups"), msg);
        assertTrue(msg.contains("use at most 4 folds"), msg);
    }

    @Test
    void aFoldViewResplitsLabelledTissuesKeepsTheRestAndPointsAtTheOriginalImages() {
        Path dir = Path.of("/data/ds");
        List<TissueRecord> tissues = new ArrayList<>();
        String[] splits = {"train", "val", "test"};
        for (int i = 0; i < 9; i++) {
            String label = i % 3 == 0 ? "a" : i % 3 == 1 ? "b" : "c";
            // two tissues per patient p<i>; the second of patient 0 has no group: its own id
            tissues.add(tissue("t" + i + "x", "p" + i, label, splits[i % 3]));
            tissues.add(tissue("t" + i + "y", i == 0 ? "" : "p" + i, label, splits[i % 3]));
        }
        tissues.add(tissue("u0", "q0", "", "unlabeled"));
        Map<String, String> labels = GroupFolds.groupLabels(tissues);
        assertEquals(10, labels.size(), "9 patients and t0y without a group: " + labels);
        assertEquals("a", labels.get("t0y"));
        assertFalse(labels.containsKey("q0"), "unlabelled tissues are not folded");
        GroupFolds f = GroupFolds.assign(labels, 2, 3);
        List<TissueRecord> view = f.view(tissues, dir, 1);
        assertEquals(tissues.size(), view.size());
        for (int i = 0; i < view.size(); i++) {
            TissueRecord t = tissues.get(i);
            TissueRecord v = view.get(i);
            assertEquals(t.id(), v.id());
            assertEquals(t.group(), v.group());
            String want = GroupFolds.folded(t) ? f.splitOf(GroupFolds.groupOf(t), 1) : t.split();
            assertEquals(want, v.split(), t.id());
            assertEquals(
                    "/data/ds/tissues/1x/" + t.id() + ".png", v.image(1.0).orElseThrow().path());
        }
        assertEquals("unlabeled", view.get(view.size() - 1).split());
        // Both tissues of a patient are on the same side.
        assertEquals(view.get(2).split(), view.get(3).split());
    }

    private static TissueRecord tissue(String id, String group, String label, String split) {
        return new TissueRecord(
                id,
                "src/" + id,
                group,
                label,
                split,
                Map.of("1", new TissueRecord.TissueImage("tissues/1x/" + id + ".png", 8, 8)));
    }
}
