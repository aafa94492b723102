package org.lowmag.eval;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The evaluation of one model on one test set: macro metrics and per-class metrics with percentile
 * bootstrap intervals, the confusion matrix and the bootstrap settings. {@link #toJsonTree()} gives
 * the shape written to {@code metrics.json}:
 *
 * <pre>
 * {
 *   "accuracy":       {"value": v, "ci_low": a, "ci_high": b},   macro one-vs-rest accuracy
 *   "f1":             {...},                                     macro F1
 *   "precision":      {...},                                     macro precision
 *   "recall":         {...},                                     macro recall
 *   "exact_accuracy": {...},                                     fraction correct
 *   "per_class": {"name": {"precision": {...}, "recall": {...}, "f1": {...},
 *                          "accuracy": {...}, "support": {...}}, ...},
 *   "confusion": {"classes": ["name", ...], "matrix": [[C[t][p] ...] ...]},   rows = truth
 *   "bootstrap": {"method": "percentile", "iterations": B, "seed": s, "level": l,
 *                 "unit": "tissue" | "group", "groups": G}    "groups" only for the group unit
 * }
 * </pre>
 *
 * <p>All metrics are fractions in [0, 1] (support is a count); formulas are on {@link
 * ClassificationMetrics}.
 *
 * @param classNames class names, index = class label, distinct
 * @param confusion the confusion matrix of the whole test set
 * @param point the point metrics, with one-vs-rest counts
 * @param accuracy macro one-vs-rest accuracy (the paper's accuracy)
 * @param exactAccuracy fraction of correct predictions
 * @param precision macro precision
 * @param recall macro recall
 * @param f1 macro F1
 * @param perClass per-class estimates, in class order
 * @param bootstrap the bootstrap settings
 * @param groups the number of groups {@code G} resampled by the group bootstrap ({@code >= 1}); 0
 *     for the tissue unit
 */
public record MetricsReport(
        List<String> classNames,
        ConfusionMatrix confusion,
        ClassificationMetrics point,
        Estimate accuracy,
        Estimate exactAccuracy,
        Estimate precision,
        Estimate recall,
        Estimate f1,
        List<ClassEstimates> perClass,
        BootstrapConfig bootstrap,
        int groups) {

    /**
     * Copies the lists and checks that sizes agree, class names are distinct and there is a group
     * count exactly for the group unit.
     */
    public MetricsReport {
        classNames = List.copyOf(classNames);
        perClass = List.copyOf(perClass);
        int k = classNames.size();
        if (confusion.classes() != k || point.classes() != k || perClass.size() != k) {
            throw new IllegalArgumentException(
                    k
                            + " class names but the confusion matrix has "
                            + confusion.classes()
                            + " classes and there are "
                            + perClass.size()
                            + " per-class estimates");
        }
        if (new HashSet<>(classNames).size() != k) {
            throw new IllegalArgumentException("class names are not distinct: " + classNames);
        }
        boolean grouped = bootstrap.unit() == BootstrapConfig.Unit.GROUP;
        if (grouped ? groups < 1 : groups != 0) {
            throw new IllegalArgumentException(
                    "groups = "
                            + groups
                            + " with the "
                            + bootstrap.unit().key()
                            + " bootstrap unit: it must be at least 1 for group, 0 for tissue");
        }
    }

    /**
     * @return the report as nested maps and lists (insertion-ordered) for Gson
     */
    public Map<String, Object> toJsonTree() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("accuracy", accuracy.toJsonTree());
        m.put("f1", f1.toJsonTree());
        m.put("precision", precision.toJsonTree());
        m.put("recall", recall.toJsonTree());
        m.put("exact_accuracy", exactAccuracy.toJsonTree());
        Map<String, Object> classes = new LinkedHashMap<>();
        for (int c = 0; c < classNames.size(); c++) {
            classes.put(classNames.get(c), perClass.get(c).toJsonTree());
        }
        m.put("per_class", classes);
        m.put("confusion", confusionTree());
        Map<String, Object> boot = bootstrap.toJsonTree();
        if (bootstrap.unit() == BootstrapConfig.Unit.GROUP) {
            boot.put("groups", groups);
        }
        m.put("bootstrap", boot);
        return m;
    }

    private Map<String, Object> confusionTree() {
        List<List<Integer>> rows = new ArrayList<>();
        for (int[] row : confusion.toArray()) {
            List<Integer> r = new ArrayList<>();
            for (int v : row) {
                r.add(v);
            }
            rows.add(r);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("classes", classNames);
        m.put("matrix", rows);
        return m;
    }
}
