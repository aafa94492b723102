package org.lowmag.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The headline rule on hand-made candidates: accuracy, then macro F1, then GFLOPs, then order. */
class HeadlineRuleTest {

    private static HeadlineRule.Candidate c(String label, double acc, double f1, double gflops) {
        return new HeadlineRule.Candidate(label, acc, f1, gflops);
    }

    @Test
    void theHighestAccuracyWinsAlone() {
        HeadlineRule.Choice ch =
                HeadlineRule.choose(List.of(c("Baseline", 0.80, 0.9, 1), c("KD", 0.85, 0.5, 1)))
                        .orElseThrow();
        assertEquals("KD", ch.best().label());
        assertEquals(List.of(), ch.tiedOnAccuracy());
        assertEquals(HeadlineRule.DecidedBy.ACCURACY, ch.decidedBy());
    }

    /**
     * The demo's case: two arms at 23 test tissues and 3 classes with 18 correct each, so both have
     * accuracy {@code 1 - 2 (5/23) / 3}; the first in table order, {@code
     * [[8,1,0],[0,10,0],[0,4,0]]}, never predicts a class: macro F1 {@code (16/17 + 20/25 + 0) / 3
     * = 0.58}; the other predicts every class (0.78, made up). Before the rule the first one was
     * named.
     */
    @Test
    void anAccuracyTieGoesToTheHigherMacroF1() {
        double acc = 1 - 2 * (5 / 23.0) / 3;
        HeadlineRule.Choice ch =
                HeadlineRule.choose(
                                List.of(
                                        c("KD", acc, 0.58, 1.25),
                                        c("KD (aux)", acc + 1e-12, 0.78, 1.25),
                                        c("Baseline", acc - 0.05, 0.9, 1.25)))
                        .orElseThrow();
        assertEquals("KD (aux)", ch.best().label());
        assertEquals(List.of("KD"), ch.tiedOnAccuracy().stream().map(x -> x.label()).toList());
        assertEquals(HeadlineRule.DecidedBy.F1, ch.decidedBy());
    }

    @Test
    void thenFewerGflopsThenTableOrder() {
        HeadlineRule.Choice cheaper =
                HeadlineRule.choose(List.of(c("A", 0.8, 0.7, 2.0), c("B", 0.8, 0.7, 0.5)))
                        .orElseThrow();
        assertEquals("B", cheaper.best().label());
        assertEquals(HeadlineRule.DecidedBy.GFLOPS, cheaper.decidedBy());
        HeadlineRule.Choice first =
                HeadlineRule.choose(List.of(c("A", 0.8, 0.7, 1.0), c("B", 0.8, 0.7, 1.0)))
                        .orElseThrow();
        assertEquals("A", first.best().label());
        assertEquals(HeadlineRule.DecidedBy.ORDER, first.decidedBy());
        assertEquals("B", first.tiedOnAccuracy().get(0).label());
    }

    @Test
    void noCandidateNoChoice() {
        assertTrue(HeadlineRule.choose(List.of()).isEmpty());
    }
}
