package org.lowmag.eval;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One class's one-vs-rest metrics (see {@link ClassMetrics}) with bootstrap intervals.
 *
 * @param precision {@code TP / (TP + FP)}
 * @param recall {@code TP / (TP + FN)}
 * @param f1 {@code 2 TP / (2 TP + FP + FN)}
 * @param accuracy {@code (TP + TN) / N}
 * @param support the number of items of this class, {@code TP + FN}; its interval is that of the
 *     resampled count
 */
public record ClassEstimates(
        Estimate precision, Estimate recall, Estimate f1, Estimate accuracy, Estimate support) {

    /**
     * @return {@code {"precision": {...}, "recall": {...}, "f1": {...}, "accuracy": {...},
     *     "support": {...}}}
     */
    public Map<String, Object> toJsonTree() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("precision", precision.toJsonTree());
        m.put("recall", recall.toJsonTree());
        m.put("f1", f1.toJsonTree());
        m.put("accuracy", accuracy.toJsonTree());
        m.put("support", support.toJsonTree());
        return m;
    }
}
