package org.lowmag.experiment;

/**
 * The metrics of {@code metrics.json} shown in the report, in table order: the paper's four
 * (one-vs-rest, macro-averaged over classes) and the plain fraction of correct predictions.
 */
public enum Metric {
    /** Macro one-vs-rest accuracy: {@code mean_k (TP_k + TN_k) / n} (the paper's "accuracy"). */
    ACCURACY("accuracy", "Accuracy (macro one-vs-rest)"),
    /** Macro F1. */
    F1("f1", "F1-Score"),
    /** Macro precision. */
    PRECISION("precision", "Precision"),
    /** Macro recall. */
    RECALL("recall", "Recall"),
    /** Fraction of tissues whose predicted class is the true one: {@code sum_k TP_k / n}. */
    EXACT_ACCURACY("exact_accuracy", "Exact accuracy (fraction correct)");

    private final String key;
    private final String label;

    Metric(String key, String label) {
        this.key = key;
        this.label = label;
    }

    /**
     * @return its key in {@code metrics.json} and the CSV column prefix
     */
    public String key() {
        return key;
    }

    /**
     * @return its row label in the report
     */
    public String label() {
        return label;
    }
}
