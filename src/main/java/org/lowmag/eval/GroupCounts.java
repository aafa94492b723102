package org.lowmag.eval;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The confusion counts of each group of test items, for the group (cluster) bootstrap.
 *
 * <p>Groups are numbered {@code 0..G-1} in the order of their first item. Group {@code g} holds the
 * counts {@code C_g[t*k + p] = #{i : group_i = g, truth_i = t, pred_i = p}}; only its non-zero
 * cells are stored (compressed rows), so {@link #addTo} costs {@code O(min(k^2, n_g))} and a round
 * that draws {@code G} groups costs {@code O(G * k^2)} at most, whatever the number of items.
 */
final class GroupCounts {

    /** Group {@code g}'s cells are {@code cell[start[g] .. start[g+1]-1]}. */
    private final int[] start;

    private final int[] cell;
    private final int[] count;

    private GroupCounts(int[] start, int[] cell, int[] count) {
        this.start = start;
        this.cell = cell;
        this.count = count;
    }

    /**
     * Checks the groups and counts each group's (truth, prediction) pairs.
     *
     * @param truth true class per item (already validated)
     * @param pred predicted class per item (already validated)
     * @param k the number of classes
     * @param groups the group of each item: non-blank, one per item
     * @return the counts
     * @throws IllegalArgumentException when {@code groups} is missing, of the wrong length, or has
     *     a null or blank entry
     */
    static GroupCounts of(int[] truth, int[] pred, int k, String[] groups) {
        check(groups, truth.length);
        Map<String, Integer> index = new HashMap<>();
        long kk = (long) k * k;
        long[] keys = new long[truth.length];
        for (int i = 0; i < truth.length; i++) {
            int g = index.computeIfAbsent(groups[i], x -> index.size());
            keys[i] = g * kk + truth[i] * k + pred[i];
        }
        Arrays.sort(keys); // by group, then cell; every group has at least one cell
        int distinct = 0;
        for (int i = 0; i < keys.length; i++) {
            if (i == 0 || keys[i] != keys[i - 1]) {
                distinct++;
            }
        }
        int[] start = new int[index.size() + 1];
        int[] cell = new int[distinct];
        int[] count = new int[distinct];
        int c = -1;
        for (int i = 0; i < keys.length; i++) {
            if (i == 0 || keys[i] != keys[i - 1]) {
                c++;
                cell[c] = (int) (keys[i] % kk);
                start[(int) (keys[i] / kk) + 1] = c + 1;
            }
            count[c]++;
        }
        return new GroupCounts(start, cell, count);
    }

    private static void check(String[] groups, int items) {
        if (groups == null) {
            throw new IllegalArgumentException(
                    "the bootstrap unit is group but no groups were given: give one group per"
                            + " test item, or use the tissue unit");
        }
        if (groups.length != items) {
            throw new IllegalArgumentException(
                    groups.length
                            + " groups for "
                            + items
                            + " test items: give exactly one group per item");
        }
        for (int i = 0; i < groups.length; i++) {
            if (groups[i] == null || groups[i].isBlank()) {
                throw new IllegalArgumentException(
                        "groups["
                                + i
                                + "] is "
                                + (groups[i] == null ? "null" : "blank")
                                + ": every test item needs a group for the group bootstrap");
            }
        }
    }

    /**
     * @return the number of groups {@code G}
     */
    int size() {
        return start.length - 1;
    }

    /**
     * Adds group {@code g}'s counts.
     *
     * @param g a group index
     * @param counts a {@code k*k} confusion count vector, row-major (truth, prediction)
     */
    void addTo(int g, int[] counts) {
        for (int j = start[g]; j < start[g + 1]; j++) {
            counts[cell[j]] += count[j];
        }
    }

    /**
     * Adds group {@code g}'s counts {@code times} times (a group drawn that often).
     *
     * @param g a group index
     * @param counts a {@code k*k} confusion count vector, row-major (truth, prediction)
     * @param times how often
     */
    void addTo(int g, int[] counts, int times) {
        for (int j = start[g]; j < start[g + 1]; j++) {
            counts[cell[j]] += times * count[j];
        }
    }
}
