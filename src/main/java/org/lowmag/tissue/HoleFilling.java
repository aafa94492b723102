package org.lowmag.tissue;

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
        int n = mask.length;
        boolean[] outside = new boolean[n];
        int[] stack = new int[Math.max(1, n)];
        int top = 0;
        for (int x = 0; x < widthPx; x++) {
            top = seed(mask, outside, stack, top, x);
            top = seed(mask, outside, stack, top, (heightPx - 1) * widthPx + x);
        }
        for (int y = 0; y < heightPx; y++) {
            top = seed(mask, outside, stack, top, y * widthPx);
            top = seed(mask, outside, stack, top, y * widthPx + widthPx - 1);
        }
        while (top > 0) {
            int i = stack[--top];
            int x = i % widthPx;
            if (x > 0) {
                top = seed(mask, outside, stack, top, i - 1);
            }
            if (x < widthPx - 1) {
                top = seed(mask, outside, stack, top, i + 1);
            }
            if (i >= widthPx) {
                top = seed(mask, outside, stack, top, i - widthPx);
            }
            if (i + widthPx < n) {
                top = seed(mask, outside, stack, top, i + widthPx);
            }
        }
        boolean[] filled = new boolean[n];
        for (int i = 0; i < n; i++) {
            filled[i] = !outside[i];
        }
        return filled;
    }

    /** Marks background pixel i as outside and pushes it, once. */
    private static int seed(boolean[] mask, boolean[] outside, int[] stack, int top, int i) {
        if (!mask[i] && !outside[i]) {
            outside[i] = true;
            stack[top++] = i;
        }
        return top;
    }
}
