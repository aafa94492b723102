package org.lowmag.dataset;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.lowmag.util.Seeds;

/**
 * Group {@code K}-fold cross-validation: the labelled groups (patients) of a dataset's {@code
 * train}, {@code val} and {@code test} splits assigned to {@code K} folds, stratified by label,
 * never a group in two folds.
 *
 * <p><b>Test folds.</b> For each label in name order, its groups are sorted by name, shuffled with
 * {@code Seeds.mix(seed, FOLD_STREAM, label.hashCode())} and dealt round-robin to the folds, each
 * label starting at the fold after the one where the previous label stopped, so every fold holds
 * {@code floor(n/K)} or {@code ceil(n/K)} groups of each label and the folds' sizes differ by at
 * most one group per label.
 *
 * <p><b>Fold {@code k}</b>: {@code test} = the groups of fold {@code k}; {@code val} = from each
 * label, {@code v = max(1, round(m / K))} of its {@code m} other groups (in their order after a
 * shuffle seeded with {@code Seeds.mix(seed, VAL_STREAM, k, label.hashCode())}), so that the best
 * epoch is chosen on groups that neither train nor test; {@code train} = the rest. This works for
 * {@code K = 2} as for larger {@code K} (with {@code K = 5}, about 64/16/20 per cent). It needs
 * {@code m >= 2} for every label and fold (one group to validate, one to train), that is {@code n -
 * ceil(n/K) >= 2} for the smallest label's {@code n} groups, and {@code K <= n} so that every fold
 * tests every label ({@link #maxFolds}).
 *
 * <p>A tissue's group is its {@link TissueRecord#group()}, or its id when it has none ({@link
 * #groupOf}); a group's label is the most frequent label of its tissues (ties: the first by name).
 * Tissues outside {@code train/val/test} or without a label (the auxiliary set) keep their split.
 *
 * @param count the number of folds {@code K}, at least 2
 * @param seed the seed of the assignment
 * @param foldOf each labelled group's test fold
 * @param val each fold's validation groups, by fold
 */
public record GroupFolds(int count, long seed, Map<String, Integer> foldOf, List<Set<String>> val) {

    /** The splits whose labelled groups are re-split into folds. */
    public static final List<String> FOLDED_SPLITS = SplitAssigner.SPLITS;

    private static final long FOLD_STREAM = 0x666f6c64L; // "fold"
    private static final long VAL_STREAM = 0x76616cL; // "val"

    /** Copies. */
    public GroupFolds {
        foldOf = Map.copyOf(foldOf);
        val = val.stream().map(Set::copyOf).toList();
    }

    /**
     * @param t a tissue
     * @return its group, or its id when it has none
     */
    public static String groupOf(TissueRecord t) {
        return t.group() == null || t.group().isBlank() ? t.id() : t.group();
    }

    /**
     * @param t a tissue
     * @return whether it takes part in the folds: labelled and in {@code train}, {@code val} or
     *     {@code test}
     */
    public static boolean folded(TissueRecord t) {
        return t.labelled() && FOLDED_SPLITS.contains(t.split());
    }

    /**
     * @param tissues a dataset's tissues
     * @return each folded group's label (the most frequent of its tissues' labels; ties: the first
     *     by name), groups in name order
     */
    public static Map<String, String> groupLabels(List<TissueRecord> tissues) {
        Map<String, Map<String, Integer>> counts = new TreeMap<>();
        for (TissueRecord t : tissues) {
            if (folded(t)) {
                counts.computeIfAbsent(groupOf(t), g -> new TreeMap<>())
                        .merge(t.label(), 1, Integer::sum);
            }
        }
        Map<String, String> out = new LinkedHashMap<>();
        counts.forEach(
                (g, c) -> {
                    String best = null;
                    for (Map.Entry<String, Integer> e : c.entrySet()) {
                        if (best == null || e.getValue() > c.get(best)) {
                            best = e.getKey();
                        }
                    }
                    out.put(g, best);
                });
        return out;
    }

    /**
     * @param groupLabels each group's label
     * @return each label's number of groups, labels in name order
     */
    public static Map<String, Integer> groupsPerLabel(Map<String, String> groupLabels) {
        Map<String, Integer> out = new TreeMap<>();
        groupLabels.values().forEach(l -> out.merge(l, 1, Integer::sum));
        return out;
    }

    /**
     * @param groupLabels each group's label
     * @return the largest {@code K} these groups allow: {@code K <= n} and {@code n - ceil(n/K) >=
     *     2} for the smallest label's {@code n} groups; below 2 when none is possible
     */
    public static int maxFolds(Map<String, String> groupLabels) {
        int n = groupsPerLabel(groupLabels).values().stream().mapToInt(i -> i).min().orElse(0);
        int best = 0;
        for (int k = 2; k <= n; k++) {
            if (n - (n + k - 1) / k >= 2) {
                best = k;
            }
        }
        return best;
    }

    /**
     * Assigns groups to folds.
     *
     * @param groupLabels each labelled group's label
     * @param count {@code K}
     * @param seed the seed
     * @return the folds
     * @throws IllegalArgumentException when {@code K < 2} or the groups allow fewer folds, naming
     *     the smallest label and its number of groups
     */
    public static GroupFolds assign(Map<String, String> groupLabels, int count, long seed) {
        if (count < 2) {
            throw new IllegalArgumentException(
                    count + " folds: K-fold cross-validation needs at least 2");
        }
        int max = maxFolds(groupLabels);
        if (count > max) {
            throw new IllegalArgumentException(tooMany(groupLabels, count, max));
        }
        Map<String, List<String>> byLabel = new TreeMap<>();
        new TreeMap<>(groupLabels)
                .forEach((g, l) -> byLabel.computeIfAbsent(l, x -> new ArrayList<>()).add(g));
        Map<String, Integer> foldOf = new HashMap<>();
        int next = 0;
        for (Map.Entry<String, List<String>> e : byLabel.entrySet()) {
            List<String> groups = new ArrayList<>(e.getValue());
            SplitAssigner.shuffle(groups, Seeds.mix(seed, FOLD_STREAM, e.getKey().hashCode()));
            for (String g : groups) {
                foldOf.put(g, next);
                next = (next + 1) % count;
            }
        }
        List<Set<String>> val = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            Set<String> v = new HashSet<>();
            for (Map.Entry<String, List<String>> e : byLabel.entrySet()) {
                List<String> others = new ArrayList<>();
                for (String g : e.getValue()) {
                    if (foldOf.get(g) != k) {
                        others.add(g);
                    }
                }
                SplitAssigner.shuffle(
                        others, Seeds.mix(seed, VAL_STREAM, k, e.getKey().hashCode()));
                int n = Math.max(1, (int) Math.round(others.size() / (double) count));
                v.addAll(others.subList(0, n));
            }
            val.add(v);
        }
        return new GroupFolds(count, seed, foldOf, val);
    }

    private static String tooMany(Map<String, String> groupLabels, int count, int max) {
        Map.Entry<String, Integer> least =
                groupsPerLabel(groupLabels).entrySet().stream()
                        .min(Map.Entry.comparingByValue())
                        .orElse(Map.entry("(none)", 0));
        return count
                + " folds need more groups: class '"
                + least.getKey()
                + "' has "
                + least.getValue()
                + " labelled group"
                + (least.getValue() == 1 ? "" : "s")
                + " (patients) in train/val/test, and every fold must test it and keep one"
                + " group of it to train and one to validate; "
                + (max >= 2 ? "use at most " + max + " folds" : "these groups allow no folds");
    }

    /**
     * @param group a folded group
     * @param fold a fold {@code k}
     * @return its split in fold {@code k}: {@code test}, {@code val} or {@code train}
     */
    public String splitOf(String group, int fold) {
        Integer f = foldOf.get(group);
        if (f == null) {
            throw new IllegalArgumentException("group " + group + " is in no fold");
        }
        return f == fold ? "test" : val.get(fold).contains(group) ? "val" : "train";
    }

    /**
     * The tissues of fold {@code k}: each folded tissue with its fold split, the others as they
     * are, every image path made absolute against {@code dir} (so that the view can live in another
     * folder and still read the original images).
     *
     * @param tissues the dataset's tissues
     * @param dir the dataset's folder
     * @param fold {@code k}
     * @return the fold's tissues, in the same order
     */
    public List<TissueRecord> view(List<TissueRecord> tissues, Path dir, int fold) {
        if (fold < 0 || fold >= count) {
            throw new IllegalArgumentException("fold " + fold + " is not in [0, " + count + ")");
        }
        List<TissueRecord> out = new ArrayList<>();
        for (TissueRecord t : tissues) {
            Map<String, TissueRecord.TissueImage> images = new LinkedHashMap<>();
            t.images()
                    .forEach(
                            (m, i) ->
                                    images.put(
                                            m,
                                            new TissueRecord.TissueImage(
                                                    dir.resolve(i.path())
                                                            .toAbsolutePath()
                                                            .normalize()
                                                            .toString(),
                                                    i.widthPx(),
                                                    i.heightPx())));
            String split = folded(t) ? splitOf(groupOf(t), fold) : t.split();
            out.add(new TissueRecord(t.id(), t.source(), t.group(), t.label(), split, images));
        }
        return out;
    }
}
