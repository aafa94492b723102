package org.lowmag.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
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

    /**
     * The fused path ({@code layer_norm} + {@code batch_norm}) equals the composite one: outputs
     * and the gradients with respect to x, gamma and beta of {@code sum(y * u)} for a random {@code
     * u}, on several shapes (one group per channel, several channels per group, a batch, 1x1 maps).
     */
    @Test
    void fusedPathEqualsCompositePathWithGradients() {
        int[][] shapes = {{1, 4, 1, 2}, {2, 8, 5, 3}, {3, 64, 4, 4}, {2, 32, 1, 1}, {1, 6, 7, 9}};
        int[] groups = {2, 4, 32, 32, 3};
        for (int i = 0; i < shapes.length; i++) {
            float[][] composite = normAndGradients(shapes[i], groups[i], false);
            float[][] fused = normAndGradients(shapes[i], groups[i], true);
            for (int k = 0; k < composite.length; k++) {
                assertArrayEquals(composite[k], fused[k], 1e-5f, "shape " + i + " output " + k);
            }
        }
    }

    /** y, dL/dx, dL/dgamma, dL/dbeta for L = sum(y * u), with seeded random x, gamma, beta, u. */
    private static float[][] normAndGradients(int[] shape, int groups, boolean fused) {
        try (NDManager m = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(11);
            Shape s = new Shape(shape[0], shape[1], shape[2], shape[3]);
            NDArray x = m.randomNormal(s).mul(2).add(0.5f);
            NDArray gamma = m.randomNormal(new Shape(shape[1]));
            NDArray beta = m.randomNormal(new Shape(shape[1]));
            NDArray u = m.randomNormal(s);
            for (NDArray a : new NDArray[] {x, gamma, beta}) {
                a.setRequiresGradient(true);
            }
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray y =
                        fused
                                ? GroupNorm.groupNorm(x, groups, gamma, beta, 1e-5f)
                                : GroupNorm.groupNormComposite(x, groups, gamma, beta, 1e-5f);
                gc.backward(y.mul(u).sum());
                return new float[][] {
                    y.toFloatArray(),
                    x.getGradient().toFloatArray(),
                    gamma.getGradient().toFloatArray(),
                    beta.getGradient().toFloatArray()
                };
            }
        }
    }
}
