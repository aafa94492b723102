package org.lowmag.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.util.Pair;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.lowmag.model.Engines;
import org.lowmag.model.LowMagModel;
import org.lowmag.model.ModelInfo;
import org.lowmag.model.Normalization;

/** Engine test: k accumulated backward passes and one Adam step. */
@Tag("engine")
class AdamAccumulationTest {

    private static final int[] LABELS = {0, 2, 1};

    private static ModelInfo info() {
        return new ModelInfo(
                ModelInfo.FORMAT_VERSION,
                "paper",
                List.of("a", "b", "c"),
                10.0,
                Normalization.IDENTITY,
                "untrained",
                1L,
                Map.of(),
                Map.of());
    }

    private static List<float[]> weights(LowMagModel model) {
        List<float[]> out = new ArrayList<>();
        for (Pair<String, Parameter> p : model.net().getParameters()) {
            out.add(p.getValue().getArray().toFloatArray());
        }
        return out;
    }

    private static List<float[]> gradients(LowMagModel model) {
        List<float[]> out = new ArrayList<>();
        for (Pair<String, Parameter> p : model.net().getParameters()) {
            try (NDArray g = p.getValue().getArray().getGradient()) {
                out.add(g.toFloatArray());
            }
        }
        return out;
    }

    /** Summed cross-entropy of a batch. */
    private static NDArray loss(LowMagModel model, NDManager m, NDArray x, int[] labels) {
        NDArray logits = model.forward(m, new NDList(x), true).get(0);
        NDArray onehot = m.create(labels).oneHot(3);
        return logits.logSoftmax(1).mul(onehot).sum().neg();
    }

    /** k = 3 single-tissue backward passes of {@code loss_i / 3}. */
    private static List<float[]> accumulate(LowMagModel model, NDManager data, NDArray xs) {
        for (int i = 0; i < 3; i++) {
            try (NDManager m = data.newSubManager();
                    GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray x = xs.get(i + ":" + (i + 1)).duplicate();
                x.attach(m);
                gc.backward(loss(model, m, x, new int[] {LABELS[i]}).div(3));
            }
        }
        return gradients(model);
    }

    /** One backward pass of the mean loss over the batch of the same 3 tissues. */
    private static List<float[]> batch(LowMagModel model, NDManager data, NDArray xs) {
        try (NDManager m = data.newSubManager();
                GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            NDArray x = xs.duplicate();
            x.attach(m);
            gc.backward(loss(model, m, x, LABELS).div(3));
        }
        return gradients(model);
    }

    /**
     * Accumulating {@code backward(loss_i / k)} over k = 3 single tissues gives the gradient of the
     * mean loss over a batch of the same tissues (GroupNorm never mixes samples). Adam's first step
     * then moves each weight by exactly {@code -lr * g / (|g| + eps)}, because {@code m_hat = g}
     * and {@code sqrt(v_hat) = |g|} at step 1.
     */
    @Test
    void accumulationEqualsTheBatchAndAdamsFirstStepFollowsItsFormula() {
        float lr = 1e-3f;
        try (NDManager data = NDManager.newBaseManager();
                NDManager state = NDManager.newBaseManager()) {
            NDArray xs = data.randomNormal(new Shape(3, 3, 48, 48));
            List<float[]> accumulated;
            Engines.seed(11);
            List<float[]> initial;
            List<float[]> updated;
            try (LowMagModel model = LowMagModel.create(info())) {
                initial = weights(model);
                Adam adam = new Adam(model.net().getParameters(), 0f, state);
                accumulated = accumulate(model, data, xs);
                adam.step(lr);
                updated = weights(model);
                assertEquals(1, adam.steps());
                for (float[] g : gradients(model)) {
                    for (float v : g) {
                        assertEquals(0f, v, 0f, "gradients are zeroed after the step");
                    }
                }
            }
            Engines.seed(11);
            List<float[]> batched;
            try (LowMagModel model = LowMagModel.create(info())) {
                batched = batch(model, data, xs);
            }
            double maxRel = 0;
            int moved = 0;
            for (int i = 0; i < accumulated.size(); i++) {
                float[] a = accumulated.get(i);
                float[] b = batched.get(i);
                for (int j = 0; j < a.length; j++) {
                    double scale = Math.max(1e-3, Math.abs(b[j]));
                    maxRel = Math.max(maxRel, Math.abs(a[j] - b[j]) / scale);
                    double expected = initial.get(i)[j] - lr * a[j] / (Math.abs(a[j]) + 1e-8);
                    assertEquals(expected, updated.get(i)[j], 1e-7, "Adam step 1");
                    if (Math.abs(updated.get(i)[j] - initial.get(i)[j]) > 0.9 * lr) {
                        moved++;
                    }
                }
            }
            assertTrue(maxRel < 1e-3, "accumulated vs batch gradient, max rel diff " + maxRel);
            assertTrue(moved > 100000, "most weights move by ~lr, moved=" + moved);
        }
    }

    /** Memory that grows per step is a bug: no step may leave arrays in long-lived managers. */
    @Test
    void stepsLeaveNoArraysBehind() {
        try (NDManager data = NDManager.newBaseManager();
                NDManager state = NDManager.newBaseManager();
                LowMagModel model = LowMagModel.create(info())) {
            NDArray xs = data.randomNormal(new Shape(3, 3, 40, 40));
            Adam adam = new Adam(model.net().getParameters(), 1e-4f, state);
            NDManager root = model.djlModel().getNDManager();
            int[] counts = new int[4];
            for (int s = 0; s < 4; s++) {
                accumulate(model, data, xs);
                adam.step(1e-3f);
                counts[s] = root.getManagedArrays().size() + state.getManagedArrays().size();
            }
            assertEquals(counts[1], counts[3], "arrays kept after steps 2 and 4");
        }
    }
}
