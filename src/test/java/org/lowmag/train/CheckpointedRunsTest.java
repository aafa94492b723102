package org.lowmag.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lowmag.dataset.Augmentation;
import org.lowmag.distill.DistillConfig;
import org.lowmag.model.LowMagModel;
import org.lowmag.testing.TinyDatasets;
import org.lowmag.util.Json;

/**
 * Engine test: training, distillation and fine-tuning runs with activation checkpointing on end
 * with the weights of the same runs with it off, and record the setting in config.json.
 */
@Tag("engine")
class CheckpointedRunsTest {

    @TempDir static Path tmp;
    static Path data;

    @BeforeAll
    static void dataset() throws Exception {
        data = tmp.resolve("data");
        TinyDatasets.write(data, 3, 2, 64, List.of(8.0, 2.0), 4L);
    }

    private static LoopConfig loop(ActivationCheckpointing c) {
        return new LoopConfig(
                1, 2, 1e-3, 1e-4, 1.0, 3L, "val_accuracy", 0, 0, 1L << 20, 1L << 26, 1L << 28, c);
    }

    private static List<float[]> weights(Path run) {
        List<float[]> out = new ArrayList<>();
        try (LowMagModel m = LowMagModel.load(new RunFolder(run).lastModel())) {
            for (Pair<String, Parameter> p : m.net().getParameters()) {
                out.add(p.getValue().getArray().toFloatArray());
            }
        }
        return out;
    }

    private static void assertSameWeights(Path a, Path b) {
        List<float[]> wa = weights(a);
        List<float[]> wb = weights(b);
        assertEquals(wa.size(), wb.size());
        for (int p = 0; p < wa.size(); p++) {
            for (int i = 0; i < wa.get(p).length; i++) {
                assertEquals(wa.get(p)[i], wb.get(p)[i], 1e-6, "parameter " + p + " [" + i + "]");
            }
        }
    }

    private static String recorded(Path run) throws Exception {
        JsonObject c = Json.readTree(run.resolve("config.json")).getAsJsonObject();
        return c.getAsJsonObject("loop").get("checkpoint_activations").getAsString();
    }

    private static Path train(String name, ActivationCheckpointing c) throws Exception {
        Path out = tmp.resolve(name);
        TrainJob.run(
                new TrainConfig(
                        data, 8, out, "paper", loop(c), Augmentation.none(), "t", null, false));
        return out;
    }

    private static Path distill(String name, Path teacher, ActivationCheckpointing c)
            throws Exception {
        Path out = tmp.resolve(name);
        DistillJob.run(
                new DistillRunConfig(
                        teacher,
                        data,
                        List.of("train"),
                        List.of(),
                        2,
                        out,
                        null,
                        DistillConfig.paper(1.0),
                        loop(c),
                        Augmentation.none(),
                        null,
                        false));
        return out;
    }

    private static Path finetune(String name, Path student, ActivationCheckpointing c)
            throws Exception {
        Path out = tmp.resolve(name);
        FinetuneJob.run(
                new FinetuneConfig(student, data, out, loop(c), Augmentation.none(), false));
        return out;
    }

    @Test
    void checkpointedRunsEndWithTheOrdinaryWeights() throws Exception {
        Path teacher = train("train-off", ActivationCheckpointing.OFF);
        Path teacherOn = train("train-on", ActivationCheckpointing.ON);
        assertSameWeights(teacher, teacherOn);
        assertEquals("off", recorded(teacher));
        assertEquals("on", recorded(teacherOn));

        Path student = distill("kd-off", teacher, ActivationCheckpointing.OFF);
        assertSameWeights(student, distill("kd-on", teacher, ActivationCheckpointing.ON));

        assertSameWeights(
                finetune("ft-off", student, ActivationCheckpointing.OFF),
                finetune("ft-on", student, ActivationCheckpointing.ON));
    }
}
