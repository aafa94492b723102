package org.lowmag.experiment;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.lowmag.cost.PassTiming;
import org.lowmag.eval.ConfusionMatrix;
import org.lowmag.eval.Degeneracy;
import org.lowmag.eval.Estimate;
import org.lowmag.util.Json;
import org.lowmag.util.LowMagException;

/**
 * One run's test evaluation, read from its {@code metrics.json}.
 *
 * @param run the run's name
 * @param arm its arm
 * @param magnification its input magnification
 * @param tissues test tissues evaluated
 * @param metrics every {@link Metric} with its bootstrap CI (fractions)
 * @param gflopsMean mean GFLOPs per forward pass over the test tissues
 * @param secondsPerTissue measured inference seconds per tissue: the median over timed passes
 * @param seed the seed of its training loop
 * @param classes the class names, in model output order
 * @param confusion its confusion matrix on the test split, rows truth
 * @param timing the timed inference passes; an evaluation made before passes were repeated counts
 *     as one timed pass without warm-up
 */
public record RunResult(
        String run,
        String arm,
        double magnification,
        int tissues,
        Map<Metric, Estimate> metrics,
        double gflopsMean,
        double secondsPerTissue,
        long seed,
        List<String> classes,
        ConfusionMatrix confusion,
        PassTiming timing) {

    /** Copies and checks that the classes match the confusion matrix. */
    public RunResult {
        metrics = Map.copyOf(metrics);
        classes = List.copyOf(classes);
        if (classes.size() != confusion.classes()) {
            throw new IllegalArgumentException(
                    run
                            + ": "
                            + classes.size()
                            + " class names for a "
                            + confusion.classes()
                            + "-class confusion matrix");
        }
    }

    /**
     * @return whether a class is never predicted or one is predicted for every tissue
     */
    public Degeneracy degeneracy() {
        return Degeneracy.of(confusion);
    }

    /**
     * @param m a metric
     * @return its estimate
     */
    public Estimate get(Metric m) {
        return metrics.get(m);
    }

    /**
     * Reads a run's evaluation when there is one.
     *
     * @param layout the experiment folder
     * @param r the run
     * @return the result, or empty when {@code metrics.json} is missing
     * @throws IOException when it cannot be read
     * @throws LowMagException when it lacks a field
     */
    public static Optional<RunResult> load(ExperimentLayout layout, RunSpec r) throws IOException {
        Path file = layout.metrics(r.name());
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        JsonObject j = Json.readTree(file).getAsJsonObject();
        Map<Metric, Estimate> ms = new EnumMap<>(Metric.class);
        for (Metric m : Metric.values()) {
            JsonObject e = field(j, m.key(), file).getAsJsonObject();
            ms.put(
                    m,
                    new Estimate(
                            field(e, "value", file).getAsDouble(),
                            field(e, "ci_low", file).getAsDouble(),
                            field(e, "ci_high", file).getAsDouble()));
        }
        int tissues = field(j, "tissues", file).getAsInt();
        double seconds = field(j, "seconds_per_tissue", file).getAsDouble();
        JsonObject confusion = field(j, "confusion", file).getAsJsonObject();
        return Optional.of(
                new RunResult(
                        r.name(),
                        r.arm(),
                        r.magnification(),
                        tissues,
                        ms,
                        field(j, "gflops_mean", file).getAsDouble(),
                        seconds,
                        r.seed(),
                        strings(field(confusion, "classes", file).getAsJsonArray()),
                        ConfusionMatrix.ofCounts(
                                matrix(field(confusion, "matrix", file).getAsJsonArray())),
                        timing(j, tissues, seconds, file)));
    }

    /** The recorded passes, or one pass of the recorded time for an older {@code metrics.json}. */
    private static PassTiming timing(
            JsonObject j, int tissues, double secondsPerTissue, Path file) {
        if (!j.has("timing") || !j.get("timing").isJsonObject()) {
            return new PassTiming(0, List.of(secondsPerTissue * tissues), tissues);
        }
        JsonObject t = j.getAsJsonObject("timing");
        List<Double> passes = new ArrayList<>();
        field(t, "pass_seconds", file).getAsJsonArray().forEach(e -> passes.add(e.getAsDouble()));
        return new PassTiming(field(t, "warmup_passes", file).getAsInt(), passes, tissues);
    }

    private static List<String> strings(JsonArray a) {
        List<String> out = new ArrayList<>();
        a.forEach(e -> out.add(e.getAsString()));
        return out;
    }

    private static int[][] matrix(JsonArray rows) {
        int[][] m = new int[rows.size()][];
        for (int t = 0; t < m.length; t++) {
            JsonArray row = rows.get(t).getAsJsonArray();
            m[t] = new int[row.size()];
            for (int p = 0; p < m[t].length; p++) {
                m[t][p] = row.get(p).getAsInt();
            }
        }
        return m;
    }

    private static com.google.gson.JsonElement field(JsonObject j, String key, Path file) {
        if (!j.has(key) || j.get(key).isJsonNull()) {
            throw new LowMagException(
                    file + " has no '" + key + "': re-run 'lowmag evaluate' or delete the file");
        }
        return j.get(key);
    }
}
