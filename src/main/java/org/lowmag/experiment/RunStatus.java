package org.lowmag.experiment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.lowmag.train.RunFolder;

/**
 * Where a run folder stands, decided from its files alone: {@code DONE} means finished, a {@code
 * checkpoint/} means resumable, a folder with neither was interrupted before its first checkpoint
 * (nothing to resume: it restarts).
 */
public enum RunStatus {
    /** No folder, or an empty one. */
    NEW,
    /** Interrupted before any checkpoint: restarted from scratch. */
    STARTED,
    /** Has a checkpoint but no {@code DONE}: resumed. */
    RESUMABLE,
    /** Has {@code DONE}: skipped. */
    FINISHED;

    /**
     * @param dir a run folder
     * @return its status
     */
    public static RunStatus of(Path dir) {
        RunFolder run = new RunFolder(dir);
        if (run.finished()) {
            return FINISHED;
        }
        if (run.resumable()) {
            return RESUMABLE;
        }
        return isEmpty(dir) ? NEW : STARTED;
    }

    private static boolean isEmpty(Path dir) {
        if (!Files.isDirectory(dir)) {
            return true;
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Epochs a run has recorded in {@code metrics.csv} (one line per epoch after the header).
     *
     * @param dir a run folder
     * @return the count, 0 when there is no file
     */
    public static int epochsDone(Path dir) {
        Path csv = dir.resolve("metrics.csv");
        if (!Files.isRegularFile(csv)) {
            return 0;
        }
        try {
            List<String> lines = Files.readAllLines(csv);
            return (int) Math.max(0, lines.stream().filter(l -> !l.isBlank()).count() - 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
