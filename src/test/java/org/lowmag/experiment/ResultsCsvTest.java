package org.lowmag.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lowmag.cost.PassTiming;
import org.lowmag.eval.ConfusionMatrix;
import org.lowmag.eval.Estimate;

/** The {@code degenerate} column of {@code results.csv}. */
class ResultsCsvTest {

    private static RunResult result(int[] truth, int[] pred) {
        Map<Metric, Estimate> m = new EnumMap<>(Metric.class);
        for (Metric k : Metric.values()) {
            m.put(k, new Estimate(0.5, 0.4, 0.6));
        }
        return new RunResult(
                "kd-1.25x",
                "kd",
                1.25,
                truth.length,
                m,
                0.05,
                0.001,
                0,
                List.of("carcinoma", "dysplasia", "normal"),
                ConfusionMatrix.of(truth, pred, 3),
                new PassTiming(0, List.of(0.1), truth.length));
    }

    @Test
    void aModelThatNeverPredictsAClassIsFlagged() {
        List<String> row = ResultsCsv.row("kd", result(new int[] {0, 1, 2}, new int[] {0, 1, 1}));
        assertEquals(ResultsCsv.header().size(), row.size());
        assertEquals("degenerate", ResultsCsv.header().get(row.size() - 1));
        assertEquals("never predicts normal", row.get(row.size() - 1));
    }

    @Test
    void aHealthyModelHasAnEmptyFlag() {
        List<String> row =
                ResultsCsv.row("kd", result(new int[] {0, 1, 2, 2}, new int[] {0, 1, 1, 2}));
        assertEquals("", row.get(row.size() - 1));
    }
}
