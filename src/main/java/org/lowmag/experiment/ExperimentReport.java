package org.lowmag.experiment;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.lowmag.eval.BootstrapConfig;
import org.lowmag.infer.EvaluateJob;
import org.lowmag.report.HtmlReport;
import org.lowmag.report.MarkdownReport;
import org.lowmag.report.ReportDocument;

/**
 * Writes the experiment's report from whatever is evaluated: {@code report.md}, {@code report.html}
 * (self-contained), {@code results.csv}, {@code paired.csv}, {@code accuracy_vs_gflops.png}, {@code
 * exact_accuracy_vs_gflops.png} and, when the configuration has an ablation, {@code ablation.png}.
 * The title names the folder (never an absolute path: paths in the report are relative to the
 * experiment folder) and says when the data are synthetic; the headline names the best arm by
 * {@link HeadlineRule} and flags ties and degenerate models; every model gets its confusion matrix
 * ({@link ConfusionTables}) and every run its epochs, best epoch and optimiser steps. With several
 * seeds the tables show each cell's mean over the seeds with its spread, the charts the means with
 * the seeds' range, and the paired comparisons compare the arms' means over seeds ({@link
 * PairedComparisons}).
 *
 * <p>"Accuracy" is the paper's: one-vs-rest accuracy macro-averaged over classes (it counts true
 * negatives, so it is higher than the fraction correct). The fraction of tissues classified
 * correctly is reported beside it as "exact accuracy"; the headline and the main chart use the
 * paper's accuracy.
 */
final class ExperimentReport {

    static final String MARKDOWN = "report.md";
    static final String HTML = "report.html";
    static final String CSV = "results.csv";
    static final String PAIRED_CSV = "paired.csv";
    static final String COST_PNG = "accuracy_vs_gflops.png";
    static final String EXACT_PNG = "exact_accuracy_vs_gflops.png";
    static final String ABLATION_PNG = "ablation.png";

    private final ExperimentConfig config;
    private final ExperimentPlan plan;
    private final ExperimentData data;
    private final ExperimentLayout layout;

    ExperimentReport(
            ExperimentConfig config,
            ExperimentPlan plan,
            ExperimentData data,
            ExperimentLayout layout) {
        this.config = config;
        this.plan = plan;
        this.data = data;
        this.layout = layout;
    }

    /**
     * Writes every report file.
     *
     * @throws IOException when a file cannot be read or written
     */
    void write() throws IOException {
        ExperimentResults res = ExperimentResults.load(plan, layout, config.bootstrapConfig());
        List<ExperimentPlots.Labelled> models = models(res);
        List<PairedComparisons.Comparison> paired =
                PairedComparisons.of(config, plan, data, layout, res);
        writeCsv(res, models);
        PairedTable.writeCsv(layout.file(PAIRED_CSV), paired);
        boolean cost = ExperimentPlots.cost(layout.file(COST_PNG), Metric.ACCURACY, models);
        boolean exact = ExperimentPlots.cost(layout.file(EXACT_PNG), Metric.EXACT_ACCURACY, models);
        boolean abl =
                config.ablation().enabled()
                        && ExperimentPlots.ablation(
                                layout.file(ABLATION_PNG), config.ablation(), plan.ablation(), res);
        boolean synthetic = data.syntheticSource().isPresent();
        ReportDocument doc = new ReportDocument(title(layout, synthetic));
        if (synthetic) {
            doc.paragraph(
                    "SYNTHETIC DATA: every number in this report comes from generated images (see"
                            + " Data), not from patients' slides.");
        }
        doc.paragraph(summary(res));
        if (config.severalSeeds()) {
            doc.paragraph(seedsNote());
        }
        if (config.hasFolds()) {
            doc.paragraph(FoldsNote.text(config, data));
        }
        Headline.write(doc, config, plan, res);
        story(doc, paired);
        ReportSections.data(doc, config, data, layout);
        results(doc, res, models, cost, exact);
        ConfusionTables.write(doc, models);
        paired(doc, paired);
        ablation(doc, res, abl);
        RunsTable.write(doc, config, plan, data, layout, res);
        ReportSections.configuration(doc, config, layout);
        MarkdownReport.write(doc, layout.file(MARKDOWN));
        HtmlReport.write(doc, layout.file(HTML));
    }

    /** The teacher then each student arm by magnification: the models of the cost chart. */
    private List<ExperimentPlots.Labelled> models(ExperimentResults res) {
        List<ExperimentPlots.Labelled> out = new ArrayList<>();
        if (!res.teacher().isEmpty()) {
            out.add(new ExperimentPlots.Labelled(Arms.label(Arms.TEACHER, null), res.teacher()));
        }
        for (ExperimentPlan.ArmColumn col : plan.arms()) {
            for (double mag : config.studentMags()) {
                SeedCell c = res.cell(col.arm(), mag);
                if (!c.isEmpty()) {
                    out.add(new ExperimentPlots.Labelled(col.label(), c));
                }
            }
        }
        return out;
    }

    private void writeCsv(ExperimentResults res, List<ExperimentPlots.Labelled> models)
            throws IOException {
        List<List<String>> rows = new ArrayList<>();
        for (ExperimentPlots.Labelled m : models) {
            addRows(rows, m.cell().first().arm(), m.cell());
        }
        for (ExperimentPlan.AblationCell c : plan.ablation()) {
            SeedCell cell = res.ablation(c);
            if (!cell.isEmpty()) {
                addRows(rows, "ablation-" + c.resize().flag(), cell);
            }
        }
        ResultsCsv.write(layout.file(CSV), rows);
    }

    /** The cell's runs, then with several seeds its summary rows. */
    private static void addRows(List<List<String>> rows, String arm, SeedCell c) {
        c.results().forEach(r -> rows.add(ResultsCsv.row(arm, r)));
        if (c.severalSeeds()) {
            rows.addAll(ResultsCsv.summary(arm, c));
        }
    }

    private String seedsNote() {
        String seeds = String.join(", ", config.seeds().stream().map(String::valueOf).toList());
        return "Every run is repeated with seeds "
                + seeds
                + " (run names end in -seed<k>; each student is distilled from the teacher of its"
                + " seed). A result cell shows the mean over the evaluated seeds ± their sample"
                + " standard deviation, then each seed's value in seed order (the smallest and"
                + " largest of these are the range); the charts show the means with bars from the"
                + " lowest to the highest seed. Every evaluation's bootstrap uses seed "
                + config.firstSeed()
                + ".";
    }

    private String summary(ExperimentResults res) {
        long finished =
                plan.runs().stream()
                        .filter(r -> RunStatus.of(layout.runDir(r.name())) == RunStatus.FINISHED)
                        .count();
        return String.format(
                Locale.ROOT,
                "%d of %d runs finished, %d evaluated %s. Metrics are percentages"
                        + " with 95%% percentile-bootstrap confidence intervals (%d resamples of"
                        + " %s, seed %d). \"Accuracy\" is the paper's: one-vs-rest"
                        + " accuracy averaged over classes; \"exact accuracy\" is the fraction of"
                        + " test tissues classified correctly. Best values per row are in bold;"
                        + " several bold cells in one row are a tie.",
                finished,
                plan.runs().size(),
                res.byRun().size(),
                config.hasFolds() ? "on their pooled out-of-fold predictions" : "on the test split",
                config.bootstrap(),
                resampled(),
                config.firstSeed());
    }

    /** What one bootstrap resample draws, for the summary. */
    private String resampled() {
        String where = config.hasFolds() ? "all folds' test tissues: the" : "the test split's";
        if (config.bootstrapUnit() == BootstrapConfig.Unit.GROUP) {
            return String.format(
                    Locale.ROOT,
                    "%s %d group%s (the manifest's group column: patients or sets"
                            + " of near-duplicate images), each drawn with all its tissues",
                    where,
                    data.testGroups(),
                    data.testGroups() == 1 ? "" : "s");
        }
        return config.hasFolds() ? "all folds' pooled test tissues" : "the test tissues";
    }

    /**
     * @param layout the experiment folder
     * @param synthetic whether the data are synthetic
     * @return e.g. "LowMag experiment 'experiment' on SYNTHETIC data": the folder's name only
     */
    static String title(ExperimentLayout layout, boolean synthetic) {
        Path name = layout.dir().toAbsolutePath().normalize().getFileName();
        return "LowMag experiment '"
                + (name == null ? "/" : name)
                + "'"
                + (synthetic ? " on SYNTHETIC data" : "");
    }

    private void results(
            ReportDocument doc,
            ExperimentResults res,
            List<ExperimentPlots.Labelled> models,
            boolean cost,
            boolean exact) {
        doc.heading(2, "Teacher (paper Table 3)");
        SeedCell teacher = res.teacher();
        if (teacher.isEmpty()) {
            doc.paragraph("The teacher is not evaluated yet.");
        } else {
            doc.table(
                    ResultTables.teacher(teacher),
                    "The teacher on the test split ("
                            + teacher.first().tissues()
                            + " tissues"
                            + (config.severalSeeds()
                                    ? "; mean ± sd over seeds, then each seed"
                                    : "")
                            + ").");
        }
        doc.heading(2, "Students by magnification (paper Table 4)");
        doc.table(
                ResultTables.arms(config.studentMags(), plan.arms(), res),
                "Each arm at each student magnification on the test split; bold: the best arm"
                        + " per magnification and metric"
                        + (config.severalSeeds() ? " (by the mean over seeds)." : "."));
        doc.heading(2, "Accuracy versus cost (paper Figure 3)");
        String bars =
                config.severalSeeds()
                        ? "points: means over seeds; bars: lowest to highest seed"
                        : "bars: 95% CIs";
        if (cost) {
            doc.image(
                    Path.of(COST_PNG),
                    "Test accuracy (macro one-vs-rest) versus GFLOPs per"
                            + " forward pass, log scale; "
                            + bars
                            + "; each input magnification is written once, above a dashed line"
                            + " at its cost; the arms at one magnification (named by the legend)"
                            + " are drawn a few percent apart horizontally so their bars do not"
                            + " overlap.");
        }
        if (exact) {
            doc.image(Path.of(EXACT_PNG), "The same with exact accuracy (fraction correct).");
        }
        List<String> labels = models.stream().map(ExperimentPlots.Labelled::label).toList();
        doc.table(
                ResultTables.cost(
                        models.stream().map(ExperimentPlots.Labelled::cell).toList(),
                        labels,
                        teacher),
                "Cost: GFLOPs per forward pass (2 x multiply-accumulates, mean over the test"
                        + " tissues at their sizes); ratios to the teacher. Seconds per tissue:"
                        + " wall time of one inference pass over the test tissues (all of them,"
                        + " or an evenly spaced sample of 256 when there are more; already in"
                        + " memory, batched as in evaluation) divided by their number; each"
                        + " evaluation runs an untimed pass (the one whose predictions are"
                        + " scored, a warm-up) and then "
                        + EvaluateJob.TIMED_PASSES
                        + " timed passes, and reports their median, with the fastest and slowest"
                        + " pass beside it (an evaluation made before passes were repeated shows 1"
                        + " timed pass). Measured on this machine while whatever else ran on it"
                        + " ran: compare runs of one report, not machines"
                        + (config.severalSeeds() ? "; means over seeds." : "."));
    }

    /** The paper's claim checked in plain words ({@link PaperStory}), when it can be. */
    private static void story(ReportDocument doc, List<PairedComparisons.Comparison> paired) {
        List<PaperStory.Line> lines = PaperStory.lines(PaperStory.of(paired));
        if (lines.isEmpty()) {
            return;
        }
        doc.heading(2, "Does distillation work here?");
        doc.paragraph(
                "The paper's claim: at low magnification a model trained from scratch loses"
                        + " accuracy against the high-magnification teacher, and a distilled"
                        + " student recovers most of it. Checked on exact accuracy (fraction"
                        + " correct) with the paired bootstrap of the Paired comparisons section;"
                        + " a distilled student shows the effect when the baseline is clearly below"
                        + " the teacher, the student is clearly above the baseline, and it"
                        + " recovers at least half of the loss; each student is judged on its"
                        + " own.");
        lines.forEach(l -> doc.paragraph(l.text()));
    }

    /** The paired comparison table, or a line saying that no pair is evaluated yet. */
    private void paired(ReportDocument doc, List<PairedComparisons.Comparison> rows) {
        doc.heading(2, "Paired comparisons");
        if (rows.isEmpty()) {
            doc.paragraph("No two arms are evaluated yet.");
            return;
        }
        String means =
                config.severalSeeds()
                        ? "the mean over arm A's seeds minus the mean over arm B's seeds"
                        : "arm A's run minus arm B's run";
        doc.table(
                PairedTable.table(rows),
                "Differences in percentage points: "
                        + means
                        + ", on the same "
                        + rows.get(0).difference().tissues()
                        + " test tissues (the teacher at its own magnification). 95% CIs from a"
                        + " paired bootstrap ("
                        + config.bootstrap()
                        + " resamples of "
                        + resampled()
                        + ", seed "
                        + config.firstSeed()
                        + "): every resample draws the same "
                        + (config.bootstrapUnit() == BootstrapConfig.Unit.GROUP
                                ? "groups"
                                : "tissues")
                        + " for all runs of both arms, so what the arms share cancels. \"In"
                        + " words\" reads the accuracy CI: above or below when it excludes 0."
                        + " Also in paired.csv.");
    }

    private void ablation(ReportDocument doc, ExperimentResults res, boolean chart) {
        if (!config.ablation().enabled()) {
            return;
        }
        doc.heading(2, "Resize ablation (paper Supplementary Figure 1)");
        doc.table(
                ResultTables.ablation(config.ablation(), plan.ablation(), res),
                "KD students distilled on "
                        + String.join(" + ", config.kdSplits())
                        + " with each resize g of the pixel loss: none (soft loss only), max-pool,"
                        + " bicubic, both averaged (the paper's choice; the KD arm's run when it"
                        + " has the same settings).");
        if (chart) {
            doc.image(Path.of(ABLATION_PNG), "Resize ablation: test metrics with 95% CIs.");
        }
    }
}
