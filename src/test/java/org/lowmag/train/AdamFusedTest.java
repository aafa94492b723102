package org.lowmag.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.lowmag.model.Engines;
import org.lowmag.model.LowMagModel;
import org.lowmag.model.ModelInfo;
import org.lowmag.model.Normalization;

/**
 * Engine test: the fused native Adam update equals the composite one (the class formula operator by
 * operator) over several steps with weight decay and changing gradients, and zeroes the gradients.
 */
@Tag("engine")
class AdamFusedTest {

    private static LowMagModel model() {
        Engines.seed(5);
        LowMagModel m =
                LowMagModel.create(
                        new ModelInfo(
                                ModelInfo.FORMAT_VERSION,
                                "paper",
                                List.of("a", "b"),
                                10.0,
                                Normalization.IDENTITY,
                                "untrained",
                                5L,
                                Map.of(),
                                Map.of()));
        TrainJob.enableGradients(m);
        return m;
    }

    /** Fills every gradient with seeded values of varied scale (step-dependent). */
    private static void setGradients(LowMagModel m, int step) {
        SplittableRandom r = new SplittableRandom(100 + step);
        for (Pair<String, Parameter> p : m.net().getParameters()) {
            NDArray w = p.getValue().getArray();
            try (NDArray g = w.getGradient()) {
                float[] v = new float[(int) g.size()];
                double scale = Math.pow(10, r.nextInt(-4, 1));
                for (int i = 0; i < v.length; i++) {
                    v[i] = (float) (r.nextGaussian() * scale);
                }
                g.muli(0).addi(g.getManager().create(v, g.getShape()));
            }
        }
    }

    private static List<float[]> arrays(LowMagModel m, boolean gradients) {
        List<float[]> out = new ArrayList<>();
        for (Pair<String, Parameter> p : m.net().getParameters()) {
            NDArray w = p.getValue().getArray();
            if (gradients) {
                try (NDArray g = w.getGradient()) {
                    out.add(g.toFloatArray());
                }
            } else {
                out.add(w.toFloatArray());
            }
        }
        return out;
    }

    private static List<float[]> train(boolean composite) {
        try (LowMagModel m = model();
                NDManager state = NDManager.newBaseManager()) {
            Adam adam = new Adam(m.net().getParameters(), 1e-2f, state);
            adam.useComposite(composite);
            for (int s = 0; s < 4; s++) {
                setGradients(m, s);
                adam.step(1e-3f);
            }
            for (float[] g : arrays(m, true)) {
                for (float v : g) {
                    assertEquals(0f, v, "gradients are zeroed after a step");
                }
            }
            return arrays(m, false);
        }
    }

    @Test
    void fusedUpdateEqualsCompositeUpdate() {
        List<float[]> fused = train(false);
        List<float[]> composite = train(true);
        double maxDiff = 0;
        for (int i = 0; i < fused.size(); i++) {
            for (int j = 0; j < fused.get(i).length; j++) {
                maxDiff = Math.max(maxDiff, Math.abs(fused.get(i)[j] - composite.get(i)[j]));
            }
        }
        // Four steps move each weight by up to 4e-3; the two paths differ by float rounding only.
        assertTrue(maxDiff < 1e-6, "max |fused - composite| = " + maxDiff);
    }
}
