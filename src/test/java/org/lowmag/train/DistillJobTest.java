package org.lowmag.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.nn.ParameterList;
import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lowmag.dataset.Augmentation;
import org.lowmag.distill.DistillConfig;
import org.lowmag.eval.BootstrapConfig;
import org.lowmag.infer.EvaluateJob;
import org.lowmag.model.LowMagModel;
import org.lowmag.model.ModelInfo;
import org.lowmag.model.ModelPaths;
import org.lowmag.testing.TinyDatasets;
import org.lowmag.util.Json;
import org.lowmag.util.LowMagException;

/** Engine tests: teacher -> distilled student -> fine-tuned student -> evaluation, end to end. */
@Tag("engine")
class DistillJobTest {

    @TempDir static Path tmp;
    static Path data;
    static Path teacher;

    private static LoopConfig loop(int epochs) {
        return new LoopConfig(
                epochs,
                4,
                1e-3,
                1e-4,
                1.0,
                5L,
                "val_accuracy",
                0,
                0,
                1L << 20,
                1L << 26,
                1L << 28,
                ActivationCheckpointing.AUTO);
    }

    @BeforeAll
    static void trainTeacher() throws Exception {
        data = tmp.resolve("data");
        TinyDatasets.write(data, 3, 4, 64, List.of(8.0, 2.0, 1.0), 9L);
        teacher = tmp.resolve("teacher");
        TrainJob.run(
                new TrainConfig(
                        data,
                        8,
                        teacher,
                        "paper",
                        loop(2),
                        Augmentation.paperDefault(),
                        "teacher",
                        null,
                        false));
    }

    private static DistillRunConfig kd(Path out, double mag, List<String> splits) {
        return new DistillRunConfig(
                teacher,
                data,
                splits,
                List.of(),
                mag,
                out,
                null,
                DistillConfig.paper(1.0),
                loop(2),
                Augmentation.paperDefault(),
                null,
                false);
    }

    @Test
    void distilsFinetunesAndEvaluates() throws Exception {
        Path student = tmp.resolve("kd+aux-2x");
        LoopState s = DistillJob.run(kd(student, 2, List.of("train", "val", "unlabeled")));
        assertEquals(2, s.history().size());
        assertTrue(s.history().get(0).containsKey("train_teacher_seconds"));
        assertTrue(s.history().get(0).containsKey("train_pixel"));
        ModelInfo info = ModelPaths.readInfo(student);
        assertEquals(2.0, info.magnification());
        assertEquals("student", info.role());

        Path ft = tmp.resolve("ft");
        FinetuneJob.run(new FinetuneConfig(student, data, ft, loop(1), Augmentation.none(), false));
        assertTrue(new RunFolder(ft).finished());
        try (LowMagModel before = LowMagModel.load(ModelPaths.resolve(student));
                LowMagModel after = LowMagModel.load(ModelPaths.resolve(ft))) {
            ParameterList pb = before.net().getParameters();
            ParameterList pa = after.net().getParameters();
            int changed = 0;
            for (int i = 0; i < pb.size(); i++) {
                boolean fc =
                        before.net().fc().getParameters().values().contains(pb.get(i).getValue());
                boolean same =
                        Arrays.equals(
                                pb.get(i).getValue().getArray().toFloatArray(),
                                pa.get(i).getValue().getArray().toFloatArray());
                if (!fc) {
                    assertTrue(same, "frozen parameter changed: " + pb.get(i).getKey());
                } else if (!same) {
                    changed++;
                }
            }
            assertTrue(changed > 0, "the FC layer was trained");
        }

        Path eval = tmp.resolve("eval");
        EvaluateJob.run(
                new EvaluateJob.Config(
                        ft, data, "test", eval, new BootstrapConfig(200, 0.95, 1L), 1L << 20));
        JsonObject m = Json.readTree(eval.resolve("metrics.json")).getAsJsonObject();
        assertEquals(12, m.get("tissues").getAsInt());
        double acc = m.getAsJsonObject("exact_accuracy").get("value").getAsDouble();
        assertTrue(acc >= 0 && acc <= 1);
        assertTrue(m.get("gflops_mean").getAsDouble() > 0);
        assertEquals(13, Files.readAllLines(eval.resolve("predictions.csv")).size());
    }

    @Test
    void refusesAMagnificationNotBelowTheTeachers() {
        LowMagException e =
                assertThrows(
                        LowMagException.class,
                        () -> DistillJob.run(kd(tmp.resolve("bad1"), 8, List.of("train"))));
        assertTrue(e.getMessage().contains("must be lower"), e.getMessage());
    }

    @Test
    void refusesAMissingMagnification() {
        LowMagException e =
                assertThrows(
                        LowMagException.class,
                        () -> DistillJob.run(kd(tmp.resolve("bad2"), 4, List.of("train"))));
        assertTrue(e.getMessage().contains("no images at 4x"), e.getMessage());
    }

    @Test
    void refusesADatasetWithOtherClasses() throws Exception {
        Path other = tmp.resolve("other");
        TinyDatasets.write(other, 4, 1, 64, List.of(8.0, 2.0), 1L);
        DistillRunConfig c =
                new DistillRunConfig(
                        teacher,
                        other,
                        List.of("train"),
                        List.of(),
                        2,
                        tmp.resolve("bad3"),
                        null,
                        DistillConfig.paper(1.0),
                        loop(1),
                        Augmentation.none(),
                        null,
                        false);
        LowMagException e = assertThrows(LowMagException.class, () -> DistillJob.run(c));
        assertTrue(e.getMessage().contains("teacher was trained on classes"), e.getMessage());
    }
}
