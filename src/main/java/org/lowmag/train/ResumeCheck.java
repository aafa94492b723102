package org.lowmag.train;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.lowmag.util.Json;
import org.lowmag.util.LowMagException;
import org.lowmag.util.SettingsDiff;

/**
 * Refuses to resume a run with other settings than it was started with: a resumed run must be the
 * same computation, or its checkpoint, metrics and model would mix two configurations. Compared as
 * {@link SettingsDiff} compares (every key both record, recursively). Allowed to change: the number
 * of epochs and the patience (to train longer), and settings that do not change the maths ({@link
 * #MAY_CHANGE}). Keys the old file lacks (added by a later LowMag) are not compared.
 */
final class ResumeCheck {

    /** Dotted keys a resume may change. */
    static final Set<String> MAY_CHANGE =
            Set.of(
                    "provenance",
                    "loop.epochs",
                    "loop.patience",
                    "loop.checkpoint_minutes",
                    "loop.cache_bytes",
                    "loop.max_batch_pixels",
                    "loop.checkpoint_activations");

    private ResumeCheck() {}

    /**
     * @param runDir the run folder
     * @param config the configuration the resumed job would write
     * @throws LowMagException listing every setting that differs
     */
    static void check(Path runDir, Map<String, Object> config) {
        Path file = runDir.resolve("config.json");
        if (!Files.isRegularFile(file)) {
            return;
        }
        JsonObject have;
        try {
            have = Json.readTree(file).getAsJsonObject();
        } catch (IOException | RuntimeException e) {
            throw new LowMagException(
                    "cannot resume " + runDir + ": its config.json cannot be read (" + e + ")");
        }
        List<String> diffs = SettingsDiff.of(have, config, MAY_CHANGE);
        if (!diffs.isEmpty()) {
            throw new LowMagException(
                    "cannot resume "
                            + runDir
                            + " with other settings than it was started with: "
                            + String.join("; ", diffs)
                            + ". Resume with the original settings (see its config.json), or"
                            + " start a new run with another --out.");
        }
    }
}
