package org.lowmag.experiment;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.lowmag.eval.BootstrapConfig;
import org.lowmag.util.Json;

/**
 * Whether an existing {@code metrics.json} was made with the bootstrap the experiment asks for, so
 * that an evaluation is reused only when its confidence intervals are the ones the configuration
 * describes. Compared: the method, resampling unit, iterations, seed and level of its {@code
 * bootstrap} object. A file without {@code "unit"} was written before the unit existed, when every
 * bootstrap resampled tissues: it counts as {@code tissue}.
 */
final class EvaluationCheck {

    private EvaluationCheck() {}

    /**
     * @param metrics an existing {@code metrics.json}
     * @param expected the bootstrap the experiment uses
     * @return what differs, or empty when the evaluation can be reused
     * @throws IOException when the file cannot be read or is not JSON
     */
    static Optional<String> difference(Path metrics, BootstrapConfig expected) throws IOException {
        JsonElement j = Json.readTree(metrics);
        return difference(j.isJsonObject() ? j.getAsJsonObject() : new JsonObject(), expected);
    }

    /**
     * @param metrics the tree of a {@code metrics.json}
     * @param expected the bootstrap the experiment uses
     * @return what differs ({@code "unit tissue instead of group; seed 1 instead of 0"}), or empty
     *     when the evaluation can be reused
     */
    static Optional<String> difference(JsonObject metrics, BootstrapConfig expected) {
        JsonElement b = metrics.get("bootstrap");
        if (b == null || !b.isJsonObject()) {
            return Optional.of("it records no bootstrap settings");
        }
        JsonObject o = b.getAsJsonObject();
        List<String> diffs = new ArrayList<>();
        try {
            compare(diffs, "method", string(o, "method", "?"), "percentile");
            compare(diffs, "unit", string(o, "unit", "tissue"), expected.unit().key());
            compare(diffs, "iterations", number(o, "iterations"), (double) expected.iterations());
            compare(diffs, "seed", string(o, "seed", "?"), Long.toString(expected.seed()));
            compare(diffs, "level", number(o, "level"), expected.level());
        } catch (RuntimeException e) {
            return Optional.of("its bootstrap settings cannot be read (" + e.getMessage() + ")");
        }
        return diffs.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", diffs));
    }

    private static String string(JsonObject o, String key, String missing) {
        return o.has(key) ? o.get(key).getAsString() : missing;
    }

    private static double number(JsonObject o, String key) {
        return o.has(key) ? o.get(key).getAsDouble() : Double.NaN;
    }

    private static void compare(List<String> diffs, String key, Object have, Object want) {
        if (!have.equals(want)) {
            diffs.add("bootstrap " + key + " " + show(have) + " instead of " + show(want));
        }
    }

    private static String show(Object v) {
        if (v instanceof Double d && d.isNaN()) {
            return "missing";
        }
        if (v instanceof Double d && d == Math.rint(d) && !d.isInfinite()) {
            return Long.toString(d.longValue());
        }
        return String.valueOf(v);
    }
}
