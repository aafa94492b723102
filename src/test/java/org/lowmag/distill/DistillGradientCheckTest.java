package org.lowmag.distill;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Checks the DJL autograd gradient of the full loss with respect to the student logits and the
 * student map against central finite differences {@code (L(x + h e_i) - L(x - h e_i)) / 2h}, in
 * float64 with {@code h = 1e-6}, for every resize mode and norm, with the teacher map larger (5x3
 * to 2x2, a non-integer ratio) and smaller in one dimension (2x3 to 3x2) than the student's.
 */
@Tag("engine")
class DistillGradientCheckTest {

    private static final double H = 1e-6;

    /** Inputs as flat doubles with their shapes. */
    private record Inputs(
            double[] tLogits,
            double[] tMap,
            double[] sLogits,
            double[] sMap,
            long[] tMapShape,
            long[] sMapShape) {}

    private static Inputs inputs(long seed, long[] tMapShape, long[] sMapShape) {
        SplittableRandom random = new SplittableRandom(seed);
        return new Inputs(
                gaussian(random, 6, 2.0),
                gaussian(random, (int) new Shape(tMapShape).size(), 1.0),
                gaussian(random, 6, 2.0),
                gaussian(random, (int) new Shape(sMapShape).size(), 1.0),
                tMapShape,
                sMapShape);
    }

    private static double[] gaussian(SplittableRandom random, int n, double scale) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            // Box-Muller from the explicit generator.
            double u = 1.0 - random.nextDouble();
            double v = random.nextDouble();
            x[i] = scale * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
        }
        return x;
    }

    @Test
    void autogradMatchesFiniteDifferences() {
        List<Inputs> cases =
                List.of(
                        inputs(7L, new long[] {2, 2, 5, 3}, new long[] {2, 2, 2, 2}),
                        inputs(11L, new long[] {2, 2, 2, 3}, new long[] {2, 2, 3, 2}));
        List<DistillConfig> configs = new ArrayList<>();
        for (ResizeMode mode : ResizeMode.values()) {
            for (PixelNorm norm : PixelNorm.values()) {
                configs.add(new DistillConfig(2.0, mode, norm));
            }
        }
        configs.add(new DistillConfig(0.7, ResizeMode.MAXPOOL_BICUBIC, PixelNorm.L2));
        try (NDManager root = NDManager.newBaseManager()) {
            for (Inputs in : cases) {
                for (DistillConfig config : configs) {
                    check(root, new DistillationLoss(config), in, config.toString());
                }
            }
        }
    }

    private static void check(NDManager root, DistillationLoss loss, Inputs in, String label) {
        double[][] analytic = autograd(root, loss, in);
        double[] numericLogits = new double[in.sLogits.length];
        for (int i = 0; i < numericLogits.length; i++) {
            double[] plus = in.sLogits.clone();
            double[] minus = in.sLogits.clone();
            plus[i] += H;
            minus[i] -= H;
            numericLogits[i] =
                    (value(root, loss, in, plus, in.sMap) - value(root, loss, in, minus, in.sMap))
                            / (2 * H);
        }
        double[] numericMap = new double[in.sMap.length];
        for (int i = 0; i < numericMap.length; i++) {
            double[] plus = in.sMap.clone();
            double[] minus = in.sMap.clone();
            plus[i] += H;
            minus[i] -= H;
            numericMap[i] =
                    (value(root, loss, in, in.sLogits, plus)
                                    - value(root, loss, in, in.sLogits, minus))
                            / (2 * H);
        }
        assertClose(label + " d/d logits", numericLogits, analytic[0]);
        assertClose(label + " d/d map", numericMap, analytic[1]);
    }

    /** Returns {gradient wrt student logits, gradient wrt student map}. */
    private static double[][] autograd(NDManager root, DistillationLoss loss, Inputs in) {
        try (NDManager m = root.newSubManager()) {
            NDArray sLogits = m.create(in.sLogits, new Shape(2, 3));
            NDArray sMap = m.create(in.sMap, new Shape(in.sMapShape));
            sLogits.setRequiresGradient(true);
            sMap.setRequiresGradient(true);
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                LossParts parts =
                        loss.compute(teacherLogits(m, in), teacherMap(m, in), sLogits, sMap);
                // NONE: pixel is a constant; add 0 * sum(map) so the map's gradient is defined (0).
                gc.backward(parts.total().add(sMap.sum().mul(0)));
            }
            return new double[][] {
                sLogits.getGradient().toDoubleArray(), sMap.getGradient().toDoubleArray()
            };
        }
    }

    private static double value(
            NDManager root, DistillationLoss loss, Inputs in, double[] sLogits, double[] sMap) {
        try (NDManager m = root.newSubManager()) {
            LossParts parts =
                    loss.compute(
                            teacherLogits(m, in),
                            teacherMap(m, in),
                            m.create(sLogits, new Shape(2, 3)),
                            m.create(sMap, new Shape(in.sMapShape)));
            return parts.total().getDouble();
        }
    }

    private static NDArray teacherLogits(NDManager m, Inputs in) {
        return m.create(in.tLogits, new Shape(2, 3));
    }

    private static NDArray teacherMap(NDManager m, Inputs in) {
        return m.create(in.tMap, new Shape(in.tMapShape));
    }

    private static void assertClose(String label, double[] numeric, double[] analytic) {
        assertEquals(numeric.length, analytic.length, label);
        for (int i = 0; i < numeric.length; i++) {
            double tol = 1e-7 + 1e-6 * Math.abs(numeric[i]);
            assertEquals(numeric[i], analytic[i], tol, label + " element " + i);
        }
    }
}
