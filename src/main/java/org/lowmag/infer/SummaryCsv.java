package org.lowmag.infer;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.lowmag.dataset.Csv;
import org.lowmag.util.AtomicFiles;
import org.lowmag.util.Json;
import org.lowmag.util.LowMagException;

/**
 * {@code summary.csv}: one row per slide, {@code slide, label, truth, correct, p_<class>...,
 * tissues, seconds, status}: {@code truth} the known label ({@code --labels}) and {@code correct}
 * {@code true} or {@code false} (both empty when the truth is unknown; {@code correct} also when
 * the slide failed), status {@code ok} or {@code failed: MESSAGE}, and {@code model}, the model
 * folder that made the row (rows of slides predicted into the folder by earlier runs keep their own
 * model; their probabilities of classes that model lacks are empty).
 */
public final class SummaryCsv {

    private SummaryCsv() {}

    /**
     * @param file the CSV file
     * @param classes the class names
     * @param outcomes the slides, in order
     * @throws IOException when writing fails
     */
    public static void write(Path file, List<String> classes, List<SlideOutcome> outcomes)
            throws IOException {
        StringBuilder sb = new StringBuilder();
        List<String> header = new ArrayList<>(List.of("slide", "label", "truth", "correct"));
        classes.forEach(k -> header.add("p_" + k));
        header.addAll(List.of("tissues", "seconds", "status", "model"));
        sb.append(Csv.line(header));
        for (SlideOutcome o : outcomes) {
            List<String> row =
                    new ArrayList<>(
                            List.of(o.slide().toString(), o.label(), o.truth(), o.correctText()));
            for (int k = 0; k < classes.size(); k++) {
                boolean none = o.probabilities().length == 0 || Double.isNaN(o.probabilities()[k]);
                row.add(none ? "" : String.format(Locale.ROOT, "%.6f", o.probabilities()[k]));
            }
            boolean failed = o.status() == SlideOutcome.Status.FAILED;
            row.add(failed ? "" : Integer.toString(o.tissues()));
            row.add(failed ? "" : String.format(Locale.ROOT, "%.3f", o.seconds()));
            row.add(o.statusText());
            row.add(o.model());
            sb.append(Csv.line(row));
        }
        AtomicFiles.writeString(file, sb.toString());
    }

    /**
     * Reads the summary row of a slide predicted earlier from its {@code SLIDE.json}.
     *
     * @param json the slide's JSON file
     * @param slide the slide file
     * @param name its output name
     * @param classes the model's classes
     * @param truth the slide's known label (from {@code --labels} now, not from the JSON), or empty
     * @param status {@link SlideOutcome.Status#SKIPPED} (this run's slide) or {@link
     *     SlideOutcome.Status#EARLIER} (another run's)
     * @return its outcome; probabilities of classes the JSON lacks are NaN
     * @throws IOException when the file cannot be read
     * @throws LowMagException when it is not a slide prediction
     */
    public static SlideOutcome fromExisting(
            Path json,
            Path slide,
            String name,
            List<String> classes,
            String truth,
            SlideOutcome.Status status)
            throws IOException {
        JsonObject o;
        try {
            o = Json.readTree(json).getAsJsonObject();
        } catch (RuntimeException e) {
            throw new LowMagException(json + " is not a slide prediction: " + e.getMessage(), e);
        }
        JsonElement probs = o.get("probabilities");
        if (probs == null || !probs.isJsonObject() || !o.has("label")) {
            throw new LowMagException(json + " is not a slide prediction (no label)");
        }
        double[] p = new double[classes.size()];
        for (int k = 0; k < p.length; k++) {
            JsonElement v = probs.getAsJsonObject().get(classes.get(k));
            p[k] = v == null ? Double.NaN : v.getAsDouble();
        }
        return new SlideOutcome(
                slide,
                name,
                status,
                "",
                o.get("label").getAsString(),
                truth,
                p,
                o.has("tissue_count") ? o.get("tissue_count").getAsInt() : 0,
                o.has("seconds") ? o.get("seconds").getAsDouble() : 0,
                PredictionOrigin.modelOf(o));
    }
}
