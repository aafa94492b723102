package org.lowmag.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** When distillation's best-epoch selection is measured on tissues the student distils on. */
class DistillSelectionWarningTest {

    @Test
    void warnsWhenValIsDistilledOnAndChoosesTheBestEpoch() {
        Optional<String> w =
                DistillJob.selectionWarning(List.of("train", "val"), "val_accuracy", 388);
        assertTrue(w.isPresent());
        assertTrue(w.get().contains("'val'"), w.get());
        assertTrue(w.get().contains("388 tissues"), w.get());
        assertTrue(w.get().contains("--select val_accuracy"), w.get());
        assertTrue(w.get().contains("--select last"), w.get());
        assertTrue(
                DistillJob.selectionWarning(List.of("train", "val", "unlabeled"), "val_loss", 1)
                        .isPresent());
    }

    @Test
    void quietWhenValIsHeldOutOrTheLastEpochIsKept() {
        assertEquals(
                Optional.empty(),
                DistillJob.selectionWarning(List.of("train", "unlabeled"), "val_accuracy", 388));
        assertEquals(
                Optional.empty(),
                DistillJob.selectionWarning(List.of("train", "val"), LoopConfig.LAST, 388));
        assertEquals(
                Optional.empty(),
                DistillJob.selectionWarning(List.of("train", "val"), "val_accuracy", 0));
    }
}
