package org.lowmag.report;

import java.util.List;
import org.lowmag.eval.ClassEstimates;
import org.lowmag.eval.MetricsReport;

/** Tables of evaluation results in the paper's layout, cells as "87.06 (85.65-88.48)". */
public final class MetricsTables {

    private MetricsTables() {}

    /**
     * The paper's Table 3/4 layout: one row per macro metric (Accuracy, F1-Score, Precision,
     * Recall), one column per model; with several models the best value of each row is emphasised.
     *
     * @param models the column names
     * @param reports one report per model, same order
     * @return the table
     */
    public static TextTable compare(List<String> models, List<MetricsReport> reports) {
        if (models.size() != reports.size() || models.isEmpty()) {
            throw new IllegalArgumentException(
                    models.size() + " model names for " + reports.size() + " reports");
        }
        String[] header = new String[models.size() + 1];
        header[0] = "Metric";
        for (int i = 0; i < models.size(); i++) {
            header[i + 1] = models.get(i);
        }
        TextTable t = new TextTable(header);
        String[] names = {"Accuracy", "F1-Score", "Precision", "Recall"};
        for (int m = 0; m < names.length; m++) {
            Object[] row = new Object[header.length];
            row[0] = names[m];
            for (int i = 0; i < reports.size(); i++) {
                MetricsReport r = reports.get(i);
                row[i + 1] =
                        CiFormat.percent(
                                switch (m) {
                                    case 0 -> r.accuracy();
                                    case 1 -> r.f1();
                                    case 2 -> r.precision();
                                    default -> r.recall();
                                });
            }
            t.row(row);
            if (reports.size() > 1) {
                t.markBestInRow(m, 1, true);
            }
        }
        return t;
    }

    /**
     * @param report one evaluation
     * @return one row per class: precision, recall, F1, one-vs-rest accuracy (percent with CI) and
     *     support
     */
    public static TextTable perClass(MetricsReport report) {
        TextTable t = new TextTable("Class", "Precision", "Recall", "F1", "Accuracy", "Support");
        for (int c = 0; c < report.classNames().size(); c++) {
            ClassEstimates e = report.perClass().get(c);
            t.row(
                    report.classNames().get(c),
                    CiFormat.percent(e.precision()),
                    CiFormat.percent(e.recall()),
                    CiFormat.percent(e.f1()),
                    CiFormat.percent(e.accuracy()),
                    Math.round(e.support().value()));
        }
        return t;
    }

    /**
     * @param report one evaluation
     * @return the confusion matrix, rows = true class, columns = predicted class
     */
    public static TextTable confusion(MetricsReport report) {
        List<String> names = report.classNames();
        String[] header = new String[names.size() + 1];
        header[0] = "true \\ predicted";
        for (int i = 0; i < names.size(); i++) {
            header[i + 1] = names.get(i);
        }
        TextTable t = new TextTable(header);
        for (int r = 0; r < names.size(); r++) {
            Object[] row = new Object[header.length];
            row[0] = names.get(r);
            for (int c = 0; c < names.size(); c++) {
                row[c + 1] = report.confusion().count(r, c);
            }
            t.row(row);
        }
        return t;
    }
}
