package org.lowmag.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lowmag.util.AtomicFiles;
import org.lowmag.util.FolderLock;
import org.lowmag.util.Json;
import org.lowmag.util.LowMagException;
import org.lowmag.util.Provenance;

/**
 * A run's output folder: {@code config.json} (every setting, the seed and provenance), {@code
 * metrics.csv} (one row per epoch), {@code model/best} and {@code model/last}, {@code checkpoint/}
 * (to resume) and {@code log.txt}.
 *
 * @param dir the folder
 */
public record RunFolder(Path dir) {

    /** Marker written when a run has finished all its epochs (or stopped early). */
    public static final String DONE_FILE = "DONE";

    /** Lock file held while a run writes into the folder ({@link #lock}). */
    public static final String LOCK_FILE = ".run.lock";

    /**
     * @return the best model's folder
     */
    public Path bestModel() {
        return dir.resolve("model/best");
    }

    /**
     * @return the last model's folder
     */
    public Path lastModel() {
        return dir.resolve("model/last");
    }

    /**
     * @return the checkpoint folder
     */
    public Path checkpoint() {
        return dir.resolve("checkpoint");
    }

    /**
     * @return whether the run finished
     */
    public boolean finished() {
        return Files.isRegularFile(dir.resolve(DONE_FILE));
    }

    /**
     * Runs work while holding the folder's lock ({@value #LOCK_FILE}), which keeps other runs
     * (train, distill, finetune, in any process) out; {@link #start} belongs inside it.
     *
     * @param work the run
     * @param <T> its result
     * @return the work's result
     * @throws LowMagException when another run holds the folder
     * @throws IOException when the work fails or the folder cannot be created
     */
    public <T> T whileLocked(FolderLock.Work<T> work) throws IOException {
        return FolderLock.holding(
                dir,
                LOCK_FILE,
                "another run is writing into "
                        + dir
                        + " now: wait for it to end, or choose another --out",
                work);
    }

    /**
     * @return whether a run can resume from this folder: it has a checkpoint, or one a kill left in
     *     {@code .checkpoint.old} (which {@link #start} recovers)
     */
    public boolean resumable() {
        return Files.isDirectory(checkpoint())
                || RunFolderRepair.complete(dir.resolve(RunFolderRepair.OLD_CHECKPOINT));
    }

    /**
     * Prepares the folder for a new run or a resume, first repairing what a kill left ({@link
     * RunFolderRepair}). A folder whose run reached no checkpoint (killed in its first minutes, or
     * stopped by a data error) is no dead end: {@code --resume} starts it from nothing (with the
     * same settings), and a new run may take it over (its partial {@code model/} and {@code
     * metrics.csv} are removed). A resume rewrites {@code metrics.csv} from the checkpoint's
     * history, so a kill between the checkpoint and the metrics leaves no row missing.
     *
     * @param resume whether the user asked to resume
     * @param config the configuration (written as {@code config.json} on a new run; compared on
     *     resume)
     * @return whether the run continues from {@code checkpoint/} (else it starts from epoch 1)
     * @throws LowMagException when a new run would overwrite a run that has a checkpoint or has
     *     finished, or a resume has other settings ({@link ResumeCheck})
     */
    public boolean start(boolean resume, Map<String, Object> config) {
        Path cfg = dir.resolve("config.json");
        try {
            RunFolderRepair.repair(this).forEach(this::log);
            boolean hasCheckpoint = RunFolderRepair.complete(checkpoint());
            if (resume) {
                ResumeCheck.check(dir, config);
                if (hasCheckpoint) {
                    syncMetrics();
                    log("resumed");
                    return true;
                }
                log("resumed: no checkpoint yet, starting from epoch 1");
            } else if (finished() || Files.isDirectory(checkpoint())) {
                throw new LowMagException(
                        "run folder "
                                + dir
                                + " already holds a run: use --resume to continue it,"
                                + " or choose a new --out");
            } else if (Files.exists(cfg) || Files.isDirectory(dir.resolve("model"))) {
                log("restarted: the previous run here reached no checkpoint");
            }
            Checkpoint.deleteTree(checkpoint());
            Checkpoint.deleteTree(dir.resolve("model"));
            Files.deleteIfExists(dir.resolve("metrics.csv"));
            Files.createDirectories(dir);
            Map<String, Object> all = new LinkedHashMap<>(config);
            all.put("provenance", Provenance.current().toMap());
            Json.write(cfg, all);
            log("started");
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Rewrites {@code metrics.csv} from the checkpoint's history (the rows it vouches for). */
    private void syncMetrics() throws IOException {
        LoopState state = Json.read(checkpoint().resolve("state.json"), LoopState.class);
        writeMetrics(state.history());
    }

    /**
     * Appends a timestamped line to {@code log.txt}.
     *
     * @param line the text
     */
    public void log(String line) {
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ISO_LOCAL_DATE_TIME);
        try {
            Files.createDirectories(dir);
            Files.writeString(
                    dir.resolve("log.txt"),
                    stamp + " " + line + "\n",
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Rewrites {@code metrics.csv} atomically from the history.
     *
     * @param history one map per epoch, all with the same keys
     * @throws IOException when writing fails
     */
    public void writeMetrics(List<Map<String, Object>> history) throws IOException {
        if (history.isEmpty()) {
            return;
        }
        StringBuilder sb = new StringBuilder(String.join(",", history.get(0).keySet()));
        sb.append('\n');
        for (Map<String, Object> row : history) {
            sb.append(String.join(",", row.values().stream().map(RunFolder::cell).toList()));
            sb.append('\n');
        }
        AtomicFiles.writeString(dir.resolve("metrics.csv"), sb.toString());
    }

    private static String cell(Object v) {
        if (v instanceof Number n) {
            double d = n.doubleValue();
            if (d == Math.rint(d) && Math.abs(d) < 1e15) {
                return Long.toString((long) d);
            }
            return Double.toString(d);
        }
        return String.valueOf(v);
    }

    /**
     * Marks the run finished.
     *
     * @param summary what to record (best epoch, metric, ...)
     * @throws IOException when writing fails
     */
    public void markDone(Map<String, Object> summary) throws IOException {
        Json.write(dir.resolve(DONE_FILE), summary);
    }
}
