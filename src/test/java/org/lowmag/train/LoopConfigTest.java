package org.lowmag.train;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LoopConfigTest {

    private static LoopConfig withCheckpointMinutes(double minutes) {
        return new LoopConfig(
                1,
                1,
                1e-3,
                1e-4,
                0.9,
                7L,
                "val_accuracy",
                0,
                minutes,
                1L << 20,
                1L << 26,
                1L << 28,
                ActivationCheckpointing.AUTO);
    }

    @Test
    void aNegativeOrInfiniteCheckpointIntervalIsRefusedNamingTheFlag() {
        for (double bad : new double[] {-1, Double.NaN, Double.POSITIVE_INFINITY}) {
            IllegalArgumentException e =
                    assertThrows(IllegalArgumentException.class, () -> withCheckpointMinutes(bad));
            assertTrue(
                    e.getMessage().startsWith("--checkpoint-minutes must be >= 0"), e::getMessage);
        }
        assertDoesNotThrow(() -> withCheckpointMinutes(0));
        assertDoesNotThrow(() -> withCheckpointMinutes(0.5));
    }
}
