package org.lowmag.tissue;

import java.util.Arrays;

/**
 * 8-connected components of a binary mask (pixels sharing an edge or a corner belong together, as
 * {@code cv2.findContours} outer contours and {@code skimage}'s connectivity 2). Components are
 * numbered 1..count in raster order of their first (top-most, then left-most) pixel; label 0 is
 * background. Each component's area (pixels) and bounding box (inclusive pixel bounds) are
 * recorded. Immutable.
 */
public final class ConnectedComponents {

    private final int widthPx;
    private final int heightPx;
    private final int[] labels;
    private final int count;
    private final long[] areas;
    private final int[] minX;
    private final int[] minY;
    private final int[] maxX;
    private final int[] maxY;

    private ConnectedComponents(int widthPx, int heightPx, int[] labels, int count) {
        this.widthPx = widthPx;
        this.heightPx = heightPx;
        this.labels = labels;
        this.count = count;
        this.areas = new long[count + 1];
        this.minX = new int[count + 1];
        this.minY = new int[count + 1];
        this.maxX = new int[count + 1];
        this.maxY = new int[count + 1];
        Arrays.fill(minX, Integer.MAX_VALUE);
        Arrays.fill(minY, Integer.MAX_VALUE);
        Arrays.fill(maxX, -1);
        Arrays.fill(maxY, -1);
        for (int i = 0; i < labels.length; i++) {
            int c = labels[i];
            if (c > 0) {
                int x = i % widthPx;
                int y = i / widthPx;
                areas[c]++;
                minX[c] = Math.min(minX[c], x);
                minY[c] = Math.min(minY[c], y);
                maxX[c] = Math.max(maxX[c], x);
                maxY[c] = Math.max(maxY[c], y);
            }
        }
    }

    /**
     * Labels the 8-connected components of a mask.
     *
     * @param mask row-major foreground flags, {@code widthPx * heightPx} long
     * @param widthPx width
     * @param heightPx height
     * @return the components
     */
    public static ConnectedComponents label(boolean[] mask, int widthPx, int heightPx) {
        Masks.checkSize(mask, widthPx, heightPx);
        int[] labels = new int[mask.length];
        int[] stack = new int[Math.max(1, mask.length)];
        int next = 0;
        for (int start = 0; start < mask.length; start++) {
            if (mask[start] && labels[start] == 0) {
                flood(mask, widthPx, heightPx, labels, stack, start, ++next);
            }
        }
        return new ConnectedComponents(widthPx, heightPx, labels, next);
    }

    private static void flood(
            boolean[] mask, int w, int h, int[] labels, int[] stack, int start, int label) {
        int top = 0;
        labels[start] = label;
        stack[top++] = start;
        while (top > 0) {
            int i = stack[--top];
            int x = i % w;
            int y = i / w;
            for (int dy = -1; dy <= 1; dy++) {
                int ny = y + dy;
                if (ny < 0 || ny >= h) {
                    continue;
                }
                for (int dx = -1; dx <= 1; dx++) {
                    int nx = x + dx;
                    int j = ny * w + nx;
                    if (nx >= 0 && nx < w && mask[j] && labels[j] == 0) {
                        labels[j] = label;
                        stack[top++] = j;
                    }
                }
            }
        }
    }

    /**
     * @return the number of components
     */
    public int count() {
        return count;
    }

    /**
     * @param x column
     * @param y row
     * @return the component at the pixel, 0 for background
     */
    public int labelAt(int x, int y) {
        return labels[y * widthPx + x];
    }

    /**
     * @param id component, 1..count
     * @return its area in pixels
     */
    public long area(int id) {
        check(id);
        return areas[id];
    }

    /**
     * @param id component
     * @return its left-most column
     */
    public int minX(int id) {
        check(id);
        return minX[id];
    }

    /**
     * @param id component
     * @return its top-most row
     */
    public int minY(int id) {
        check(id);
        return minY[id];
    }

    /**
     * @param id component
     * @return its right-most column (inclusive)
     */
    public int maxX(int id) {
        check(id);
        return maxX[id];
    }

    /**
     * @param id component
     * @return its bottom-most row (inclusive)
     */
    public int maxY(int id) {
        check(id);
        return maxY[id];
    }

    /**
     * @param minAreaPx the smallest area kept
     * @return a mask of the components whose area is at least {@code minAreaPx}
     */
    public boolean[] maskOfAtLeast(long minAreaPx) {
        boolean[] out = new boolean[labels.length];
        for (int i = 0; i < labels.length; i++) {
            int c = labels[i];
            out[i] = c > 0 && areas[c] >= minAreaPx;
        }
        return out;
    }

    /**
     * @return the width of the labelled mask
     */
    public int widthPx() {
        return widthPx;
    }

    /**
     * @return the height of the labelled mask
     */
    public int heightPx() {
        return heightPx;
    }

    private void check(int id) {
        if (id < 1 || id > count) {
            throw new IllegalArgumentException(
                    "component id must be in 1.." + count + ", got " + id);
        }
    }
}
