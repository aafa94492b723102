package org.lowmag.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.lowmag.eval.ClassMetrics;
import org.lowmag.eval.ClassificationMetrics;
import org.lowmag.eval.ConfusionMatrix;
import org.lowmag.report.ReportDocument;
import org.lowmag.report.TextTable;
import org.lowmag.slide.Magnification;

/**
 * The report's per-model confusion matrices with per-class metrics. For a model with confusion
 * matrix {@code C[t][p]} (rows: true class, columns: predicted class; with several seeds the sum of
 * its runs' matrices), row {@code t} shows {@code C[t][0..k-1]}, the support {@code sum_p C[t][p]}
 * and class {@code t}'s one-vs-rest recall, precision and F1 in percent ({@link ClassMetrics}:
 * {@code R = TP / (TP + FN)}, {@code P = TP / (TP + FP)}, {@code F1 = 2 TP / (2 TP + FP + FN)}, 0
 * when a denominator is 0); a last row "Predicted" gives the column sums {@code P_c = sum_t
 * C[t][c]}, so a class never predicted shows as a 0 there.
 */
final class ConfusionTables {

    private ConfusionTables() {}

    /**
     * Adds the section: one table per model.
     *
     * @param doc the document
     * @param models the models (teacher first), each with an evaluated run
     */
    static void write(ReportDocument doc, List<ExperimentPlots.Labelled> models) {
        doc.heading(2, "Confusion matrices and per-class metrics");
        if (models.isEmpty()) {
            doc.paragraph("No model is evaluated yet.");
            return;
        }
        doc.paragraph(
                "Rows: true class; columns: predicted class. Recall, precision and F1 are"
                        + " one-vs-rest per class, in percent (0 when undefined: precision of a"
                        + " class never predicted). The last row counts how often each class is"
                        + " predicted. A model is DEGENERATE when it never predicts a class or"
                        + " predicts one class for every tissue. Bootstrap CIs of the per-class"
                        + " metrics are in each eval/<run>/metrics.json."
                        + absent(models.get(0).cell()));
        for (ExperimentPlots.Labelled m : models) {
            SeedCell c = m.cell();
            doc.table(table(c), caption(m.label(), c));
        }
    }

    /**
     * A warning naming the classes without a test tissue, or empty: their per-class metrics are 0
     * by convention, and the macro averages divide by every class, so they lower all of them.
     */
    static String absent(SeedCell c) {
        ConfusionMatrix m = c.pooledConfusion();
        List<String> none = new ArrayList<>();
        for (int k = 0; k < m.classes(); k++) {
            if (m.support(k) == 0) {
                none.add(c.first().classes().get(k));
            }
        }
        if (none.isEmpty()) {
            return "";
        }
        return " NOTE: "
                + String.join(", ", none)
                + (none.size() == 1 ? " has" : " have")
                + " no test tissue, so its recall, precision and F1 are 0 by convention and every"
                + " macro average (accuracy, F1, precision, recall) is lowered by it for every"
                + " model.";
    }

    private static String caption(String label, SeedCell c) {
        String runs =
                c.severalSeeds()
                        ? "the sum over "
                                + c.results().size()
                                + " evaluated seed"
                                + (c.results().size() == 1 ? "" : "s")
                                + " of "
                                + c.base()
                        : "run " + c.first().run();
        return label
                + " at "
                + Magnification.format(c.magnification())
                + "x ("
                + runs
                + ", "
                + c.pooledConfusion().total()
                + " test tissues)."
                + Headline.flag(c);
    }

    /**
     * @param c a cell with at least one evaluated run
     * @return its (pooled) confusion matrix with per-class recall, precision and F1
     */
    static TextTable table(SeedCell c) {
        List<String> classes = c.first().classes();
        ConfusionMatrix m = c.pooledConfusion();
        List<ClassMetrics> per = ClassificationMetrics.of(m).perClass();
        List<String> header = new ArrayList<>(List.of("True / predicted"));
        header.addAll(classes);
        header.addAll(List.of("Support", "Recall", "Precision", "F1"));
        TextTable t = new TextTable(header.toArray(String[]::new));
        int k = classes.size();
        for (int truth = 0; truth < k; truth++) {
            List<Object> row = new ArrayList<>(List.of(classes.get(truth)));
            for (int p = 0; p < k; p++) {
                row.add(m.count(truth, p));
            }
            row.add(m.support(truth));
            row.add(percent(per.get(truth).recall()));
            row.add(percent(per.get(truth).precision()));
            row.add(percent(per.get(truth).f1()));
            t.row(row.toArray());
        }
        List<Object> predicted = new ArrayList<>(List.of("Predicted"));
        for (int p = 0; p < k; p++) {
            predicted.add(m.predicted(p));
        }
        predicted.add(m.total());
        predicted.addAll(List.of("", "", ""));
        t.row(predicted.toArray());
        return t;
    }

    private static String percent(double v) {
        return String.format(Locale.ROOT, "%.2f", 100 * v);
    }
}
