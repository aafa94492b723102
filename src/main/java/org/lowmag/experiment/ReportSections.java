package org.lowmag.experiment;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.lowmag.dataset.Dataset;
import org.lowmag.report.ReportDocument;
import org.lowmag.report.TextTable;
import org.lowmag.slide.Magnification;
import org.lowmag.util.Json;
import org.lowmag.util.Provenance;

/** The descriptive sections of the experiment report: the data and the configuration. */
final class ReportSections {

    private static final Gson COMPACT = new GsonBuilder().disableHtmlEscaping().create();

    private ReportSections() {}

    /**
     * A plain statement of the data: path (relative to the experiment folder), classes,
     * magnifications, sources, whether synthetic, tissue counts per split.
     *
     * @param doc the document
     * @param c the configuration
     * @param data the opened datasets
     * @param layout the experiment folder
     * @throws IOException when a {@code synthetic.json} cannot be read
     */
    static void data(
            ReportDocument doc, ExperimentConfig c, ExperimentData data, ExperimentLayout layout)
            throws IOException {
        Dataset ds = data.dataset();
        Path dir = layout.dir();
        doc.heading(2, "Data");
        Optional<String> synthetic = data.syntheticSource();
        if (synthetic.isPresent()) {
            doc.paragraph(
                    "SYNTHETIC DATA: the dataset was made from generated images, not from"
                            + " patients (its dataset.json source "
                            + ReportPaths.source(dir, synthetic.get())
                            + "). The numbers below measure the software on made-up images; they"
                            + " say nothing about histology.");
        }
        doc.paragraph(
                "Dataset: "
                        + ReportPaths.relative(dir, c.dataset())
                        + (synthetic.isPresent() ? " (synthetic)" : "")
                        + " (paths in this report are relative to the experiment folder)");
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
        doc.paragraph(
                "Sources: "
                        + String.join(
                                "; ",
                                ds.info().sources().stream()
                                        .map(x -> ReportPaths.source(dir, x))
                                        .toList()));
        doc.table(
                ResultTables.data(data.counts(), data.countColumns()),
                "Tissues per split and class. "
                        + (c.hasFolds()
                                ? "With folds these splits are not used as they are: the"
                                        + " labelled tissues of train, val and test are re-split"
                                        + " into the folds (see above), and every fold's runs"
                                        + " distil on their fold's "
                                : "Models are evaluated on the test split; KD distils on ")
                        + String.join(" + ", c.kdSplits())
                        + " (labels ignored).");
        for (AuxSet a : c.auxiliary()) {
            StringBuilder s = new StringBuilder("Auxiliary set '" + a.name() + "': ");
            if (!a.splits().isEmpty()) {
                s.append("splits ").append(String.join(", ", a.splits())).append(" of the dataset");
            }
            for (Path p2 : a.datasets()) {
                s.append("; dataset ")
                        .append(ReportPaths.relative(dir, p2))
                        .append(" (")
                        .append(data.others().get(p2).tissues().size())
                        .append(" tissues)");
            }
            doc.paragraph(s.toString());
        }
    }

    /**
     * The resolved configuration and the provenance of this report.
     *
     * @param doc the document
     * @param c the configuration
     * @param layout the experiment folder (dataset paths are shown relative to it)
     */
    static void configuration(ReportDocument doc, ExperimentConfig c, ExperimentLayout layout) {
        doc.heading(2, "Configuration and provenance");
        TextTable t = new TextTable("Key", "Value");
        for (Map.Entry<String, Object> e : relativePaths(c, layout).entrySet()) {
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

    /** {@link ExperimentConfig#toMap()} with its dataset paths relative to the experiment. */
    private static Map<String, Object> relativePaths(ExperimentConfig c, ExperimentLayout layout) {
        Map<String, Object> m = new LinkedHashMap<>(c.toMap());
        m.put("dataset", ReportPaths.relative(layout.dir(), c.dataset()));
        Map<String, Object> aux = new LinkedHashMap<>();
        for (AuxSet a : c.auxiliary()) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("splits", a.splits());
            one.put(
                    "datasets",
                    a.datasets().stream().map(p -> ReportPaths.relative(layout.dir(), p)).toList());
            aux.put(a.name(), one);
        }
        m.put("auxiliary", aux);
        return m;
    }

    private static String compact(Object v) {
        return v instanceof String s ? s : COMPACT.toJson(Json.gson().toJsonTree(v));
    }
}
