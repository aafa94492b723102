package org.lowmag.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.Test;

/** When distillation's best-epoch selection is measured on tissues the student distils on. */
class DistillSelectionWarningTest {

    private static LoopConfig select(String select) {
        return new LoopConfig(
                15,
                32,
                1e-3,
                1e-4,
                1.0,
                0L,
                select,
                0,
                0,
                1L << 20,
                1L << 26,
                1L << 28,
                ActivationCheckpointing.AUTO);
    }

    @Test
    void warnsWhenValIsDistilledOnAndChoosesTheBestEpoch() {
        Optional<String> w =
                DistillJob.selectionWarning(
                        List.of("train", "val"), select("val_accuracy"), () -> 388);
        assertTrue(w.isPresent());
        assertTrue(w.get().contains("'val'"), w.get());
        assertTrue(w.get().contains("388 tissues"), w.get());
        assertTrue(w.get().contains("--select val_accuracy"), w.get());
        assertTrue(w.get().contains("--select last"), w.get());
        assertTrue(
                DistillJob.selectionWarning(
                                List.of("train", "val", "unlabeled"), select("val_loss"), () -> 1)
                        .isPresent());
    }

    @Test
    void quietWhenValIsHeldOutOrTheLastEpochIsKept() {
        IntSupplier unread =
                () -> {
                    throw new AssertionError("val counted although nothing depends on it");
                };
        assertEquals(
                Optional.empty(),
                DistillJob.selectionWarning(
                        List.of("train", "val"), select(LoopConfig.LAST), unread));
        assertEquals(
                Optional.empty(),
                DistillJob.selectionWarning(
                        List.of("train", "unlabeled"), select("val_accuracy"), () -> 388));
        assertEquals(
                Optional.empty(),
                DistillJob.selectionWarning(
                        List.of("train", "val"), select(LoopConfig.LAST), () -> 388));
        assertEquals(
                Optional.empty(),
                DistillJob.selectionWarning(
                        List.of("train", "val"), select("val_accuracy"), () -> 0));
    }
}
