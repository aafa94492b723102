package org.lowmag.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.lowmag.dataset.InputPadding;

/**
 * Engine tests of {@link WeightInit}: the drawn weights have the formula's spread (He: sd {@code
 * sqrt(2 / fan_in)}; PyTorch: bound {@code 1 / sqrt(fan_in)}, sd {@code bound / sqrt(3)}), and a
 * network without small-input padding runs on tissues far below its stride.
 */
@Tag("engine")
class WeightInitTest {

    /** The stage-4 3x3 convolution of the paper network: 256 x 256 x 3 x 3, fan_in 2304. */
    private static float[] stage4Conv(LowMagModel model) {
        for (Pair<String, Parameter> p : model.net().getParameters()) {
            Shape s = p.getValue().getArray().getShape();
            if (s.dimension() == 4 && s.get(0) == 256 && s.get(1) == 256) {
                return p.getValue().getArray().toFloatArray();
            }
        }
        throw new AssertionError("no 256x256 convolution");
    }

    private static double sd(float[] w) {
        double s = 0;
        double ss = 0;
        for (float v : w) {
            s += v;
            ss += (double) v * v;
        }
        double mean = s / w.length;
        return Math.sqrt(ss / w.length - mean * mean);
    }

    @Test
    void heAndTorchDrawTheirFormulasSpread() {
        double fanIn = 256 * 9;
        Engines.seed(3);
        try (LowMagModel he = LowMagModel.create(GnResNetTest.info("paper", 3), WeightInit.HE)) {
            assertEquals(Math.sqrt(2 / fanIn), sd(stage4Conv(he)), 0.02 * Math.sqrt(2 / fanIn));
            float[] bias = he.net().fc().getParameters().get("bias").getArray().toFloatArray();
            for (float b : bias) {
                assertEquals(0f, b);
            }
        }
        Engines.seed(3);
        try (LowMagModel torch =
                LowMagModel.create(GnResNetTest.info("paper", 3), WeightInit.TORCH)) {
            float[] w = stage4Conv(torch);
            double bound = 1 / Math.sqrt(fanIn);
            assertEquals(bound / Math.sqrt(3), sd(w), 0.02 * bound);
            for (float v : w) {
                assertTrue(Math.abs(v) <= bound + 1e-7, "weight " + v + " beyond " + bound);
            }
            float[] bias = torch.net().fc().getParameters().get("bias").getArray().toFloatArray();
            double fcBound = 1 / Math.sqrt(256);
            boolean nonZero = false;
            for (float b : bias) {
                assertTrue(Math.abs(b) <= fcBound + 1e-7);
                nonZero |= b != 0f;
            }
            assertTrue(nonZero, "PyTorch draws the FC bias");
        }
    }

    @Test
    void parsesFlags() {
        assertEquals(WeightInit.TORCH, WeightInit.parse("Torch"));
        assertEquals("he", WeightInit.HE.flag());
    }

    @Test
    void unpaddedTinyInputsRunAndThePaddingIsSavedWithTheModel() {
        ModelInfo info =
                new ModelInfo(
                        ModelInfo.FORMAT_VERSION,
                        "paper",
                        java.util.List.of("a", "b"),
                        1.25,
                        Normalization.IDENTITY,
                        "baseline",
                        1L,
                        Map.of(ModelInfo.PADDING_KEY, "none"),
                        Map.of());
        assertEquals(InputPadding.NONE, info.padding());
        assertEquals(InputPadding.WHITE, GnResNetTest.info("paper", 2).padding());
        Engines.seed(1);
        try (LowMagModel model = LowMagModel.create(info);
                NDManager m = NDManager.newBaseManager()) {
            for (int side : new int[] {1, 5, 28}) {
                NDArray x = m.randomNormal(new Shape(1, 3, side, side));
                NDList out = model.forward(m, new NDList(x), false);
                assertEquals(new Shape(1, 2), out.get(0).getShape());
                assertEquals(1, out.get(1).getShape().get(2), "1x1 map at " + side + " px");
            }
        }
    }
}
