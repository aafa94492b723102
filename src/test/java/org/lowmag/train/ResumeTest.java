package org.lowmag.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import com.google.gson.JsonObject;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lowmag.dataset.Augmentation;
import org.lowmag.model.LowMagModel;
import org.lowmag.testing.TinyDatasets;
import org.lowmag.util.Json;

/**
 * Engine test: a training run killed (SIGKILL) in the middle of an epoch and resumed ends with
 * exactly the weights of an uninterrupted run with the same seed.
 */
@Tag("engine")
class ResumeTest {

    private static final int EPOCHS = 3;

    private static TrainConfig config(
            Path data, Path out, double checkpointMinutes, boolean resume) {
        LoopConfig loop =
                new LoopConfig(
                        EPOCHS,
                        2,
                        1e-3,
                        1e-4,
                        0.9,
                        7L,
                        "val_accuracy",
                        0,
                        checkpointMinutes,
                        1L << 20,
                        1L << 26,
                        1L << 28,
                        ActivationCheckpointing.AUTO);
        return new TrainConfig(
                data, 10, out, "paper", loop, Augmentation.paperDefault(), "teacher", null, resume);
    }

    /**
     * @param modelDir a model folder
     * @return every parameter's values, in the network's order
     */
    static List<float[]> weights(Path modelDir) {
        List<float[]> out = new ArrayList<>();
        try (LowMagModel m = LowMagModel.load(modelDir)) {
            for (Pair<String, Parameter> p : m.net().getParameters()) {
                out.add(p.getValue().getArray().toFloatArray());
            }
        }
        return out;
    }

    @Test
    void killedMidEpochAndResumedEndsIdentical(@TempDir Path tmp) throws Exception {
        Path data = tmp.resolve("data");
        TinyDatasets.write(data, 3, 6, 48, List.of(10.0, 5.0), 3L);
        Path straight = tmp.resolve("straight");
        TrainJob.run(config(data, straight, 0, false));

        Path killed = tmp.resolve("killed");
        Process p =
                new ProcessBuilder(
                                javaBin(),
                                "-Dai.djl.offline=true",
                                "-DOPT_OUT_TRACKING=true",
                                "-cp",
                                System.getProperty("java.class.path"),
                                "org.lowmag.cli.LowMag",
                                "train",
                                "--data",
                                data.toString(),
                                "--mag",
                                "10",
                                "--out",
                                killed.toString(),
                                "--epochs",
                                "" + EPOCHS,
                                "--accumulate",
                                "2",
                                "--lr-gamma",
                                "0.9",
                                "--seed",
                                "7",
                                "--checkpoint-minutes",
                                "0.000001",
                                "--cache-mb",
                                "256")
                        .redirectErrorStream(true)
                        .redirectOutput(tmp.resolve("child.log").toFile())
                        .start();
        Path state = killed.resolve("checkpoint/state.json");
        boolean killedMidEpoch = false;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (p.isAlive() && System.nanoTime() < deadline) {
            if (Files.exists(state)) {
                try {
                    JsonObject s = Json.readTree(state).getAsJsonObject();
                    if (s.get("epoch").getAsInt() == 1 && s.get("step_in_epoch").getAsInt() >= 2) {
                        p.destroyForcibly().waitFor();
                        killedMidEpoch = true;
                        break;
                    }
                } catch (java.io.IOException | IllegalStateException e) {
                    // the checkpoint is being replaced at this instant: look again
                }
            }
            Thread.sleep(5);
        }
        assertTrue(
                killedMidEpoch,
                "the child run was killed in the middle of epoch 2: "
                        + Files.readString(tmp.resolve("child.log")));
        assertFalse(Files.exists(killed.resolve(RunFolder.DONE_FILE)));
        LoopState end = TrainJob.run(config(data, killed, 0, true));
        assertEquals(EPOCHS, end.history().size());

        List<float[]> a = weights(straight.resolve("model/last"));
        List<float[]> b = weights(killed.resolve("model/last"));
        assertEquals(a.size(), b.size());
        for (int i = 0; i < a.size(); i++) {
            assertArrayEquals(a.get(i), b.get(i), 0f, "parameter " + i);
        }
        assertEquals(
                Files.readString(straight.resolve("metrics.csv"))
                        .lines()
                        .map(ResumeTest::withoutTimes)
                        .toList(),
                Files.readString(killed.resolve("metrics.csv"))
                        .lines()
                        .map(ResumeTest::withoutTimes)
                        .toList());
    }

    /**
     * Drops the timing columns (train_tissues_per_s and train_seconds), which legitimately vary.
     */
    private static String withoutTimes(String line) {
        String[] f = line.split(",");
        List<String> keep = new ArrayList<>();
        for (int i = 0; i < f.length; i++) {
            if (i != 4 && i != f.length - 1) {
                keep.add(f[i]);
            }
        }
        return String.join(",", keep);
    }

    private static String javaBin() {
        return System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    }
}
