package org.lowmag.distill;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.GradientCollector;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Compares the losses, resizers and gradients with the PyTorch goldens of {@code
 * src/test/python/make_distill_golden.py}, in float32 (tolerance 1e-5 relative to the array's
 * scale) and float64 (1e-12).
 */
@Tag("engine")
class DistillGoldenTest {

    private static double tolerance(DataType type) {
        return type == DataType.FLOAT64 ? 1e-12 : 1e-5;
    }

    @AfterAll
    static void printSummary() {
        System.out.print(Golden.summary());
    }

    @ParameterizedTest
    @EnumSource(
            value = DataType.class,
            names = {"FLOAT32", "FLOAT64"})
    void softLossAndGradientMatchTorch(DataType type) {
        for (JsonElement e : Golden.ROOT.getAsJsonArray("soft")) {
            JsonObject c = e.getAsJsonObject();
            double temperature = c.get("temperature").getAsDouble();
            String label = type + " soft [T=" + temperature + " " + c.get("name").getAsString();
            try (NDManager root = NDManager.newBaseManager();
                    NDManager m = root.newSubManager()) {
                NDArray teacher = Golden.array(m, c.getAsJsonObject("teacher"), type);
                NDArray student = Golden.array(m, c.getAsJsonObject("student"), type);
                student.setRequiresGradient(true);
                NDArray loss;
                try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                    loss = new SoftLoss(temperature).compute(teacher, student);
                    gc.backward(loss);
                }
                assertEquals(type, loss.getDataType(), label + "]: dtype");
                double tol = tolerance(type);
                Golden.assertScalar(label + "] loss", c.get("loss").getAsDouble(), loss, tol);
                Golden.assertTensor(
                        label + "] grad",
                        c.getAsJsonObject("grad_student"),
                        student.getGradient(),
                        tol);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(
            value = DataType.class,
            names = {"FLOAT32", "FLOAT64"})
    void resizersMatchTorch(DataType type) {
        for (JsonElement e : Golden.ROOT.getAsJsonArray("resize")) {
            JsonObject c = e.getAsJsonObject();
            int heightPx = c.get("height").getAsInt();
            int widthPx = c.get("width").getAsInt();
            String name = c.get("name").getAsString();
            for (FeatureResizer g :
                    List.of(AdaptiveMaxPoolResizer.INSTANCE, BicubicResizer.INSTANCE)) {
                try (NDManager root = NDManager.newBaseManager();
                        NDManager m = root.newSubManager()) {
                    NDArray x = Golden.array(m, c.getAsJsonObject("input"), type);
                    NDArray out = g.resize(x, heightPx, widthPx);
                    assertEquals(type, out.getDataType());
                    Golden.assertTensor(
                            type + " resize " + g.name() + " [" + name + "]",
                            c.getAsJsonObject(g.name()),
                            out,
                            tolerance(type));
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(
            value = DataType.class,
            names = {"FLOAT32", "FLOAT64"})
    void pixelLossAndGradientMatchTorch(DataType type) {
        for (JsonElement e : Golden.ROOT.getAsJsonArray("pixel")) {
            JsonObject group = e.getAsJsonObject();
            for (JsonElement ce : group.getAsJsonArray("cases")) {
                JsonObject c = ce.getAsJsonObject();
                ResizeMode mode = ResizeMode.fromFlag(c.get("mode").getAsString());
                PixelNorm norm = PixelNorm.fromFlag(c.get("norm").getAsString());
                String label =
                        type + " pixel " + norm + " [" + group.get("name").getAsString() + "]";
                try (NDManager root = NDManager.newBaseManager();
                        NDManager m = root.newSubManager()) {
                    NDArray teacher = Golden.array(m, group.getAsJsonObject("teacher_map"), type);
                    NDArray student = Golden.array(m, group.getAsJsonObject("student_map"), type);
                    student.setRequiresGradient(true);
                    NDArray loss;
                    try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                        loss = new PixelLoss(mode, norm).compute(teacher, student);
                        if (mode != ResizeMode.NONE) {
                            gc.backward(loss);
                        }
                    }
                    assertEquals(type, loss.getDataType(), label + ": dtype");
                    double tol = tolerance(type);
                    Golden.assertScalar(
                            label + " " + mode + " loss", c.get("loss").getAsDouble(), loss, tol);
                    if (mode != ResizeMode.NONE) {
                        Golden.assertTensor(
                                label + " " + mode + " grad",
                                c.getAsJsonObject("grad_student_map"),
                                student.getGradient(),
                                tol);
                    }
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(
            value = DataType.class,
            names = {"FLOAT32", "FLOAT64"})
    void totalLossPartsAndGradientsMatchTorch(DataType type) {
        JsonObject in = Golden.ROOT.getAsJsonObject("total");
        for (JsonElement ce : in.getAsJsonArray("cases")) {
            JsonObject c = ce.getAsJsonObject();
            DistillConfig config =
                    new DistillConfig(
                            c.get("temperature").getAsDouble(),
                            ResizeMode.fromFlag(c.get("mode").getAsString()),
                            PixelNorm.fromFlag(c.get("norm").getAsString()));
            String label =
                    type
                            + " total ["
                            + config.temperature()
                            + " "
                            + config.resize()
                            + " "
                            + config.pixelNorm()
                            + "]";
            try (NDManager root = NDManager.newBaseManager();
                    NDManager m = root.newSubManager()) {
                NDArray tLogits = Golden.array(m, in.getAsJsonObject("teacher_logits"), type);
                NDArray tMap = Golden.array(m, in.getAsJsonObject("teacher_map"), type);
                NDArray sLogits = Golden.array(m, in.getAsJsonObject("student_logits"), type);
                NDArray sMap = Golden.array(m, in.getAsJsonObject("student_map"), type);
                sLogits.setRequiresGradient(true);
                sMap.setRequiresGradient(true);
                LossParts parts;
                try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                    parts = new DistillationLoss(config).compute(tLogits, tMap, sLogits, sMap);
                    gc.backward(parts.total());
                }
                double tol = tolerance(type);
                Golden.assertScalar(
                        label + " soft", c.get("soft").getAsDouble(), parts.soft(), tol);
                Golden.assertScalar(
                        label + " pixel", c.get("pixel").getAsDouble(), parts.pixel(), tol);
                Golden.assertScalar(
                        label + " total", c.get("total").getAsDouble(), parts.total(), tol);
                Golden.assertTensor(
                        label + " grad logits",
                        c.getAsJsonObject("grad_student_logits"),
                        sLogits.getGradient(),
                        tol);
                if (config.resize() != ResizeMode.NONE) {
                    Golden.assertTensor(
                            label + " grad map",
                            c.getAsJsonObject("grad_student_map"),
                            sMap.getGradient(),
                            tol);
                }
            }
        }
    }
}
