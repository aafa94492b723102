package org.lowmag.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lowmag.util.Json;
import org.lowmag.util.LowMagException;

/**
 * What kills leave in a run folder, and how a new start or a resume takes it up: no folder is a
 * dead end, no finished or checkpointed run is overwritten.
 */
class RunFolderRecoveryTest {

    @TempDir Path dir;

    private static Map<String, Object> config(double lr) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("command", "train");
        m.put("learning_rate", lr);
        return m;
    }

    /** A complete checkpoint whose state has {@code epochs} finished epochs. */
    private static void checkpoint(Path at, int epochs) throws IOException {
        Files.createDirectories(at.resolve("model"));
        Files.write(at.resolve("optimizer.ndlist"), new byte[] {1});
        LoopState s = new LoopState();
        s.epoch = epochs;
        for (int e = 1; e <= epochs; e++) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("epoch", e);
            row.put("val_accuracy", 0.5 + e / 100.0);
            s.history.add(row);
        }
        Json.write(at.resolve("state.json"), s);
    }

    @Test
    void aRunKilledBeforeItsFirstCheckpointResumesFromNothing() {
        RunFolder run = new RunFolder(dir);
        assertFalse(run.start(false, config(1e-3)));
        assertFalse(run.start(true, config(1e-3)), "resumes, from epoch 1");
        assertThrows(LowMagException.class, () -> run.start(true, config(1e-2)), "same settings");
    }

    @Test
    void aNewRunTakesOverAFolderWithoutCheckpointAndDropsItsPartialModel() throws IOException {
        RunFolder run = new RunFolder(dir);
        run.start(false, config(1e-3));
        Files.createDirectories(run.lastModel());
        Files.writeString(dir.resolve("metrics.csv"), "epoch\n1\n");
        assertFalse(run.start(false, config(1e-2)));
        assertFalse(Files.exists(run.lastModel()));
        assertFalse(Files.exists(dir.resolve("metrics.csv")));
        assertTrue(Files.readString(dir.resolve("config.json")).contains("0.01"));
    }

    @Test
    void aNewRunNeverOverwritesACheckpointedOrFinishedRun() throws IOException {
        RunFolder run = new RunFolder(dir);
        run.start(false, config(1e-3));
        checkpoint(run.checkpoint(), 1);
        assertThrows(LowMagException.class, () -> run.start(false, config(1e-3)));
        Checkpoint.deleteTree(run.checkpoint());
        run.markDone(Map.of("epochs", 1));
        assertThrows(LowMagException.class, () -> run.start(false, config(1e-3)));
    }

    @Test
    void aCheckpointLeftBetweenTheTwoRenamesIsRecovered() throws IOException {
        RunFolder run = new RunFolder(dir);
        run.start(false, config(1e-3));
        checkpoint(dir.resolve(RunFolderRepair.OLD_CHECKPOINT), 2);
        assertTrue(run.resumable(), "an experiment resumes it rather than clearing the folder");
        assertTrue(run.start(true, config(1e-3)), "resumes from the recovered checkpoint");
        assertTrue(Files.isRegularFile(run.checkpoint().resolve("state.json")));
        assertFalse(Files.exists(dir.resolve(RunFolderRepair.OLD_CHECKPOINT)));
    }

    @Test
    void leftoversOfKilledWritesAreRemoved() throws IOException {
        RunFolder run = new RunFolder(dir);
        run.start(false, config(1e-3));
        checkpoint(run.checkpoint(), 1);
        checkpoint(dir.resolve(".checkpoint.8812734"), 2);
        Files.createDirectories(dir.resolve("model/.last.123/model"));
        Files.writeString(dir.resolve(".metrics.csv.99.tmp"), "half");
        Files.createDirectories(dir.resolve("model/best"));
        Files.writeString(dir.resolve("model/best/.info.json.5.tmp"), "half");
        run.start(true, config(1e-3));
        try (var s = Files.walk(dir)) {
            List<String> left =
                    s.map(p -> dir.relativize(p).toString())
                            .filter(
                                    n ->
                                            n.contains(".tmp")
                                                    || n.contains(".last.")
                                                    || n.contains(".checkpoint."))
                            .toList();
            assertEquals(List.of(), left);
        }
        assertTrue(Files.isDirectory(run.checkpoint()), "the real checkpoint stays");
    }

    @Test
    void aResumeRewritesMetricsFromTheCheckpointsHistory() throws IOException {
        RunFolder run = new RunFolder(dir);
        run.start(false, config(1e-3));
        checkpoint(run.checkpoint(), 3);
        Files.writeString(dir.resolve("metrics.csv"), "epoch,val_accuracy\n1,0.51\n2,0.52\n");
        run.start(true, config(1e-3));
        assertEquals(
                List.of("epoch,val_accuracy", "1,0.51", "2,0.52", "3,0.53"),
                Files.readAllLines(dir.resolve("metrics.csv")));
    }
}
