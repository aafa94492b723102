package org.lowmag.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Engine test: GroupNorm against a hand-computed reference. */
@Tag("engine")
class GroupNormTest {

    /**
     * x = [1, 4, 1, 2] with 2 groups: group 0 holds channels 0-1 = {1, 3, 5, 7}, group 1 holds
     * channels 2-3 = {2, 2, 4, 4}.
     *
     * <p>Group 0: mean 4, biased variance (9 + 1 + 1 + 9) / 4 = 5, so y = (x - 4) / sqrt(5 + eps) =
     * {-1.341641, -0.447214, 0.447214, 1.341641}. Group 1: mean 3, variance 1, y = {-1, -1, 1, 1}
     * (times 1 / sqrt(1 + 1e-5)). With gamma = (1, 2, 1, 0.5) and beta = (0, 1, 0, -1) per channel.
     */
    @Test
    void matchesHandComputedValues() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.create(new float[] {1, 3, 5, 7, 2, 2, 4, 4}, new Shape(1, 4, 1, 2));
            NDArray gamma = m.create(new float[] {1, 2, 1, 0.5f});
            NDArray beta = m.create(new float[] {0, 1, 0, -1});
            float[] y = GroupNorm.groupNorm(x, 2, gamma, beta, 1e-5f).toFloatArray();
            double s5 = Math.sqrt(5 + 1e-5);
            double s1 = Math.sqrt(1 + 1e-5);
            float[] expected = {
                (float) (-3 / s5),
                (float) (-1 / s5),
                (float) (2 * 1 / s5 + 1),
                (float) (2 * 3 / s5 + 1),
                (float) (-1 / s1),
                (float) (-1 / s1),
                (float) (0.5 / s1 - 1),
                (float) (0.5 / s1 - 1)
            };
            assertArrayEquals(expected, y, 1e-5f);
        }
    }

    @Test
    void samplesInABatchAreNormalisedIndependently() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray a = m.arange(0f, 16f).reshape(1, 4, 2, 2);
            NDArray b = m.arange(0f, 16f).mul(3).add(7).reshape(1, 4, 2, 2);
            NDArray gamma = m.ones(new Shape(4));
            NDArray beta = m.zeros(new Shape(4));
            float[] alone = GroupNorm.groupNorm(a, 2, gamma, beta, 1e-5f).toFloatArray();
            NDArray both = GroupNorm.groupNorm(a.concat(b, 0), 2, gamma, beta, 1e-5f);
            assertArrayEquals(alone, both.get(0).toFloatArray(), 1e-6f);
        }
    }
}
