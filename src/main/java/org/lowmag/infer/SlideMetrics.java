package org.lowmag.infer;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.lowmag.eval.Bootstrap;
import org.lowmag.eval.BootstrapConfig;
import org.lowmag.eval.MetricsReport;
import org.lowmag.util.Json;

/**
 * Slide-level metrics of a prediction folder against the slides' known labels ({@code --labels} or
 * a slide list's label column): every slide of {@code summary.csv} that was classified and whose
 * truth is known ({@link SlideOutcome#judged}) is one item, its predicted slide label against its
 * truth. The metrics are those of {@code lowmag evaluate} ({@link MetricsReport}: exact accuracy
 * {@code correct / n}, the paper's macro one-vs-rest accuracy, macro precision, recall and F1,
 * per-class values, the confusion matrix), each with a percentile bootstrap CI that resamples
 * slides ({@link BootstrapConfig#paper}: 10,000 resamples, 95%, seed {@value #SEED}), written to
 * {@code OUT/}{@value #FILE}.
 */
public final class SlideMetrics {

    /** The file in the prediction folder. */
    public static final String FILE = "slide_metrics.json";

    /** The bootstrap's seed (fixed: the same slides give the same CIs on every run). */
    public static final long SEED = 0;

    private SlideMetrics() {}

    /**
     * @param rows the folder's slides ({@code summary.csv}'s rows)
     * @param classes the model's classes
     * @return the metrics over the judged slides, or empty when none is judged
     */
    public static Optional<MetricsReport> of(List<SlideOutcome> rows, List<String> classes) {
        List<SlideOutcome> judged = new ArrayList<>();
        for (SlideOutcome o : rows) {
            if (o.judged() && classes.contains(o.truth()) && classes.contains(o.label())) {
                judged.add(o);
            }
        }
        if (judged.isEmpty()) {
            return Optional.empty();
        }
        int[] truth = new int[judged.size()];
        int[] pred = new int[judged.size()];
        for (int i = 0; i < truth.length; i++) {
            truth[i] = classes.indexOf(judged.get(i).truth());
            pred[i] = classes.indexOf(judged.get(i).label());
        }
        return Optional.of(
                Bootstrap.allCores(BootstrapConfig.paper(SEED)).evaluate(truth, pred, classes));
    }

    /**
     * Writes {@code OUT/}{@value #FILE} for the judged slides among {@code rows}, or removes an
     * earlier one when none is judged (so the file always describes the folder as it is).
     *
     * @param out the prediction folder
     * @param rows the folder's slides
     * @param classes the model's classes
     * @return the metrics, or empty
     * @throws IOException when the file cannot be written or removed
     */
    public static Optional<MetricsReport> write(
            Path out, List<SlideOutcome> rows, List<String> classes) throws IOException {
        Optional<MetricsReport> report = of(rows, classes);
        Path file = out.resolve(FILE);
        if (report.isEmpty()) {
            Files.deleteIfExists(file);
            return report;
        }
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("unit_of_analysis", "slide");
        tree.put("slides", report.get().confusion().total());
        tree.putAll(report.get().toJsonTree());
        Json.write(file, tree);
        return report;
    }

    /**
     * @param metrics a {@value #FILE}
     * @return {@code slide level (N slides, 95% CI resampling slides; FILE): exact_accuracy V%
     *     (LO-HI) accuracy ... f1 ...}, or why the file cannot be read
     */
    public static String summaryLine(Path metrics) {
        try {
            JsonObject m = Json.readTree(metrics).getAsJsonObject();
            StringBuilder sb =
                    new StringBuilder(
                            String.format(
                                    Locale.ROOT,
                                    "slide level (%d slides, 95%% CI resampling slides; %s):",
                                    m.get("slides").getAsLong(),
                                    metrics.getFileName()));
            for (String k : new String[] {"exact_accuracy", "accuracy", "f1"}) {
                JsonObject e = m.getAsJsonObject(k);
                sb.append(
                        String.format(
                                Locale.ROOT,
                                " %s %.1f%% (%.1f-%.1f)",
                                k,
                                100 * e.get("value").getAsDouble(),
                                100 * e.get("ci_low").getAsDouble(),
                                100 * e.get("ci_high").getAsDouble()));
            }
            return sb.toString();
        } catch (IOException | RuntimeException e) {
            return "slide-level metrics unreadable: " + metrics + ": " + e.getMessage();
        }
    }
}
