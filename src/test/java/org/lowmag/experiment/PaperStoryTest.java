package org.lowmag.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lowmag.eval.Estimate;

class PaperStoryTest {

    private static PaperStory.Diff d(String a, String b, double v, double lo, double hi) {
        return new PaperStory.Diff(1.25, a, b, new Estimate(v, lo, hi));
    }

    @Test
    void aClearLossMostlyRecoveredMatchesThePaper() {
        List<PaperStory.Line> lines =
                PaperStory.lines(
                        List.of(
                                d("KD", "Baseline", 0.10, 0.02, 0.18),
                                d("KD (aux)", "Baseline", 0.24, 0.14, 0.34),
                                d("Baseline", "Teacher (5x)", -0.30, -0.40, -0.20),
                                d("KD (aux)", "Teacher (5x)", -0.06, -0.13, 0.01)));
        assertEquals(1, lines.size());
        PaperStory.Line l = lines.get(0);
        assertTrue(l.shown());
        // loss 30 points; KD gains 10 (33%), KD (aux) 24 (80%)
        assertEquals(
                "1.25x: the baseline (trained from scratch at this magnification) is 30.0 points"
                        + " below the teacher (5x) (paired 95% CI 20.0 to 40.0 points, clearly"
                        + " below). KD is 10.0 points above the baseline (paired 95% CI 2.0 to 18.0"
                        + " points, clearly above), recovering 33% of the accuracy the baseline"
                        + " lost. KD (aux) is 24.0 points above the baseline (paired 95% CI 14.0 to"
                        + " 34.0 points, clearly above), recovering 80% of the accuracy the"
                        + " baseline lost, and 6.0 points below the teacher (paired 95% CI -1.0 to"
                        + " 13.0 points, not clearly different). This matches the paper for KD"
                        + " (aux): at this magnification training from scratch loses accuracy, and"
                        + " distillation recovers most of it; KD recovers less than half.",
                l.text());
    }

    @Test
    void eachStudentIsJudgedOnItsOwn() {
        PaperStory.Line l =
                PaperStory.lines(
                                List.of(
                                        d("KD", "Baseline", 0.20, 0.05, 0.34),
                                        d("KD (aux)", "Baseline", 0.12, -0.07, 0.30),
                                        d("Baseline", "Teacher (5x)", -0.23, -0.37, -0.08)))
                        .get(0);
        assertTrue(l.shown());
        assertTrue(
                l.text()
                        .endsWith(
                                "This matches the paper for KD: at this magnification training"
                                        + " from scratch loses accuracy, and distillation recovers most of it; KD"
                                        + " (aux)'s gain is not clear in this run."),
                l.text());
    }

    @Test
    void aGainWhoseIntervalReachesZeroIsNotTheEffect() {
        PaperStory.Line l =
                PaperStory.lines(
                                List.of(
                                        d("KD", "Baseline", 0.05, -0.02, 0.12),
                                        d("Baseline", "Teacher (5x)", -0.30, -0.40, -0.20)))
                        .get(0);
        assertFalse(l.shown());
        assertTrue(l.text().contains("KD is 5.0 points above the baseline"), l.text());
        assertTrue(l.text().contains("not clearly different"), l.text());
        assertTrue(l.text().contains("no distilled student's gain over it is clear"), l.text());
    }

    @Test
    void noLossMeansNothingToRecover() {
        PaperStory.Line l =
                PaperStory.lines(
                                List.of(
                                        d("KD (aux)", "Baseline", 0.02, -0.03, 0.07),
                                        d("Baseline", "Teacher (5x)", 0.01, -0.05, 0.06)))
                        .get(0);
        assertFalse(l.shown());
        assertTrue(l.text().contains("is 1.0 points above the teacher"), l.text());
        assertTrue(l.text().contains("loses no measurable accuracy"), l.text());
        PaperStory.Line z =
                PaperStory.lines(
                                List.of(
                                        d("KD (aux)", "Baseline", 0.5, -1e-9, 1.0),
                                        d("Baseline", "Teacher (5x)", -0.5, -1.0, 1e-9)))
                        .get(0);
        assertFalse(z.text().contains("-0.0"), z.text());
    }

    @Test
    void aSmallRecoveryIsOnlyPartly() {
        PaperStory.Line l =
                PaperStory.lines(
                                List.of(
                                        d("KD (aux)", "Baseline", 0.10, 0.02, 0.18),
                                        d("Baseline", "Teacher (5x)", -0.30, -0.40, -0.20)))
                        .get(0);
        assertFalse(l.shown());
        assertTrue(l.text().contains("recovering 33%"), l.text());
        assertTrue(l.text().contains("recover less than half of it"), l.text());
    }

    @Test
    void fineTunedArmsAreNotTheStudentAndMissingPairsGiveNoLine() {
        assertTrue(PaperStory.lines(List.of(d("KD", "Baseline", 0.1, 0.0, 0.2))).isEmpty());
        PaperStory.Line l =
                PaperStory.lines(
                                List.of(
                                        d("KD (aux) + fine-tune", "KD (aux)", 0.5, 0.4, 0.6),
                                        d("KD", "Baseline", 0.2, 0.1, 0.3),
                                        d("Baseline", "Teacher (5x)", -0.3, -0.4, -0.2)))
                        .get(0);
        assertTrue(l.text().contains(" KD is 20.0 points above"), l.text());
    }

    @Test
    void readsPairedCsv() throws IOException {
        String csv =
                "magnification,comparison,arm_a,arm_b,runs_a,runs_b,tissues,groups,"
                        + "exact_accuracy_diff,exact_accuracy_diff_ci_low,"
                        + "exact_accuracy_diff_ci_high,accuracy_diff,accuracy_diff_ci_low,"
                        + "accuracy_diff_ci_high,verdict\n"
                        + "0.625,KD - Baseline,KD,Baseline,kd-0.625x,baseline-0.625x,4,2,"
                        + "0.5,0.0,1.0,0.3,0.0,0.6,includes_0\n";
        List<PaperStory.Diff> ds = PaperStory.readPairedCsv(new StringReader(csv));
        assertEquals(1, ds.size());
        assertEquals(0.625, ds.get(0).magnification());
        assertEquals("KD", ds.get(0).labelA());
        assertEquals(new Estimate(0.5, 0.0, 1.0), ds.get(0).diff());
    }
}
