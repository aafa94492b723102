package org.lowmag.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.util.Pair;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lowmag.distill.DistillConfig;
import org.lowmag.distill.DistillationLoss;
import org.lowmag.model.Engines;
import org.lowmag.model.LowMagModel;
import org.lowmag.model.ModelInfo;
import org.lowmag.model.Normalization;
import org.lowmag.model.TrainingPass;

/**
 * Engine test: activation checkpointing gives the gradients of the ordinary backward pass, for
 * every parameter, accumulated over two tissues of different sizes, with the supervised loss and
 * with the distillation loss (which also reads the final feature map).
 */
@Tag("engine")
class TrainingPassTest {

    private static final int CLASSES = 3;
    private static final int[][] SIZES = {{40, 56}, {72, 48}};
    private static final int[] LABELS = {2, 0};

    /** What the test back-propagates. */
    private enum Objective {
        SUPERVISED,
        DISTILL,
        FC_ONLY
    }

    private static LowMagModel model(String arch) {
        Engines.seed(21);
        LowMagModel m =
                LowMagModel.create(
                        new ModelInfo(
                                ModelInfo.FORMAT_VERSION,
                                arch,
                                List.of("a", "b", "c"),
                                10.0,
                                Normalization.IDENTITY,
                                "untrained",
                                21L,
                                Map.of(),
                                Map.of()));
        for (Pair<String, Parameter> p : m.net().getParameters()) {
            p.getValue().getArray().setRequiresGradient(true);
        }
        return m;
    }

    /** Gradients of every parameter after two accumulated passes; then zeroes them. */
    private static List<float[]> gradients(
            LowMagModel model, List<NDArray> inputs, Objective objective, boolean checkpoint) {
        DistillationLoss kd = new DistillationLoss(DistillConfig.paper(2.0));
        for (int i = 0; i < inputs.size(); i++) {
            NDArray x = inputs.get(i);
            try (NDManager m = x.getManager().newSubManager();
                    GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                TrainingPass pass = TrainingPass.forward(model, m, x, checkpoint);
                assertEquals(checkpoint, pass.checkpointed());
                NDArray loss =
                        switch (objective) {
                            case SUPERVISED, FC_ONLY ->
                                    SupervisedObjective.crossEntropySum(
                                            pass.logits(), new int[] {LABELS[i]});
                            case DISTILL -> {
                                Shape s = pass.featureMap().getShape();
                                Engines.seed(100 + i);
                                NDArray teacherLogits = m.randomNormal(new Shape(1, CLASSES));
                                NDArray teacherMap =
                                        m.randomNormal(
                                                new Shape(1, s.get(1), 2 * s.get(2), 2 * s.get(3)));
                                yield kd.compute(
                                                teacherLogits,
                                                teacherMap,
                                                pass.logits(),
                                                pass.featureMap())
                                        .total();
                            }
                        };
                pass.backward(gc, loss.mul(0.5f));
            }
        }
        List<float[]> out = new ArrayList<>();
        for (Pair<String, Parameter> p : model.net().getParameters()) {
            NDArray a = p.getValue().getArray();
            if (!a.hasGradient()) {
                out.add(null);
                continue;
            }
            try (NDArray g = a.getGradient()) {
                out.add(g.toFloatArray());
                g.subi(g);
            }
        }
        return out;
    }

    @ParameterizedTest
    @ValueSource(strings = {"SUPERVISED", "DISTILL", "FC_ONLY"})
    void checkpointedGradientsEqualTheOrdinaryOnes(String which) {
        Objective objective = Objective.valueOf(which);
        for (String arch : List.of("paper", "resnet18")) {
            try (LowMagModel model = model(arch);
                    NDManager data = NDManager.newBaseManager()) {
                if (objective == Objective.FC_ONLY) {
                    model.net().freezeParameters(true);
                    model.net().fc().freezeParameters(false);
                    TrainJob.enableGradients(model);
                }
                Engines.seed(5);
                List<NDArray> inputs = new ArrayList<>();
                for (int[] hw : SIZES) {
                    inputs.add(data.randomNormal(new Shape(1, 3, hw[0], hw[1])));
                }
                List<float[]> plain = gradients(model, inputs, objective, false);
                List<float[]> checkpointed = gradients(model, inputs, objective, true);
                List<Pair<String, Parameter>> params =
                        model.net().getParameters().stream().toList();
                int trained = 0;
                for (int p = 0; p < params.size(); p++) {
                    String name = arch + " " + objective + " " + params.get(p).getKey();
                    float[] a = plain.get(p);
                    float[] b = checkpointed.get(p);
                    assertEquals(a == null, b == null, name);
                    if (a == null) {
                        continue;
                    }
                    trained++;
                    double scale = 0;
                    for (float v : a) {
                        scale = Math.max(scale, Math.abs(v));
                    }
                    assertTrue(scale > 0, name + ": the ordinary gradient is zero");
                    for (int i = 0; i < a.length; i++) {
                        assertEquals(a[i], b[i], 1e-5 * scale, name + " [" + i + "]");
                    }
                }
                assertEquals(objective == Objective.FC_ONLY ? 2 : params.size(), trained);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"auto", "on", "off"})
    void theSettingDecidesByThePixelsOfAPass(String flag) {
        ActivationCheckpointing c = ActivationCheckpointing.fromFlag(flag.toUpperCase());
        long threshold = ActivationCheckpointing.AUTO_THRESHOLD_PIXELS;
        assertEquals(flag, c.flag());
        assertEquals(!flag.equals("off"), c.appliesTo(threshold + 1));
        assertEquals(flag.equals("on"), c.appliesTo(threshold));
        assertEquals(flag.equals("on"), c.appliesTo(224 * 224));
        assertFalse(LoopConfig.paperDefaults().checkpoints(224 * 224));
        assertTrue(LoopConfig.paperDefaults().checkpoints(8192L * 8192));
    }
}
