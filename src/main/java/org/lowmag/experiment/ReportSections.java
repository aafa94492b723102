package org.lowmag.experiment;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.lowmag.dataset.Dataset;
import org.lowmag.dataset.Magnification;
import org.lowmag.report.ReportDocument;
import org.lowmag.report.TextTable;
import org.lowmag.train.RunFolder;
import org.lowmag.util.Json;
import org.lowmag.util.Provenance;

/** The descriptive sections of the experiment report: the data, the runs, the configuration. */
final class ReportSections {

    private static final Gson COMPACT = new GsonBuilder().disableHtmlEscaping().create();

    private ReportSections() {}

    /**
     * A plain statement of the data: path, classes, tissue counts per split, whether synthetic.
     *
     * @param doc the document
     * @param c the configuration
     * @param data the opened datasets
     */
    static void data(ReportDocument doc, ExperimentConfig c, ExperimentData data) {
        Dataset ds = data.dataset();
        doc.heading(2, "Data");
        doc.paragraph("Dataset: " + RunLauncher.abs(c.dataset()));
        doc.paragraph(
                "Classes ("
                        + ds.info().classes().size()
                        + "): "
                        + String.join(", ", ds.info().classes()));
        doc.paragraph(
                "Magnifications: "
                        + String.join(
                                ", ",
                                ds.info().magnifications().stream()
                                        .map(m -> Magnification.format(m) + "x")
                                        .toList()));
        doc.paragraph("Sources: " + String.join("; ", ds.info().sources()));
        if (data.synthetic()) {
            doc.paragraph(
                    "NOTE: this dataset is SYNTHETIC (its dataset.json sources say so). The"
                            + " numbers below measure the software on made-up images, not"
                            + " histology.");
        }
        doc.table(
                ResultTables.data(data.counts(), data.countColumns()),
                "Tissues per split and class. Models are evaluated on the test split; KD distils"
                        + " on "
                        + String.join(" + ", c.kdSplits())
                        + " (labels ignored).");
        for (AuxSet a : c.auxiliary()) {
            StringBuilder s = new StringBuilder("Auxiliary set '" + a.name() + "': ");
            if (!a.splits().isEmpty()) {
                s.append("splits ").append(String.join(", ", a.splits())).append(" of the dataset");
            }
            for (Path p2 : a.datasets()) {
                s.append("; dataset ")
                        .append(RunLauncher.abs(p2))
                        .append(" (")
                        .append(data.others().get(p2).tissues().size())
                        .append(" tissues)");
            }
            doc.paragraph(s.toString());
        }
    }

    /**
     * One row per run: job, magnification, epochs, status, best epoch, whether evaluated ("yes",
     * "no", or "outdated": a {@code metrics.json} made with another bootstrap, left out).
     *
     * @param doc the document
     * @param plan the plan
     * @param layout the experiment folder
     * @param res the evaluations the report uses
     * @throws IOException when a {@code DONE} file cannot be read
     */
    static void runs(
            ReportDocument doc, ExperimentPlan plan, ExperimentLayout layout, ExperimentResults res)
            throws IOException {
        TextTable t =
                new TextTable(
                        "Run",
                        "Job",
                        "Magnification",
                        "Epochs",
                        "Status",
                        "Best epoch",
                        "Evaluated");
        for (RunSpec r : plan.runs()) {
            Path dir = layout.runDir(r.name());
            RunStatus status = RunStatus.of(dir);
            t.row(
                    r.name(),
                    r.describe(),
                    Magnification.format(r.magnification()) + "x",
                    RunStatus.epochsDone(dir) + "/" + r.epochs(),
                    status.name().toLowerCase(java.util.Locale.ROOT),
                    bestEpoch(dir),
                    evaluated(r, layout, res));
        }
        doc.heading(2, "Runs");
        doc.table(
                t,
                "Folders runs/<run> (config.json, metrics.csv per epoch, log.txt, model/best) and"
                        + " eval/<run> (metrics.json, predictions.csv). The best epoch is chosen on"
                        + " the validation split; its model is the one evaluated.");
    }

    private static String evaluated(RunSpec r, ExperimentLayout layout, ExperimentResults res) {
        if (res.of(r.name()).isPresent()) {
            return "yes";
        }
        return Files.isRegularFile(layout.metrics(r.name())) ? "outdated" : "no";
    }

    private static String bestEpoch(Path dir) throws IOException {
        Path done = dir.resolve(RunFolder.DONE_FILE);
        if (!Files.isRegularFile(done)) {
            return ResultTables.MISSING;
        }
        JsonObject j = Json.readTree(done).getAsJsonObject();
        return j.has("best_epoch") ? j.get("best_epoch").getAsString() : ResultTables.MISSING;
    }

    /**
     * The resolved configuration and the provenance of this report.
     *
     * @param doc the document
     * @param c the configuration
     */
    static void configuration(ReportDocument doc, ExperimentConfig c) {
        doc.heading(2, "Configuration and provenance");
        TextTable t = new TextTable("Key", "Value");
        for (Map.Entry<String, Object> e : c.toMap().entrySet()) {
            if (e.getValue() instanceof Map<?, ?> m && e.getKey().equals("loop_defaults")) {
                m.forEach((k, v) -> t.row("loop." + k, compact(v)));
            } else {
                t.row(e.getKey(), compact(e.getValue()));
            }
        }
        t.row("augmentation", compact(org.lowmag.dataset.Augmentation.paperDefault()));
        doc.table(
                t,
                "Every run: Adam, He initialisation, the settings above (loop.*: the paper"
                        + " defaults that the keys above do not set).");
        TextTable p = new TextTable("Provenance", "Value");
        for (Map.Entry<String, Object> e : Provenance.current().toMap().entrySet()) {
            p.row(e.getKey(), compact(e.getValue()));
        }
        doc.table(
                p,
                "The software that wrote this report; each run's own config.json records the"
                        + " software that trained it.");
    }

    private static String compact(Object v) {
        return v instanceof String s ? s : COMPACT.toJson(Json.gson().toJsonTree(v));
    }
}
