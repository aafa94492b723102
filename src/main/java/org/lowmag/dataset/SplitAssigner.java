package org.lowmag.dataset;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.lowmag.util.Seeds;

/**
 * Assigns groups (patients) to splits, stratified by label, so that no group is on two sides.
 *
 * <p>For each label, its groups are sorted by name, shuffled with a seed, and cut in order: first a
 * fraction {@code u} of them becomes {@code unlabeled} (their labels withheld, the auxiliary set),
 * then the rest is cut {@code train / val / test} by the percentages. Cut points are {@code round(n
 * * cumulative fraction)}, so the counts sum to {@code n}. Groups without a label always go to
 * {@code unlabeled}.
 */
public final class SplitAssigner {

    /** The split names. */
    public static final List<String> SPLITS = List.of("train", "val", "test");

    private SplitAssigner() {}

    /**
     * @param groupLabels each group's label ("" for unlabelled)
     * @param fractions train/val/test percentages, summing to 100
     * @param unlabeledPercent percentage of each label's groups whose labels are withheld
     * @param seed the split seed
     * @return each group's split
     */
    public static Map<String, String> assign(
            Map<String, String> groupLabels,
            List<Integer> fractions,
            double unlabeledPercent,
            long seed) {
        if (fractions.size() != 3
                || fractions.stream().mapToInt(Integer::intValue).sum() != 100
                || fractions.stream().anyMatch(f -> f < 0)) {
            throw new IllegalArgumentException(
                    "--split-fractions must be three non-negative percentages summing to 100, got "
                            + fractions);
        }
        if (!(unlabeledPercent >= 0 && unlabeledPercent < 100)) {
            throw new IllegalArgumentException(
                    "--unlabeled-percent must be in [0, 100), got " + unlabeledPercent);
        }
        Map<String, List<String>> byLabel = new TreeMap<>();
        Map<String, String> out = new HashMap<>();
        for (Map.Entry<String, String> e : new TreeMap<>(groupLabels).entrySet()) {
            if (e.getValue().isEmpty()) {
                out.put(e.getKey(), "unlabeled");
            } else {
                byLabel.computeIfAbsent(e.getValue(), k -> new ArrayList<>()).add(e.getKey());
            }
        }
        for (Map.Entry<String, List<String>> e : byLabel.entrySet()) {
            List<String> groups = e.getValue();
            shuffle(groups, Seeds.mix(seed, e.getKey().hashCode()));
            int n = groups.size();
            int nUnlabeled = (int) Math.round(n * unlabeledPercent / 100.0);
            int labelled = n - nUnlabeled;
            int cutTrain = nUnlabeled + (int) Math.round(labelled * fractions.get(0) / 100.0);
            int cutVal =
                    nUnlabeled
                            + (int)
                                    Math.round(
                                            labelled
                                                    * (fractions.get(0) + fractions.get(1))
                                                    / 100.0);
            for (int i = 0; i < n; i++) {
                String split =
                        i < nUnlabeled
                                ? "unlabeled"
                                : i < cutTrain ? "train" : i < cutVal ? "val" : "test";
                out.put(groups.get(i), split);
            }
        }
        return out;
    }

    /**
     * Shuffles in place (Fisher-Yates: for {@code i} from the last index down to 1, swap {@code i}
     * with {@code j = nextInt(i + 1)} of a {@link SplittableRandom} seeded with {@code seed}).
     *
     * @param groups the list to shuffle
     * @param seed the seed
     */
    static void shuffle(List<String> groups, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        for (int i = groups.size() - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            String t = groups.get(i);
            groups.set(i, groups.get(j));
            groups.set(j, t);
        }
    }

    /**
     * The splits each class misses: a class with too few groups (one image, one patient) lands in
     * train only, so it can neither be validated nor tested, and its test F1 counts as 0 in the
     * macro average. Only splits with a non-zero fraction count as missed.
     *
     * @param groupLabels each group's label ("" for unlabelled, not counted)
     * @param splits each group's split ({@link #assign})
     * @param fractions train/val/test percentages
     * @return one line per class that misses a split ({@code class 'x' (1 group) has none in val,
     *     test}), by class name
     */
    public static List<String> gaps(
            Map<String, String> groupLabels, Map<String, String> splits, List<Integer> fractions) {
        Map<String, List<String>> byLabel = new TreeMap<>();
        groupLabels.forEach(
                (g, label) -> {
                    if (!label.isEmpty()) {
                        byLabel.computeIfAbsent(label, k -> new ArrayList<>()).add(splits.get(g));
                    }
                });
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : byLabel.entrySet()) {
            List<String> missed = new ArrayList<>();
            for (int i = 0; i < SPLITS.size(); i++) {
                if (fractions.get(i) > 0 && !e.getValue().contains(SPLITS.get(i))) {
                    missed.add(SPLITS.get(i));
                }
            }
            if (!missed.isEmpty()) {
                int n = e.getValue().size();
                out.add(
                        String.format(
                                "class '%s' (%d group%s) has none in %s",
                                e.getKey(), n, n == 1 ? "" : "s", String.join(", ", missed)));
            }
        }
        return out;
    }
}
