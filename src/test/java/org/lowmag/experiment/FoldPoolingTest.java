package org.lowmag.experiment;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.lowmag.util.LowMagException;

/** The pooled folds must predict every evaluated tissue exactly once. */
class FoldPoolingTest {

    /** The evaluated tissues, in dataset order (missing ones are named in this order). */
    private static final Set<String> ALL = new LinkedHashSet<>(List.of("t0", "t1", "t2", "t3"));

    private static Map<String, List<String>> folds(List<String> f0, List<String> f1) {
        Map<String, List<String>> m = new LinkedHashMap<>();
        m.put("kd-1x-fold0", f0);
        m.put("kd-1x-fold1", f1);
        return m;
    }

    @Test
    void foldsThatPartitionTheTissuesPool() {
        FoldPooling.checkCoverage(folds(List.of("t2", "t0"), List.of("t1", "t3")), ALL);
    }

    @Test
    void aTissuePredictedByTwoFoldsIsRefusedNamingBoth() {
        String m =
                assertThrows(
                                LowMagException.class,
                                () ->
                                        FoldPooling.checkCoverage(
                                                folds(
                                                        List.of("t0", "t1"),
                                                        List.of("t1", "t2", "t3")),
                                                ALL))
                        .getMessage();
        assertTrue(
                m.contains("tissue t1 is predicted by two fold runs, kd-1x-fold0 and kd-1x-fold1"),
                m);
    }

    @Test
    void aTissueNoFoldPredictedIsRefused() {
        String m =
                assertThrows(
                                LowMagException.class,
                                () ->
                                        FoldPooling.checkCoverage(
                                                folds(List.of("t0"), List.of("t1")), ALL))
                        .getMessage();
        assertTrue(m.startsWith("2 tissues are predicted by no fold run (t2, t3)"), m);
    }

    @Test
    void aTissueOutsideTheFoldsIsRefused() {
        String m =
                assertThrows(
                                LowMagException.class,
                                () ->
                                        FoldPooling.checkCoverage(
                                                folds(
                                                        List.of("t0", "t1"),
                                                        List.of("t2", "t3", "u0")),
                                                ALL))
                        .getMessage();
        assertTrue(m.contains("fold run kd-1x-fold1 predicted tissue u0"), m);
    }
}
