package org.lowmag.experiment;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.lowmag.model.ModelPaths;
import org.lowmag.slide.Magnification;
import org.lowmag.util.Json;
import org.lowmag.util.LowMagException;

/**
 * Checks that an existing run folder (made earlier by the experiment, or by hand with {@code lowmag
 * train/distill/finetune}) was made with the settings the experiment would use, so a finished run
 * is never silently reused for a different configuration. Compared: the command, magnification,
 * data, teacher or model, splits, auxiliary datasets, resize mode, temperature, pixel loss,
 * augmentation, architecture, initialisation and input padding (a run recorded before these
 * settings existed counts as He initialisation and white padding up to the stride), and the loop's
 * epochs, accumulation, learning rate and seed. Paths are compared as files (absolute, normalised,
 * symbolic links followed).
 */
final class RunConsistency {

    private static final List<String> PATHS = List.of("data", "teacher", "model");
    private static final List<String> VALUES =
            List.of("command", "splits", "resize", "pixel_loss", "architecture", "augmentation");
    private static final List<String> NUMBERS = List.of("magnification", "temperature");

    /** Setup keys with the value a run recorded before the key existed. */
    private static final Map<String, String> SETUP_BEFORE_RECORDED =
            Map.of("init", "he", "padding", "white", "pad_to", "stride");

    private static final List<String> LOOP =
            List.of("epochs", "accumulate", "learning_rate", "seed");

    private RunConsistency() {}

    /**
     * @param runDir an existing run folder with a {@code config.json}
     * @param expected the map the experiment's job would write
     * @throws LowMagException listing every setting that differs and what to do
     */
    static void check(Path runDir, Map<String, Object> expected) throws IOException {
        Path file = runDir.resolve("config.json");
        if (!Files.isRegularFile(file)) {
            return;
        }
        JsonObject have = Json.readTree(file).getAsJsonObject();
        JsonObject want = Json.gson().toJsonTree(expected).getAsJsonObject();
        List<String> diffs = differences(have, want);
        if (!diffs.isEmpty()) {
            throw new LowMagException(
                    "run "
                            + runDir
                            + " was made with other settings than this experiment asks for: "
                            + String.join("; ", diffs)
                            + ". Change the experiment configuration to match, or move the run"
                            + " folder away to have it redone.");
        }
    }

    static List<String> differences(JsonObject have, JsonObject want) {
        List<String> diffs = new ArrayList<>();
        for (String k : PATHS) {
            if (want.has(k) && !samePath(have.get(k), want.get(k))) {
                diffs.add(diff(k, have.get(k), want.get(k)));
            }
        }
        for (String k : VALUES) {
            if (k.equals("architecture") && sameAsTeachers(have, want)) {
                continue;
            }
            if (want.has(k) && have.has(k) && !want.get(k).equals(have.get(k))) {
                diffs.add(diff(k, have.get(k), want.get(k)));
            }
        }
        for (String k : NUMBERS) {
            if (want.has(k) && !sameNumber(have.get(k), want.get(k))) {
                diffs.add(diff(k, have.get(k), want.get(k)));
            }
        }
        for (Map.Entry<String, String> e : SETUP_BEFORE_RECORDED.entrySet()) {
            String k = e.getKey();
            if (want.has(k)) {
                JsonElement h = have.has(k) ? have.get(k) : new JsonPrimitive(e.getValue());
                if (!h.equals(want.get(k))) {
                    diffs.add(diff(k, h, want.get(k)));
                }
            }
        }
        if (want.has("unlabeled") && !samePaths(have.get("unlabeled"), want.get("unlabeled"))) {
            diffs.add(diff("unlabeled", have.get("unlabeled"), want.get("unlabeled")));
        }
        JsonObject wl = want.getAsJsonObject("loop");
        JsonObject hl = have.has("loop") ? have.getAsJsonObject("loop") : new JsonObject();
        for (String k : LOOP) {
            if (!sameNumber(hl.get(k), wl.get(k))) {
                diffs.add(diff("loop." + k, hl.get(k), wl.get(k)));
            }
        }
        return diffs;
    }

    /**
     * A distillation run made without {@code --arch} records {@code "teacher's"}: that is the
     * expected architecture when the teacher's model has it.
     */
    private static boolean sameAsTeachers(JsonObject have, JsonObject want) {
        JsonElement a = have.get("architecture");
        if (a == null
                || !a.isJsonPrimitive()
                || !a.getAsString().equals("teacher's")
                || !have.has("teacher")
                || !want.has("architecture")) {
            return false;
        }
        String teacherArch =
                ModelPaths.readInfo(Path.of(have.get("teacher").getAsString())).architecture();
        return teacherArch.equals(want.get("architecture").getAsString());
    }

    private static String diff(String key, JsonElement have, JsonElement want) {
        return key + " is " + have + ", expected " + want;
    }

    private static boolean sameNumber(JsonElement a, JsonElement b) {
        if (a == null || b == null || !a.isJsonPrimitive() || !b.isJsonPrimitive()) {
            return a == null && b == null;
        }
        if (!a.getAsJsonPrimitive().isNumber() || !b.getAsJsonPrimitive().isNumber()) {
            return a.equals(b);
        }
        return Magnification.same(a.getAsDouble(), b.getAsDouble());
    }

    private static boolean samePaths(JsonElement a, JsonElement b) {
        JsonArray x = a != null && a.isJsonArray() ? a.getAsJsonArray() : new JsonArray();
        JsonArray y = b != null && b.isJsonArray() ? b.getAsJsonArray() : new JsonArray();
        if (x.size() != y.size()) {
            return false;
        }
        for (int i = 0; i < x.size(); i++) {
            if (!samePath(x.get(i), y.get(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean samePath(JsonElement a, JsonElement b) {
        if (a == null || b == null || !a.isJsonPrimitive() || !b.isJsonPrimitive()) {
            return false;
        }
        return canonical(Path.of(a.getAsString())).equals(canonical(Path.of(b.getAsString())));
    }

    private static Path canonical(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        try {
            return Files.exists(abs) ? abs.toRealPath() : abs;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
