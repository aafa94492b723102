package org.lowmag.train;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.lowmag.model.LowMagModel;
import org.lowmag.util.AtomicFiles;
import org.lowmag.util.Json;
import org.lowmag.util.LowMagException;

/**
 * A resumable snapshot of a run: the model's weights ({@code model/}), the optimiser's moments
 * ({@code optimizer.ndlist}) and the loop's state ({@code state.json}). Written into a temporary
 * folder and renamed into place, so a kill at any moment leaves either the previous or the new
 * checkpoint, never a mix.
 */
public final class Checkpoint {

    private static final String STATE = "state.json";
    private static final String OPTIMIZER = "optimizer.ndlist";

    private Checkpoint() {}

    /**
     * Writes a checkpoint.
     *
     * @param dir the checkpoint folder
     * @param model the model being trained
     * @param adam its optimiser
     * @param state the loop state
     * @throws IOException when writing fails
     */
    public static void save(Path dir, LowMagModel model, Adam adam, LoopState state)
            throws IOException {
        Path abs = dir.toAbsolutePath();
        Path tmp = Files.createTempDirectory(abs.getParent(), ".checkpoint.");
        try {
            AtomicFiles.makeReadable(tmp);
            model.save(tmp.resolve("model"));
            Files.write(tmp.resolve(OPTIMIZER), adam.state().encode());
            Json.write(tmp.resolve(STATE), state);
            Path old = abs.resolveSibling(".checkpoint.old");
            deleteTree(old);
            if (Files.exists(abs)) {
                AtomicFiles.moveAtomically(abs, old);
            }
            AtomicFiles.moveAtomically(tmp, abs);
            deleteTree(old);
        } finally {
            deleteTree(tmp);
        }
    }

    /**
     * @param dir a checkpoint folder
     * @return the model folder inside it
     */
    public static Path modelDir(Path dir) {
        return dir.resolve("model");
    }

    /**
     * Restores the optimiser and returns the loop state.
     *
     * @param dir the checkpoint folder
     * @param adam the optimiser of the (already loaded) model
     * @param manager a scratch manager for reading
     * @return the loop state
     */
    public static LoopState restore(Path dir, Adam adam, NDManager manager) {
        try {
            byte[] bytes = Files.readAllBytes(dir.resolve(OPTIMIZER));
            adam.restore(NDList.decode(manager, bytes));
            return Json.read(dir.resolve(STATE), LoopState.class);
        } catch (IOException | RuntimeException e) {
            throw new LowMagException(
                    "checkpoint "
                            + dir
                            + " is unreadable ("
                            + e.getMessage()
                            + "): start the run again without --resume",
                    e);
        }
    }

    static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(p)) {
            for (Path q : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(q);
            }
        }
    }
}
