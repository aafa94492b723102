package org.lowmag.synthetic;

import java.util.ArrayList;
import java.util.List;

/**
 * Everything on one synthetic slide, in micrometres, fixed before any pixel is drawn: tissue
 * pieces, epithelial outlines, lumens, and marks (nuclei, vacuoles, debris), each indexed on a
 * grid. Rendering only reads a plan, so any region can be drawn independently and in any order.
 */
public final class SlidePlan {

    private static final double CELL_UM = 64;

    final TissueClass tissueClass;
    final long seed;
    final double widthUm;
    final double heightUm;
    final ClassProfile profile;
    final List<TissuePiece> pieces;
    final Blob[] masses;
    final Blob[] lumens;
    final float[] lumenFill;
    final Mark[] pale;
    final Mark[] dark;
    final SpatialGrid massGrid;
    final SpatialGrid lumenGrid;
    final SpatialGrid paleGrid;
    final SpatialGrid darkGrid;

    SlidePlan(
            TissueClass tissueClass,
            long seed,
            double widthUm,
            double heightUm,
            List<TissuePiece> pieces,
            List<Gland> glands,
            List<Mark> pale,
            List<Mark> dark) {
        this.tissueClass = tissueClass;
        this.seed = seed;
        this.widthUm = widthUm;
        this.heightUm = heightUm;
        this.profile = ClassProfile.of(tissueClass);
        this.pieces = List.copyOf(pieces);
        List<Blob> ls = new ArrayList<>();
        List<Float> fills = new ArrayList<>();
        this.masses = new Blob[glands.size()];
        for (int i = 0; i < glands.size(); i++) {
            Gland g = glands.get(i);
            masses[i] = g.outer();
            for (int k = 0; k < g.lumens().length; k++) {
                ls.add(g.lumens()[k]);
                fills.add(g.lumenFill()[k]);
            }
        }
        this.lumens = ls.toArray(new Blob[0]);
        this.lumenFill = new float[fills.size()];
        for (int i = 0; i < lumenFill.length; i++) {
            lumenFill[i] = fills.get(i);
        }
        this.pale = pale.toArray(new Mark[0]);
        this.dark = dark.toArray(new Mark[0]);
        this.massGrid = grid(masses);
        this.lumenGrid = grid(lumens);
        this.paleGrid = grid(shapes(this.pale));
        this.darkGrid = grid(shapes(this.dark));
    }

    private static Blob[] shapes(Mark[] marks) {
        Blob[] out = new Blob[marks.length];
        for (int i = 0; i < marks.length; i++) {
            out[i] = marks[i].shape();
        }
        return out;
    }

    private SpatialGrid grid(Blob[] blobs) {
        double[] x = new double[blobs.length];
        double[] y = new double[blobs.length];
        double[] r = new double[blobs.length];
        for (int i = 0; i < blobs.length; i++) {
            x[i] = blobs[i].cx;
            y[i] = blobs[i].cy;
            r[i] = blobs[i].reach();
        }
        return new SpatialGrid(widthUm, heightUm, CELL_UM, x, y, r);
    }

    /**
     * @return the slide's class (all its tissue pieces share it)
     */
    public TissueClass tissueClass() {
        return tissueClass;
    }

    /**
     * @return the seed the plan was made from
     */
    public long seed() {
        return seed;
    }

    /**
     * @return how many tissue pieces
     */
    public int pieceCount() {
        return pieces.size();
    }

    /**
     * @return how many nuclei, mitoses and debris specks
     */
    public int darkMarkCount() {
        return dark.length;
    }

    /**
     * @return how many glands and nests
     */
    public int glandCount() {
        return masses.length;
    }

    /**
     * Bounding boxes of the tissue pieces in level-0 pixels.
     *
     * @param mpp micrometres per pixel
     * @return {@code [x, y, width, height]} per piece, clipped to the slide
     */
    public List<int[]> tissueBoxesPx(double mpp) {
        List<int[]> out = new ArrayList<>();
        int wPx = (int) Math.round(widthUm / mpp);
        int hPx = (int) Math.round(heightUm / mpp);
        for (TissuePiece p : pieces) {
            double[] b = p.bounds();
            int x0 = Math.max(0, (int) Math.floor(b[0] / mpp));
            int y0 = Math.max(0, (int) Math.floor(b[1] / mpp));
            int x1 = Math.min(wPx, (int) Math.ceil(b[2] / mpp));
            int y1 = Math.min(hPx, (int) Math.ceil(b[3] / mpp));
            out.add(new int[] {x0, y0, x1 - x0, y1 - y0});
        }
        return out;
    }
}
