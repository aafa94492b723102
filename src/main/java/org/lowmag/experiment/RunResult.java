package org.lowmag.experiment;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
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
 * @param secondsPerTissue measured inference seconds per tissue
 * @param seed the seed of its training loop
 */
public record RunResult(
        String run,
        String arm,
        double magnification,
        int tissues,
        Map<Metric, Estimate> metrics,
        double gflopsMean,
        double secondsPerTissue,
        long seed) {

    /** Copies. */
    public RunResult {
        metrics = Map.copyOf(metrics);
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
        return Optional.of(
                new RunResult(
                        r.name(),
                        r.arm(),
                        r.magnification(),
                        field(j, "tissues", file).getAsInt(),
                        ms,
                        field(j, "gflops_mean", file).getAsDouble(),
                        field(j, "seconds_per_tissue", file).getAsDouble(),
                        r.seed()));
    }

    private static com.google.gson.JsonElement field(JsonObject j, String key, Path file) {
        if (!j.has(key) || j.get(key).isJsonNull()) {
            throw new LowMagException(
                    file + " has no '" + key + "': re-run 'lowmag evaluate' or delete the file");
        }
        return j.get(key);
    }
}
