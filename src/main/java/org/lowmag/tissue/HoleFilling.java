package org.lowmag.tissue;

import java.util.Arrays;

/**
 * Fills holes in a binary mask, as {@code scipy.ndimage.binary_fill_holes} with its default
 * structure: background pixels 4-connected to the image border stay background, every other pixel
 * becomes foreground. (Background that touches the foreground only diagonally is therefore a hole
 * when it cannot reach the border through edge neighbours.)
 */
public final class HoleFilling {

    private HoleFilling() {}

    /**
     * @param mask row-major foreground flags, {@code widthPx * heightPx} long (not modified)
     * @param widthPx width
     * @param heightPx height
     * @return the filled mask
     */
    public static boolean[] fill(boolean[] mask, int widthPx, int heightPx) {
        Masks.checkSize(mask, widthPx, heightPx);
        boolean[] outside = outside(mask, widthPx, heightPx);
        boolean[] filled = new boolean[mask.length];
        for (int i = 0; i < filled.length; i++) {
            filled[i] = !outside[i];
        }
        return filled;
    }

    /**
     * The background 4-connected to the border, by scanline flood fill: a seed grows into the
     * longest run of unvisited background along its row, the run is marked, and the first pixel of
     * every unvisited background run directly above or below it becomes a seed. Each run is marked
     * once, so the work is about one pass over the mask (the per-pixel flood it replaced pushed
     * every background pixel and divided once per pixel).
     */
    static boolean[] outside(boolean[] mask, int w, int h) {
        boolean[] outside = new boolean[mask.length];
        Seeds seeds = new Seeds();
        for (int x = 0; x < w; x++) {
            seeds.push(x);
            seeds.push((h - 1) * w + x);
        }
        for (int y = 0; y < h; y++) {
            seeds.push(y * w);
            seeds.push(y * w + w - 1);
        }
        while (seeds.size > 0) {
            int i = seeds.pop();
            if (mask[i] || outside[i]) {
                continue;
            }
            int row = i - i % w;
            int left = i;
            while (left > row && !mask[left - 1] && !outside[left - 1]) {
                left--;
            }
            int right = i;
            while (right < row + w - 1 && !mask[right + 1] && !outside[right + 1]) {
                right++;
            }
            for (int j = left; j <= right; j++) {
                outside[j] = true;
            }
            if (row > 0) {
                seedRuns(mask, outside, seeds, left - w, right - w);
            }
            if (row + w < mask.length) {
                seedRuns(mask, outside, seeds, left + w, right + w);
            }
        }
        return outside;
    }

    /** Pushes the first pixel of each unvisited background run in {@code [from, to]}. */
    private static void seedRuns(boolean[] mask, boolean[] outside, Seeds seeds, int from, int to) {
        boolean inRun = false;
        for (int j = from; j <= to; j++) {
            boolean open = !mask[j] && !outside[j];
            if (open && !inRun) {
                seeds.push(j);
            }
            inRun = open;
        }
    }

    /** A growable stack of pixel indices. */
    private static final class Seeds {
        private int[] items = new int[1024];
        private int size;

        void push(int i) {
            if (size == items.length) {
                items = Arrays.copyOf(items, 2 * size);
            }
            items[size++] = i;
        }

        int pop() {
            return items[--size];
        }
    }
}
