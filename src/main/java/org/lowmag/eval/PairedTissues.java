package org.lowmag.eval;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Several runs' predictions lined up on the same test tissues, for {@link PairedBootstrap}. The
 * first run fixes the tissue order; every other run must hold exactly the same tissues (matched by
 * id, in any order) with the same true classes.
 */
final class PairedTissues {

    private final List<String> tissues;
    private final int[] truth;
    private final int[][] preds;

    private PairedTissues(List<String> tissues, int[] truth, int[][] preds) {
        this.tissues = tissues;
        this.truth = truth;
        this.preds = preds;
    }

    /**
     * @param runs at least one run
     * @param classes the number of classes {@code k}
     * @return the runs in the first run's tissue order
     * @throws IllegalArgumentException naming both runs when their tissues or true classes differ,
     *     or naming the run and tissue of a repeated tissue or an out-of-range class
     */
    static PairedTissues align(List<RunPredictions> runs, int classes) {
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("no runs to compare");
        }
        RunPredictions first = runs.get(0);
        Map<String, Integer> index = index(first);
        int[] truth = first.truth();
        int[][] preds = new int[runs.size()][];
        for (int r = 0; r < runs.size(); r++) {
            RunPredictions run = runs.get(r);
            Map<String, Integer> own = index(run);
            if (!own.keySet().equals(index.keySet())) {
                throw new IllegalArgumentException(differentTissues(first, run, index, own));
            }
            int[] t = run.truth();
            int[] p = run.pred();
            int[] aligned = new int[truth.length];
            for (int i = 0; i < t.length; i++) {
                String id = run.tissues().get(i);
                int at = index.get(id);
                if (t[i] != truth[at]) {
                    throw new IllegalArgumentException(
                            "runs "
                                    + first.run()
                                    + " and "
                                    + run.run()
                                    + " disagree on the true class of tissue "
                                    + id
                                    + " ("
                                    + truth[at]
                                    + " against "
                                    + t[i]
                                    + "): they were not evaluated on the same data");
                }
                aligned[at] = p[i];
            }
            try {
                Labels.check(truth, aligned, classes);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("run " + run.run() + ": " + e.getMessage(), e);
            }
            preds[r] = aligned;
        }
        return new PairedTissues(first.tissues(), truth, preds);
    }

    private static Map<String, Integer> index(RunPredictions run) {
        Map<String, Integer> m = new HashMap<>();
        for (int i = 0; i < run.tissues().size(); i++) {
            if (m.put(run.tissues().get(i), i) != null) {
                throw new IllegalArgumentException(
                        "run " + run.run() + " lists tissue " + run.tissues().get(i) + " twice");
            }
        }
        return m;
    }

    private static String differentTissues(
            RunPredictions a, RunPredictions b, Map<String, Integer> ia, Map<String, Integer> ib) {
        Set<String> onlyA = new LinkedHashSet<>(a.tissues());
        onlyA.removeAll(ib.keySet());
        Set<String> onlyB = new LinkedHashSet<>(b.tissues());
        onlyB.removeAll(ia.keySet());
        return "runs "
                + a.run()
                + " and "
                + b.run()
                + " were evaluated on different test tissues ("
                + ia.size()
                + " and "
                + ib.size()
                + "; "
                + onlyA.size()
                + " only in "
                + a.run()
                + examples(onlyA)
                + ", "
                + onlyB.size()
                + " only in "
                + b.run()
                + examples(onlyB)
                + "): evaluate both on the same test split";
    }

    private static String examples(Set<String> ids) {
        if (ids.isEmpty()) {
            return "";
        }
        List<String> few = new ArrayList<>(ids).subList(0, Math.min(3, ids.size()));
        return " (" + String.join(", ", few) + (ids.size() > 3 ? ", ..." : "") + ")";
    }

    /**
     * @return the tissue ids, in order
     */
    List<String> tissues() {
        return tissues;
    }

    /**
     * @return the true class of each tissue (shared by all runs)
     */
    int[] truth() {
        return truth;
    }

    /**
     * @param r a run's position in the list given to {@link #align}
     * @return its predictions in tissue order
     */
    int[] pred(int r) {
        return preds[r];
    }
}
