package org.lowmag.experiment;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.lowmag.report.CiFormat;
import org.lowmag.report.ReportDocument;
import org.lowmag.report.TextTable;
import org.lowmag.slide.Magnification;
import org.lowmag.train.RunFolder;
import org.lowmag.util.Json;

/**
 * The report's runs section: one row per run with its job, magnification, status, epochs run of
 * those planned (fewer in a finished run: it stopped early), the best epoch (the model evaluated),
 * training tissues per epoch, optimiser steps, and whether evaluated ("yes", "no", or "outdated": a
 * {@code metrics.json} made with another bootstrap, left out). Steps are counted as the loop takes
 * them. With folds, each fold run also shows its own test values (exact accuracy and accuracy on
 * its fold's test tissues, before pooling): with {@code N} training tissues per epoch and {@code A}
 * tissues per step,
 *
 * <pre>
 *   steps = epochs run x ceil(N / A)
 * </pre>
 */
final class RunsTable {

    private RunsTable() {}

    /**
     * Adds the section.
     *
     * @param doc the document
     * @param config the configuration (its accumulation {@code A})
     * @param plan the plan
     * @param data the datasets (each run's {@code N})
     * @param layout the experiment folder
     * @param res the evaluations the report uses
     * @throws IOException when a {@code DONE} file cannot be read
     */
    static void write(
            ReportDocument doc,
            ExperimentConfig config,
            ExperimentPlan plan,
            ExperimentData data,
            ExperimentLayout layout,
            ExperimentResults res)
            throws IOException {
        List<String> header =
                new ArrayList<>(
                        List.of(
                                "Run",
                                "Job",
                                "Magnification",
                                "Status",
                                "Epochs run / planned",
                                "Best epoch",
                                "Training tissues / epoch",
                                "Optimiser steps",
                                "Evaluated"));
        if (config.hasFolds()) {
            header.addAll(List.of("Fold test tissues", "Fold exact accuracy", "Fold accuracy"));
        }
        TextTable t = new TextTable(header.toArray(String[]::new));
        for (RunSpec r : plan.runs()) {
            List<Object> cells =
                    row(r, data.trainingTissues(r), config.accumulate(), layout, res, config);
            t.row(cells.toArray());
        }
        doc.heading(2, "Runs");
        doc.table(
                t,
                "Folders runs/<run> (config.json, metrics.csv per epoch, log.txt, model/best) and"
                        + " eval/<run> (metrics.json, predictions.csv). Arms may train different"
                        + " numbers of epochs (the configuration's epochs per role) and on"
                        + " different numbers of tissues (KD on "
                        + String.join(" + ", config.kdSplits())
                        + ", KD (aux) adds its auxiliary set), so they take different numbers of"
                        + " optimiser steps: epochs run x ceil(training tissues / "
                        + config.accumulate()
                        + " tissues per step). The best epoch is chosen on the validation split;"
                        + " its model is the one evaluated. A finished run with fewer epochs than"
                        + " planned stopped early (patience)."
                        + (config.hasFolds()
                                ? " With folds, run <run>-fold<k> trains on fold k's train"
                                        + " groups, chooses its best epoch on fold k's val"
                                        + " groups and is evaluated on fold k's test groups; the"
                                        + " fold columns show that evaluation, before the folds"
                                        + " are pooled into the results above."
                                : ""));
    }

    private static List<Object> row(
            RunSpec r,
            int tissues,
            int accumulate,
            ExperimentLayout layout,
            ExperimentResults res,
            ExperimentConfig config)
            throws IOException {
        Path dir = layout.runDir(r.name());
        RunStatus status = RunStatus.of(dir);
        Optional<JsonObject> done = done(dir);
        int epochs =
                done.filter(j -> j.has("epochs"))
                        .map(j -> j.get("epochs").getAsInt())
                        .orElse(RunStatus.epochsDone(dir));
        long steps = (long) epochs * ((tissues + accumulate - 1) / accumulate);
        boolean early = status == RunStatus.FINISHED && epochs < r.epochs();
        List<Object> cells =
                new ArrayList<>(
                        List.of(
                                r.name(),
                                r.describe(),
                                Magnification.format(r.magnification()) + "x",
                                status.name().toLowerCase(Locale.ROOT),
                                epochs + " / " + r.epochs() + (early ? " (stopped early)" : ""),
                                done.filter(j -> j.has("best_epoch"))
                                        .map(j -> j.get("best_epoch").getAsString())
                                        .orElse(ResultTables.MISSING),
                                tissues,
                                steps));
        Optional<RunResult> fold = r.hasFold() ? foldResult(r, layout, config) : Optional.empty();
        cells.add(evaluated(r, layout, res, fold));
        if (config.hasFolds()) {
            cells.add(fold.map(f -> (Object) f.tissues()).orElse(ResultTables.MISSING));
            for (Metric m : List.of(Metric.EXACT_ACCURACY, Metric.ACCURACY)) {
                cells.add(
                        fold.map(f -> CiFormat.percent(f.get(m).value()))
                                .orElse(ResultTables.MISSING));
            }
        }
        return cells;
    }

    /** A fold run's own evaluation, when it exists and was made with the experiment's bootstrap. */
    private static Optional<RunResult> foldResult(
            RunSpec r, ExperimentLayout layout, ExperimentConfig config) throws IOException {
        Optional<RunResult> res = RunResult.load(layout, r);
        if (res.isPresent()
                && EvaluationCheck.difference(layout.metrics(r.name()), config.bootstrapConfig())
                        .isPresent()) {
            return Optional.empty();
        }
        return res;
    }

    private static String evaluated(
            RunSpec r, ExperimentLayout layout, ExperimentResults res, Optional<RunResult> fold) {
        if (res.of(r.name()).isPresent() || fold.isPresent()) {
            return "yes";
        }
        return Files.isRegularFile(layout.metrics(r.name())) ? "outdated" : "no";
    }

    /** The run's {@code DONE} summary (epochs, best_epoch, ...), when it is finished. */
    private static Optional<JsonObject> done(Path dir) throws IOException {
        Path done = dir.resolve(RunFolder.DONE_FILE);
        if (!Files.isRegularFile(done)) {
            return Optional.empty();
        }
        return Optional.of(Json.readTree(done).getAsJsonObject());
    }
}
