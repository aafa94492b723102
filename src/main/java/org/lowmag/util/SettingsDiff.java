package org.lowmag.util;

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

/**
 * The settings that differ between what a folder records and what a rerun would use, as lines
 * {@code key was OLD, now NEW} (dotted keys for nested objects). Compared: every key of the new
 * settings that the old also records, recursively; numbers as numbers; absolute paths as files
 * (normalised, links followed). Keys the old settings lack (added by a later LowMag) and the keys
 * given as allowed to change are not compared.
 */
public final class SettingsDiff {

    private SettingsDiff() {}

    /**
     * @param have the recorded settings
     * @param want the new settings
     * @param mayChange dotted keys not compared
     * @return one line per difference, in the new settings' key order
     */
    public static List<String> of(JsonObject have, JsonObject want, Set<String> mayChange) {
        List<String> diffs = new ArrayList<>();
        compare("", have, want, mayChange, diffs);
        return diffs;
    }

    /**
     * @param have the recorded settings
     * @param want the new settings (turned into JSON as {@link Json} writes them)
     * @param mayChange dotted keys not compared
     * @return one line per difference
     */
    public static List<String> of(
            JsonObject have, Map<String, Object> want, Set<String> mayChange) {
        return of(have, Json.gson().toJsonTree(want).getAsJsonObject(), mayChange);
    }

    private static void compare(
            String prefix, JsonObject have, JsonObject want, Set<String> skip, List<String> out) {
        for (Map.Entry<String, JsonElement> e : want.entrySet()) {
            String key = prefix + e.getKey();
            if (skip.contains(key) || !have.has(e.getKey())) {
                continue;
            }
            JsonElement h = have.get(e.getKey());
            JsonElement w = e.getValue();
            if (h.isJsonObject() && w.isJsonObject()) {
                compare(key + ".", h.getAsJsonObject(), w.getAsJsonObject(), skip, out);
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
