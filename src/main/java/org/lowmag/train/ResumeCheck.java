package org.lowmag.train;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.lowmag.util.Json;
import org.lowmag.util.LowMagException;

/**
 * Refuses to resume a run with other settings than it was started with: a resumed run must be the
 * same computation, or its checkpoint, metrics and model would mix two configurations. Compared:
 * every key of the new configuration that the run's {@code config.json} also records, recursively
 * (numbers as numbers, absolute paths as files: normalised, links followed). Allowed to change: the
 * number of epochs and the patience (to train longer), and settings that do not change the maths
 * ({@link #MAY_CHANGE}). Keys the old file lacks (added by a later LowMag) are not compared.
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
        JsonObject want = Json.gson().toJsonTree(config).getAsJsonObject();
        List<String> diffs = new ArrayList<>();
        compare("", have, want, diffs);
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

    private static void compare(String prefix, JsonObject have, JsonObject want, List<String> out) {
        for (Map.Entry<String, JsonElement> e : want.entrySet()) {
            String key = prefix + e.getKey();
            if (MAY_CHANGE.contains(key) || !have.has(e.getKey())) {
                continue;
            }
            JsonElement h = have.get(e.getKey());
            JsonElement w = e.getValue();
            if (h.isJsonObject() && w.isJsonObject()) {
                compare(key + ".", h.getAsJsonObject(), w.getAsJsonObject(), out);
            } else if (!same(h, w)) {
                out.add(key + " was " + h + ", now " + w);
            }
        }
    }

    private static boolean same(JsonElement a, JsonElement b) {
        if (a.isJsonArray() && b.isJsonArray()) {
            if (a.getAsJsonArray().size() != b.getAsJsonArray().size()) {
                return false;
            }
            for (int i = 0; i < a.getAsJsonArray().size(); i++) {
                if (!same(a.getAsJsonArray().get(i), b.getAsJsonArray().get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (a.isJsonPrimitive() && b.isJsonPrimitive()) {
            JsonPrimitive x = a.getAsJsonPrimitive();
            JsonPrimitive y = b.getAsJsonPrimitive();
            if (x.isNumber() && y.isNumber()) {
                return x.getAsDouble() == y.getAsDouble();
            }
            if (x.isString() && y.isString() && isPath(x) && isPath(y)) {
                return samePath(x.getAsString(), y.getAsString());
            }
        }
        return a.equals(b);
    }

    /** Recorded paths are absolute: {@code /data/ds} and {@code /data/./ds} are one folder. */
    private static boolean isPath(JsonPrimitive p) {
        return p.getAsString().startsWith("/");
    }

    private static boolean samePath(String a, String b) {
        Path x = Path.of(a).normalize();
        Path y = Path.of(b).normalize();
        if (x.equals(y)) {
            return true;
        }
        try {
            return Files.exists(x) && Files.exists(y) && Files.isSameFile(x, y);
        } catch (IOException e) {
            return false;
        }
    }
}
