package org.lowmag.synthetic;

import java.util.List;

/** The glands of one tissue piece, indexed for "what is at this point" questions while planning. */
final class PieceMap {

    private static final double CELL_UM = 40;

    private final List<Gland> glands;
    private final SpatialGrid grid;

    /**
     * @param glands the piece's glands
     * @param widthUm slide width (um)
     * @param heightUm slide height (um)
     */
    PieceMap(List<Gland> glands, double widthUm, double heightUm) {
        this.glands = List.copyOf(glands);
        int n = glands.size();
        double[] x = new double[n];
        double[] y = new double[n];
        double[] r = new double[n];
        for (int i = 0; i < n; i++) {
            Blob o = glands.get(i).outer();
            x[i] = o.cx;
            y[i] = o.cy;
            r[i] = o.reach();
        }
        this.grid = new SpatialGrid(widthUm, heightUm, CELL_UM, x, y, r);
    }

    /**
     * @param x point x (um)
     * @param y point y (um)
     * @param marginUm distance the point must keep from every gland outline (um)
     * @return whether the point is stroma: outside every gland by at least the margin
     */
    boolean inStroma(double x, double y, double marginUm) {
        for (int i : grid.query(x - marginUm, y - marginUm, x + marginUm, y + marginUm)) {
            if (glands.get(i).outer().depth(x, y) > -marginUm) {
                return false;
            }
        }
        return true;
    }

    /**
     * @param x point x (um)
     * @param y point y (um)
     * @return the lowest index of a gland whose outline contains the point, or -1
     */
    int firstGlandContaining(double x, double y) {
        for (int i : grid.query(x, y, x, y)) {
            if (glands.get(i).outer().depth(x, y) > 0) {
                return i;
            }
        }
        return -1;
    }

    /**
     * @param x point x (um)
     * @param y point y (um)
     * @param marginUm distance to keep from lumens (um)
     * @return whether the point is inside no lumen of any gland (with the margin)
     */
    boolean outsideLumens(double x, double y, double marginUm) {
        for (int i : grid.query(x - marginUm, y - marginUm, x + marginUm, y + marginUm)) {
            for (Blob l : glands.get(i).lumens()) {
                if (l.depth(x, y) > -marginUm) {
                    return false;
                }
            }
        }
        return true;
    }
}
