package org.lowmag.infer;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.lowmag.util.Json;

/**
 * The slides an output folder holds from earlier {@code predict} runs that are not among this run's
 * slides: every {@code SLIDE.json} there (a JSON with a {@code label} and {@code probabilities};
 * other JSON files are not predictions and are left out), so that {@code summary.csv} covers the
 * whole folder and not only the last invocation. Each keeps the model that made it and the truth it
 * was judged against.
 */
final class EarlierPredictions {

    private EarlierPredictions() {}

    /**
     * @param out the output folder
     * @param thisRun this run's slides' output names (left out: this run reports them)
     * @param classes the current model's classes (the summary's probability columns)
     * @return one {@link SlideOutcome.Status#EARLIER} outcome per earlier slide, by name
     * @throws IOException when the folder cannot be listed or a file read
     */
    private static boolean isPrediction(JsonObject o) {
        return o.has("label")
                && o.get("label").isJsonPrimitive()
                && o.has("slide")
                && o.get("slide").isJsonPrimitive()
                && o.has("probabilities")
                && o.get("probabilities").isJsonObject();
    }

    static List<SlideOutcome> read(Path out, Set<String> thisRun, List<String> classes)
            throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(out)) {
            files =
                    s.filter(p -> p.getFileName().toString().endsWith(".json"))
                            .filter(p -> !p.getFileName().toString().startsWith("."))
                            .sorted()
                            .toList();
        }
        List<SlideOutcome> rows = new ArrayList<>();
        for (Path json : files) {
            String file = json.getFileName().toString();
            String name = file.substring(0, file.length() - ".json".length());
            if (thisRun.contains(name)) {
                continue;
            }
            JsonObject o;
            try {
                o = Json.readTree(json).getAsJsonObject();
            } catch (IOException | RuntimeException e) {
                continue; // not a prediction this job wrote (those are written atomically)
            }
            if (!isPrediction(o)) {
                continue;
            }
            String truth = o.has("truth") ? o.get("truth").getAsString() : "";
            rows.add(
                    SummaryCsv.fromExisting(
                            json,
                            Path.of(o.get("slide").getAsString()),
                            name,
                            classes,
                            truth,
                            SlideOutcome.Status.EARLIER));
        }
        return rows;
    }
}
