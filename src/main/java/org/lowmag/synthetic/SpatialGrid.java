package org.lowmag.synthetic;

import java.util.Arrays;

/**
 * A uniform grid over the slide that lists, per cell, the objects whose bounding square (centre
 * plus/minus reach) overlaps it, so that a tile only visits nearby objects. Queries return object
 * indices in ascending order, so drawing order never depends on the query.
 */
final class SpatialGrid {

    private final double cellUm;
    private final int cols;
    private final int rows;
    private final int[] start;
    private final int[] items;

    /**
     * @param widthUm slide width (um)
     * @param heightUm slide height (um)
     * @param cellUm cell size (um)
     * @param cx object centres x (um)
     * @param cy object centres y (um)
     * @param reach object reach (um)
     */
    SpatialGrid(
            double widthUm,
            double heightUm,
            double cellUm,
            double[] cx,
            double[] cy,
            double[] reach) {
        this.cellUm = cellUm;
        this.cols = Math.max(1, (int) Math.ceil(widthUm / cellUm));
        this.rows = Math.max(1, (int) Math.ceil(heightUm / cellUm));
        int[] count = new int[cols * rows + 1];
        for (int i = 0; i < cx.length; i++) {
            int[] box = cells(cx[i], cy[i], reach[i]);
            for (int r = box[2]; r <= box[3]; r++) {
                for (int c = box[0]; c <= box[1]; c++) {
                    count[r * cols + c + 1]++;
                }
            }
        }
        for (int k = 1; k < count.length; k++) {
            count[k] += count[k - 1];
        }
        this.start = count;
        this.items = new int[count[count.length - 1]];
        int[] fill = Arrays.copyOf(count, count.length);
        for (int i = 0; i < cx.length; i++) {
            int[] box = cells(cx[i], cy[i], reach[i]);
            for (int r = box[2]; r <= box[3]; r++) {
                for (int c = box[0]; c <= box[1]; c++) {
                    items[fill[r * cols + c]++] = i;
                }
            }
        }
    }

    private int[] cells(double x, double y, double reach) {
        return new int[] {col(x - reach), col(x + reach), row(y - reach), row(y + reach)};
    }

    private int col(double x) {
        return Math.max(0, Math.min(cols - 1, (int) Math.floor(x / cellUm)));
    }

    private int row(double y) {
        return Math.max(0, Math.min(rows - 1, (int) Math.floor(y / cellUm)));
    }

    /**
     * Objects that may overlap a rectangle.
     *
     * @param x0 left (um)
     * @param y0 top (um)
     * @param x1 right (um)
     * @param y1 bottom (um)
     * @return distinct object indices, ascending
     */
    int[] query(double x0, double y0, double x1, double y1) {
        int c0 = col(x0);
        int c1 = col(x1);
        int r0 = row(y0);
        int r1 = row(y1);
        int n = 0;
        for (int r = r0; r <= r1; r++) {
            n += start[r * cols + c1 + 1] - start[r * cols + c0];
        }
        int[] out = new int[n];
        int k = 0;
        for (int r = r0; r <= r1; r++) {
            for (int c = c0; c <= c1; c++) {
                for (int j = start[r * cols + c]; j < start[r * cols + c + 1]; j++) {
                    out[k++] = items[j];
                }
            }
        }
        Arrays.sort(out);
        int m = 0;
        for (int i = 0; i < out.length; i++) {
            if (i == 0 || out[i] != out[i - 1]) {
                out[m++] = out[i];
            }
        }
        return Arrays.copyOf(out, m);
    }
}
