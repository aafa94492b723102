package org.lowmag.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lowmag.dataset.RgbImage;

/**
 * Groups images of identical size into batches of at most {@code maxBatchPixels} pixels, keeping
 * the original order within each group. Batching same-size tissues leaves every result unchanged
 * (GroupNorm and pooling are per sample) while paying the per-call overhead once per batch.
 */
public final class SizeGroups {

    private SizeGroups() {}

    /**
     * @param images the images
     * @param maxBatchPixels most pixels per batch (a single larger image still forms its own batch)
     * @return batches as lists of indices into {@code images}
     */
    public static List<List<Integer>> of(List<RgbImage> images, long maxBatchPixels) {
        Map<Long, List<Integer>> bySize = new LinkedHashMap<>();
        for (int i = 0; i < images.size(); i++) {
            RgbImage img = images.get(i);
            long key = ((long) img.widthPx() << 32) | img.heightPx();
            bySize.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
        }
        List<List<Integer>> batches = new ArrayList<>();
        for (List<Integer> same : bySize.values()) {
            RgbImage first = images.get(same.get(0));
            long px = (long) first.widthPx() * first.heightPx();
            int per = (int) Math.max(1, Math.min(same.size(), maxBatchPixels / px));
            for (int i = 0; i < same.size(); i += per) {
                batches.add(List.copyOf(same.subList(i, Math.min(same.size(), i + per))));
            }
        }
        return batches;
    }
}
