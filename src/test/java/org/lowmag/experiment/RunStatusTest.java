package org.lowmag.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lowmag.train.LoopConfig;
import org.lowmag.util.Json;
import org.lowmag.util.LowMagException;

/** Run folder states and the settings check of reused runs, on hand-made folders. */
class RunStatusTest {

    @Test
    void statusFollowsTheFiles(@TempDir Path tmp) throws IOException {
        Path run = tmp.resolve("kd-2.5x");
        assertEquals(RunStatus.NEW, RunStatus.of(run));
        Files.createDirectories(run);
        assertEquals(RunStatus.NEW, RunStatus.of(run));
        Files.writeString(run.resolve("config.json"), "{}");
        assertEquals(RunStatus.STARTED, RunStatus.of(run));
        Files.createDirectories(run.resolve("checkpoint"));
        Files.writeString(run.resolve("metrics.csv"), "epoch,lr\n1,0.001\n2,0.001\n");
        assertEquals(RunStatus.RESUMABLE, RunStatus.of(run));
        assertEquals(2, RunStatus.epochsDone(run));
        Files.writeString(run.resolve("DONE"), "{}");
        assertEquals(RunStatus.FINISHED, RunStatus.of(run));
    }

    private static Map<String, Object> distill(String data, int epochs) {
        Map<String, Object> loop = new LinkedHashMap<>();
        loop.put("epochs", epochs);
        loop.put("accumulate", 32);
        loop.put("learning_rate", 0.001);
        loop.put("seed", 0);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("command", "distill");
        m.put("data", data);
        m.put("splits", List.of("train", "val"));
        m.put("unlabeled", List.of());
        m.put("magnification", 2.5);
        m.put("resize", "maxpool+bicubic");
        m.put("loop", loop);
        return m;
    }

    @Test
    void sameSettingsPassEvenWithOtherPathSpellings(@TempDir Path tmp) throws IOException {
        Files.createDirectories(tmp.resolve("ds"));
        Path run = tmp.resolve("run");
        Files.createDirectories(run);
        Json.write(run.resolve("config.json"), distill(tmp.resolve("x/../ds").toString(), 15));
        RunConsistency.check(run, distill(tmp.resolve("ds/").toString(), 15));
    }

    @Test
    void otherSettingsAreRefusedWithEveryDifference(@TempDir Path tmp) throws IOException {
        Path run = tmp.resolve("run");
        Files.createDirectories(run);
        Map<String, Object> have = distill("/data/a", 15);
        have.put("resize", "none");
        Json.write(run.resolve("config.json"), have);
        String m =
                assertThrows(
                                LowMagException.class,
                                () -> RunConsistency.check(run, distill("/data/b", 10)))
                        .getMessage();
        assertTrue(m.contains("data is \"/data/a\", expected \"/data/b\""), m);
        assertTrue(m.contains("resize is \"none\", expected \"maxpool+bicubic\""), m);
        assertTrue(m.contains("loop.epochs is 15, expected 10"), m);
        assertTrue(m.contains("move the run folder away"), m);
    }

    @Test
    void differencesIgnoreKeysTheRunDoesNotRecord() {
        JsonObject want = Json.gson().toJsonTree(distill("/d", 1)).getAsJsonObject();
        JsonObject have = want.deepCopy();
        have.remove("resize");
        want.addProperty("architecture", "paper");
        assertEquals(List.of(), RunConsistency.differences(have, want));
    }

    @Test
    void aRunRecordedBeforeActivationCheckpointingExistedStillMatches() {
        Map<String, Object> m = distill("/d", 1);
        m.put("loop", LoopConfig.paperDefaults());
        JsonObject want = Json.gson().toJsonTree(m).getAsJsonObject();
        assertEquals(
                "auto", want.getAsJsonObject("loop").get("checkpoint_activations").getAsString());
        JsonObject have = want.deepCopy();
        have.getAsJsonObject("loop").remove("checkpoint_activations");
        assertEquals(List.of(), RunConsistency.differences(have, want));
    }

    @Test
    void aRunRecordedBeforePaddingSettingsCountsAsHeAndWhiteUpToTheStride() {
        JsonObject want = Json.gson().toJsonTree(distill("/d", 1)).getAsJsonObject();
        JsonObject have = want.deepCopy();
        want.addProperty("init", "he");
        want.addProperty("padding", "white");
        want.addProperty("pad_to", "stride");
        assertEquals(List.of(), RunConsistency.differences(have, want));
        want.addProperty("pad_to", "multiple");
        assertEquals(
                List.of("pad_to is \"stride\", expected \"multiple\""),
                RunConsistency.differences(have, want));
        have.addProperty("pad_to", "multiple");
        assertEquals(List.of(), RunConsistency.differences(have, want));
    }
}
