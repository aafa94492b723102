package org.lowmag.experiment;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.lowmag.cost.PassTiming;
import org.lowmag.dataset.Csv;
import org.lowmag.eval.Bootstrap;
import org.lowmag.eval.BootstrapConfig;
import org.lowmag.eval.MetricsReport;
import org.lowmag.util.AtomicFiles;
import org.lowmag.util.Json;
import org.lowmag.util.LowMagException;
import org.lowmag.util.Provenance;

/**
 * The evaluation of a cross-validated run: the out-of-fold predictions of its {@code K} fold runs
 * ({@code eval/<run>-fold<k>/predictions.csv}, each fold's models on that fold's test tissues)
 * pooled into {@code eval/<run>/predictions.csv}, and {@code eval/<run>/metrics.json} computed over
 * the pooled predictions with the experiment's bootstrap (resampling tissues, or groups, across all
 * folds), so that every labelled tissue of the train, val and test splits is predicted exactly
 * once, by a model that neither trained nor validated on it.
 *
 * <p>Cost fields pool the folds: {@code gflops_total} is their sum and {@code gflops_mean} that sum
 * over the pooled tissues; pass {@code i} of the pooled {@code timing} is the sum of the folds'
 * pass {@code i} (over the sum of their timed tissues), so {@code seconds_per_tissue} is the median
 * of those pooled passes per tissue. {@code metrics.json} is written last, after {@code
 * predictions.csv}; it lists the fold runs under {@code fold_runs}.
 */
final class FoldPooling {

    private final ExperimentConfig config;
    private final ExperimentData data;
    private final ExperimentLayout layout;

    FoldPooling(ExperimentConfig config, ExperimentData data, ExperimentLayout layout) {
        this.config = config;
        this.data = data;
        this.layout = layout;
    }

    /**
     * Checks that the folds' predictions cover every evaluated tissue exactly once.
     *
     * @param idsByRun each fold run's predicted tissue ids
     * @param expected the evaluated tissues' ids
     * @throws LowMagException naming a tissue predicted twice (and by which runs), or the tissues
     *     no fold predicted, or a tissue that is not evaluated
     */
    static void checkCoverage(Map<String, List<String>> idsByRun, Collection<String> expected) {
        Map<String, String> by = new HashMap<>();
        for (Map.Entry<String, List<String>> e : idsByRun.entrySet()) {
            for (String id : e.getValue()) {
                String before = by.put(id, e.getKey());
                if (before != null) {
                    throw new LowMagException(
                            "tissue "
                                    + id
                                    + " is predicted by two fold runs, "
                                    + before
                                    + " and "
                                    + e.getKey()
                                    + ": the folds' test tissues must not overlap");
                }
                if (!expected.contains(id)) {
                    throw new LowMagException(
                            "fold run "
                                    + e.getKey()
                                    + " predicted tissue "
                                    + id
                                    + ", which is not one of the folded (labelled train, val and"
                                    + " test) tissues");
                }
            }
        }
        Set<String> missing = new LinkedHashSet<>(expected);
        missing.removeAll(by.keySet());
        if (!missing.isEmpty()) {
            throw new LowMagException(
                    missing.size()
                            + " tissue"
                            + (missing.size() == 1 ? " is" : "s are")
                            + " predicted by no fold run ("
                            + String.join(", ", missing.stream().limit(5).toList())
                            + (missing.size() > 5 ? ", ..." : "")
                            + ") among "
                            + idsByRun.keySet());
        }
    }

    /**
     * Pools the evaluated fold runs of {@code r}.
     *
     * @param r a run of {@link ExperimentPlan#evaluated()}
     * @param foldRuns its fold runs, each evaluated
     * @return the pooled {@code metrics.json} tree
     * @throws IOException when files cannot be read or written
     */
    Map<String, Object> pool(RunSpec r, List<String> foldRuns) throws IOException {
        Rows rows = readFolds(foldRuns);
        List<String> order = data.evaluatedTissues().stream().map(t -> t.id()).toList();
        try {
            checkCoverage(rows.idsByRun(), new LinkedHashSet<>(order));
        } catch (LowMagException e) {
            throw new LowMagException(
                    "cannot pool the folds of " + r.name() + ": " + e.getMessage(), e);
        }
        StringBuilder csv = new StringBuilder(Csv.line(rows.header()));
        List<String> classes = data.dataset().info().classes();
        int[] truth = new int[order.size()];
        int[] pred = new int[order.size()];
        for (int i = 0; i < order.size(); i++) {
            List<String> row = rows.byId().get(order.get(i));
            csv.append(Csv.line(row));
            truth[i] = classIndex(classes, row.get(rows.header().indexOf("truth")), r);
            pred[i] = classIndex(classes, row.get(rows.header().indexOf("predicted")), r);
        }
        BootstrapConfig boot = config.bootstrapConfig();
        String[] groups = null;
        if (boot.unit() == BootstrapConfig.Unit.GROUP) {
            Map<String, String> g = data.testGroupOf();
            groups = order.stream().map(g::get).toArray(String[]::new);
        }
        MetricsReport report = Bootstrap.allCores(boot).evaluate(truth, pred, classes, groups);
        Map<String, Object> json = new LinkedHashMap<>(report.toJsonTree());
        addCost(json, foldRuns);
        json.put("data", RunLauncher.abs(config.dataset()).toString());
        json.put("split", "out-of-fold");
        json.put("folds", foldRuns.size());
        json.put("fold_runs", foldRuns);
        json.put("tissues", order.size());
        json.put("provenance", Provenance.current().toMap());
        AtomicFiles.writeString(
                layout.evalDir(r.name()).resolve("predictions.csv"), csv.toString());
        Json.write(layout.metrics(r.name()), json);
        return json;
    }

    /**
     * The fold runs' prediction rows.
     *
     * @param header the columns, the same in every fold
     * @param byId each row by tissue id
     * @param idsByRun each fold run's tissue ids, in file order
     */
    private record Rows(
            List<String> header,
            Map<String, List<String>> byId,
            Map<String, List<String>> idsByRun) {}

    private Rows readFolds(List<String> foldRuns) throws IOException {
        List<String> header = null;
        Map<String, List<String>> byId = new HashMap<>();
        Map<String, List<String>> idsByRun = new LinkedHashMap<>();
        for (String f : foldRuns) {
            List<List<String>> rows = readCsv(layout.evalDir(f).resolve("predictions.csv"));
            if (header == null) {
                header = rows.get(0);
            } else if (!header.equals(rows.get(0))) {
                throw new LowMagException(
                        "the predictions.csv of " + f + " has other columns than the other folds'");
            }
            int tissueCol = header.indexOf("tissue");
            List<String> ids = new ArrayList<>();
            for (List<String> row : rows.subList(1, rows.size())) {
                ids.add(row.get(tissueCol));
                byId.put(row.get(tissueCol), row);
            }
            idsByRun.put(f, ids);
        }
        return new Rows(header, byId, idsByRun);
    }

    private static int classIndex(List<String> classes, String name, RunSpec r) {
        int i = classes.indexOf(name);
        if (i < 0) {
            throw new LowMagException(
                    "a fold of "
                            + r.name()
                            + " predicted class '"
                            + name
                            + "', which the dataset has not: "
                            + classes);
        }
        return i;
    }

    /** The folds' role, magnification, GFLOPs and timing, pooled. */
    private void addCost(Map<String, Object> json, List<String> foldRuns) throws IOException {
        double gflopsTotal = 0;
        int tissues = 0;
        int timedItems = 0;
        int warmup = 0;
        List<Double> passes = null;
        JsonObject first = null;
        for (String f : foldRuns) {
            JsonObject m = Json.readTree(layout.metrics(f)).getAsJsonObject();
            first = first == null ? m : first;
            int n = m.get("tissues").getAsInt();
            tissues += n;
            gflopsTotal += m.get("gflops_mean").getAsDouble() * n;
            JsonObject t = m.getAsJsonObject("timing");
            List<Double> p = new ArrayList<>();
            t.getAsJsonArray("pass_seconds").forEach(e -> p.add(e.getAsDouble()));
            passes = passes == null ? p : sum(passes, p);
            timedItems += t.get("items").getAsInt();
            warmup = t.get("warmup_passes").getAsInt();
        }
        for (String k : List.of("role", "architecture", "magnification")) {
            if (first.has(k)) {
                json.put(k, Json.gson().fromJson(first.get(k), Object.class));
            }
        }
        PassTiming timing = new PassTiming(warmup, passes, timedItems);
        json.put("gflops_mean", gflopsTotal / tissues);
        json.put("gflops_total", gflopsTotal);
        json.put("seconds_per_tissue", timing.medianPerItem());
        json.put("timing", timing.toJsonTree());
    }

    /** Pass by pass, over the passes both have. */
    private static List<Double> sum(List<Double> a, List<Double> b) {
        List<Double> out = new ArrayList<>();
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            out.add(a.get(i) + b.get(i));
        }
        return out;
    }

    private static List<List<String>> readCsv(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new LowMagException(file + " is missing: delete its metrics.json to re-evaluate");
        }
        List<List<String>> rows;
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            rows = Csv.parse(in);
        }
        if (rows.isEmpty() || !rows.get(0).containsAll(List.of("tissue", "truth", "predicted"))) {
            throw new LowMagException(file + " has no tissue,truth,predicted header");
        }
        return rows;
    }
}
