package org.lowmag.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A class of one image goes to train only; prepare says so instead of going on silently. */
class SplitGapsTest {

    @Test
    void aClassWithOneGroupIsNamedWithTheSplitsItMisses() {
        Map<String, String> groups = new LinkedHashMap<>();
        for (int i = 0; i < 10; i++) {
            groups.put("a" + i, "aca");
        }
        groups.put("s0", "scc");
        groups.put("u0", "");
        List<Integer> fractions = List.of(70, 15, 15);
        Map<String, String> splits = SplitAssigner.assign(groups, fractions, 0, 3);
        assertEquals("train", splits.get("s0"));
        assertEquals(
                List.of("class 'scc' (1 group) has none in val, test"),
                SplitAssigner.gaps(groups, splits, fractions));
    }

    @Test
    void splitsWithAZeroFractionAreNotMissed() {
        Map<String, String> groups = Map.of("a0", "aca", "s0", "scc");
        List<Integer> testOnly = List.of(0, 0, 100);
        assertEquals(
                List.of(),
                SplitAssigner.gaps(groups, SplitAssigner.assign(groups, testOnly, 0, 1), testOnly));
    }
}
