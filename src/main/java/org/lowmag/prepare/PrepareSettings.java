package org.lowmag.prepare;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.lowmag.util.Json;
import org.lowmag.util.LowMagException;
import org.lowmag.util.SettingsDiff;

/**
 * {@code OUT/prepare.json}: the settings a dataset folder's tissue images were cut with, written
 * before the first image, so that a rerun resumes only with the same settings (else the folder
 * would hold tissues of two scales under one magnification). A rerun with other settings is refused
 * with what differs, unless {@code --force} (every image is rewritten). Allowed to change: what
 * only the manifest depends on ({@link #MAY_CHANGE}: splits, seed; the manifest is rewritten whole
 * at the end) and the folder's own path. A {@code --force} run that did not finish ({@code state}
 * still {@code running}) left images of both settings, so only another {@code --force} run may
 * follow it. A folder without the file (made by an older LowMag) is not checked.
 */
final class PrepareSettings {

    /** The file, in the dataset folder. */
    static final String FILE = "prepare.json";

    /** Settings a rerun may change: they shape only the manifest. */
    static final Set<String> MAY_CHANGE =
            Set.of("out", "split_fractions", "unlabeled_percent", "seed");

    private static final String STATE = "state";
    private static final String FORCED = "forced";

    private PrepareSettings() {}

    /**
     * Checks the folder's recorded settings against these and records these as running.
     *
     * @param out the dataset folder
     * @param settings this run's settings
     * @param force whether this run rewrites every image
     * @throws LowMagException when the folder was prepared with other settings (or by an unfinished
     *     {@code --force} run) and this run is not {@code --force}
     * @throws IOException when the file cannot be read or written
     */
    static void claim(Path out, Map<String, Object> settings, boolean force) throws IOException {
        Path file = out.resolve(FILE);
        if (Files.isRegularFile(file) && !force) {
            JsonObject have = read(file);
            List<String> diffs = SettingsDiff.of(have, settings, MAY_CHANGE);
            if (!diffs.isEmpty()) {
                throw new LowMagException(
                        out
                                + " was prepared with other settings: "
                                + String.join("; ", diffs)
                                + ". Rerun with the same settings to resume it, add --force to"
                                + " rewrite every tissue image with the new ones, or choose a new"
                                + " --out.");
            }
            if (running(have) && forced(have)) {
                throw new LowMagException(
                        "the last 'prepare --force' into "
                                + out
                                + " did not finish, so its tissue images mix old and new ones:"
                                + " rerun it with --force");
            }
        }
        write(file, settings, "running", force);
    }

    /**
     * Records that the run finished.
     *
     * @param out the dataset folder
     * @param settings this run's settings
     * @throws IOException when the file cannot be written
     */
    static void finish(Path out, Map<String, Object> settings) throws IOException {
        write(out.resolve(FILE), settings, "done", false);
    }

    private static boolean running(JsonObject o) {
        JsonElement s = o.get(STATE);
        return s != null && s.isJsonPrimitive() && "running".equals(s.getAsString());
    }

    private static boolean forced(JsonObject o) {
        JsonElement f = o.get(FORCED);
        return f != null && f.isJsonPrimitive() && f.getAsBoolean();
    }

    private static JsonObject read(Path file) throws IOException {
        try {
            return Json.readTree(file).getAsJsonObject();
        } catch (RuntimeException e) {
            throw new LowMagException(
                    file + " cannot be read (" + e.getMessage() + "): delete it to go on", e);
        }
    }

    private static void write(Path file, Map<String, Object> settings, String state, boolean forced)
            throws IOException {
        Map<String, Object> all = new LinkedHashMap<>(settings);
        all.put(STATE, state);
        all.put(FORCED, forced);
        Json.write(file, all);
    }
}
