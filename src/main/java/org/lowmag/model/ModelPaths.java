package org.lowmag.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.lowmag.util.Json;
import org.lowmag.util.LowMagException;

/**
 * Where a model lives. Users may point at a model folder (holding {@code model.json}) or at a run
 * folder, whose models are {@code RUN/model/best} and {@code RUN/model/last}; a run folder means
 * its best model.
 */
public final class ModelPaths {

    private ModelPaths() {}

    /**
     * Resolves a model or run folder to a model folder.
     *
     * @param path a model folder or a run folder
     * @return the model folder
     * @throws LowMagException when neither is there
     */
    public static Path resolve(Path path) {
        if (Files.isRegularFile(path.resolve(LowMagModel.INFO_FILE))) {
            return path;
        }
        for (String sub : new String[] {"model/best", "model/last"}) {
            Path p = path.resolve(sub);
            if (Files.isRegularFile(p.resolve(LowMagModel.INFO_FILE))) {
                return p;
            }
        }
        throw new LowMagException(
                path
                        + " is neither a model folder (with "
                        + LowMagModel.INFO_FILE
                        + ") nor a run folder with model/best or model/last: pass the --out folder"
                        + " of a finished train, distill or finetune run");
    }

    /**
     * Reads a model's metadata without loading its weights (no engine needed).
     *
     * @param path a model or run folder
     * @return the metadata
     */
    public static ModelInfo readInfo(Path path) {
        Path dir = resolve(path);
        try {
            ModelInfo info = Json.read(dir.resolve(LowMagModel.INFO_FILE), ModelInfo.class);
            info.validate(dir.toString());
            return info;
        } catch (IOException | IllegalStateException e) {
            throw new LowMagException(
                    "cannot read model metadata in " + dir + ": " + e.getMessage(), e);
        }
    }
}
