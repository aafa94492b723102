package org.lowmag.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Golden values of the time model (hand-derived from the formula in the class javadoc). */
class ExperimentProgressTest {

    private static RunSpec run(RunKind kind, double mag) {
        return new RunSpec(
                "r", "arm", kind, mag, 2, List.of("train"), List.of(), null, null, null, 0);
    }

    @Test
    void trainingIsThreePassesWithTheFixedCost() {
        // 2 epochs * 10 tissues * 3 * (2500 + 16384) = 1,133,040
        assertEquals(
                1_133_040,
                ExperimentProgress.units(run(RunKind.TRAIN, 1.25), 2, 10, 2500, 40_000),
                1e-9);
    }

    @Test
    void distillationAddsOneTeacherForwardPass() {
        // 2 * 10 * ((40000 + 16384) + 3 * (2500 + 16384)) = 20 * 113,036 = 2,260,720
        assertEquals(
                2_260_720,
                ExperimentProgress.units(run(RunKind.DISTILL, 1.25), 2, 10, 2500, 40_000),
                1e-9);
    }

    @Test
    void fineTuningIsOneForwardPass() {
        // 2 * 10 * (2500 + 16384) = 377,680
        assertEquals(
                377_680,
                ExperimentProgress.units(run(RunKind.FINETUNE, 1.25), 2, 10, 2500, 40_000),
                1e-9);
    }

    @Test
    void smallTissuesAreNotNearlyFree() {
        // the fixed cost keeps a 50x50 px run from looking 16x cheaper than a 200x200 px one
        double big = ExperimentProgress.units(run(RunKind.TRAIN, 5), 1, 1, 40_000, 40_000);
        double small = ExperimentProgress.units(run(RunKind.TRAIN, 1.25), 1, 1, 2500, 40_000);
        assertTrue(big / small < 3.1, "ratio " + big / small);
    }

    @Test
    void estimateScalesMeasuredSecondsPerUnit() {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        ExperimentProgress p =
                new ExperimentProgress(new PrintStream(buf, true, StandardCharsets.UTF_8), 3);
        p.finished(1, run(RunKind.TRAIN, 5), 60, 1000, 3000);
        String line = buf.toString(StandardCharsets.UTF_8);
        assertTrue(line.contains("about 3m00s left"), line);
    }
}
