package org.lowmag.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.lowmag.util.AtomicFiles;

/**
 * Puts a run folder that a kill interrupted back into a state a run can start or resume from,
 * before the run touches it (under the folder's lock, so no live run is writing the files removed):
 *
 * <ul>
 *   <li>a complete checkpoint left in {@code .checkpoint.old} (a kill between {@link
 *       Checkpoint#save}'s two renames) becomes {@code checkpoint/} again when that is missing,
 *       else it is deleted;
 *   <li>checkpoints being written ({@code .checkpoint.N/}), models being saved ({@code
 *       model/.last.N/}, {@code model/.best.N/}) and files being written ({@code .NAME.N.tmp},
 *       {@link AtomicFiles}) are deleted.
 * </ul>
 */
final class RunFolderRepair {

    /** Where {@link Checkpoint#save} parks the previous checkpoint while renaming. */
    static final String OLD_CHECKPOINT = ".checkpoint.old";

    private RunFolderRepair() {}

    /**
     * @param run the run folder
     * @return what was done, one line each (for the run's log)
     * @throws IOException when files cannot be moved or deleted
     */
    static List<String> repair(RunFolder run) throws IOException {
        Path dir = run.dir();
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<String> done = new ArrayList<>();
        Path old = dir.resolve(OLD_CHECKPOINT);
        if (Files.isDirectory(old)) {
            if (!Files.isDirectory(run.checkpoint()) && complete(old)) {
                AtomicFiles.moveAtomically(old, run.checkpoint());
                done.add("recovered the checkpoint left in " + OLD_CHECKPOINT);
            } else {
                Checkpoint.deleteTree(old);
            }
        }
        for (Path p : children(dir)) {
            String name = p.getFileName().toString();
            if (name.startsWith(".checkpoint.") && Files.isDirectory(p)) {
                Checkpoint.deleteTree(p);
                done.add("removed the unfinished checkpoint " + name);
            }
        }
        for (Path p : AtomicFiles.removeLeftovers(dir, 3)) {
            done.add("removed the unfinished file " + p);
        }
        Path models = dir.resolve("model");
        if (Files.isDirectory(models)) {
            for (Path p : children(models)) {
                if (p.getFileName().toString().startsWith(".") && Files.isDirectory(p)) {
                    Checkpoint.deleteTree(p);
                    done.add("removed the unfinished model model/" + p.getFileName());
                }
            }
        }
        return done;
    }

    /**
     * @param checkpoint a checkpoint folder
     * @return whether it holds everything {@link Checkpoint#restore} reads
     */
    static boolean complete(Path checkpoint) {
        return Files.isRegularFile(checkpoint.resolve("state.json"))
                && Files.isRegularFile(checkpoint.resolve("optimizer.ndlist"))
                && Files.isDirectory(Checkpoint.modelDir(checkpoint));
    }

    private static List<Path> children(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.toList();
        }
    }
}
