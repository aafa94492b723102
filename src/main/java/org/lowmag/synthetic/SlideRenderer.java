package org.lowmag.synthetic;

import java.awt.image.BufferedImage;
import org.lowmag.tiff.PyramidTiffWriter;

/**
 * Draws any region of a {@link SlidePlan} at a given resolution. Each pixel is a pure function of
 * the plan and its position, so regions can be drawn in parallel and in any order with identical
 * results.
 *
 * <p>Per pixel (centre {@code ((x + 0.5) mpp, (y + 0.5) mpp)} um): classify as glass, stroma,
 * epithelium or lumen; set base stain amounts (stroma: eosin with wavy fibre texture, see {@link
 * #stromaEosin}); blend pale marks, add dark marks; colour with {@link StainModel}, both amounts
 * scaled by per-slide staining strengths in {@code 1 +/- }{@link #STAIN_VARIATION}, on glass of
 * brightness {@code 242 +/- 3} per slide {@code + 4 (n - 0.5)} plus per-pixel noise of +/-1.25 grey
 * levels.
 */
public final class SlideRenderer implements PyramidTiffWriter.TileSource {

    /** Pixel class: glass. */
    public static final byte GLASS = 0;

    /** Pixel class: stroma. */
    public static final byte STROMA = 1;

    /** Pixel class: epithelium (gland lining, nests). */
    public static final byte EPITHELIUM = 2;

    /** Pixel class: lumen. */
    public static final byte LUMEN = 3;

    /** Per-slide staining strength varies by up to this fraction (H and E independently). */
    static final double STAIN_VARIATION = 0.12;

    private final SlidePlan plan;
    private final double mpp;
    private final int widthPx;
    private final int heightPx;
    private final long glassSeed;
    private final long noiseSeed;
    private final long fibreSeed;
    private final long cytoSeed;
    private final float hScale;
    private final float eScale;
    private final double glassLevel;

    /**
     * @param plan the slide
     * @param mpp micrometres per pixel to draw at
     */
    public SlideRenderer(SlidePlan plan, double mpp) {
        if (!(mpp > 0)) {
            throw new IllegalArgumentException("mpp must be positive, got " + mpp);
        }
        this.plan = plan;
        this.mpp = mpp;
        this.widthPx = (int) Math.round(plan.widthUm / mpp);
        this.heightPx = (int) Math.round(plan.heightUm / mpp);
        this.glassSeed = Noise.derive(plan.seed, 1);
        this.noiseSeed = Noise.derive(plan.seed, 2);
        this.fibreSeed = Noise.derive(plan.seed, 3);
        this.cytoSeed = Noise.derive(plan.seed, 4);
        long stainSeed = Noise.derive(plan.seed, 5);
        this.hScale = (float) (1 + STAIN_VARIATION * (2 * Noise.hash(stainSeed, 0, 0) - 1));
        this.eScale = (float) (1 + STAIN_VARIATION * (2 * Noise.hash(stainSeed, 1, 0) - 1));
        this.glassLevel = 242 + 3 * (2 * Noise.hash(stainSeed, 2, 0) - 1);
    }

    /**
     * @return the slide width in pixels
     */
    public int widthPx() {
        return widthPx;
    }

    /**
     * @return the slide height in pixels
     */
    public int heightPx() {
        return heightPx;
    }

    /**
     * @return the whole slide as one image (small slides only)
     */
    public BufferedImage renderAll() {
        return render(0, 0, widthPx, heightPx);
    }

    @Override
    public BufferedImage render(int xPx, int yPx, int widthPx, int heightPx) {
        Region r = new Region(xPx, yPx, widthPx, heightPx, mpp);
        classify(r);
        base(r);
        marks(r, plan.pale, plan.paleGrid);
        marks(r, plan.dark, plan.darkGrid);
        return colour(r);
    }

    /**
     * The pixel classes of a region (ground truth for tests and statistics).
     *
     * @param xPx left (pixels)
     * @param yPx top (pixels)
     * @param widthPx width (pixels)
     * @param heightPx height (pixels)
     * @return row-major classes: {@link #GLASS}, {@link #STROMA}, {@link #EPITHELIUM}, {@link
     *     #LUMEN}
     */
    public byte[] classes(int xPx, int yPx, int widthPx, int heightPx) {
        Region r = new Region(xPx, yPx, widthPx, heightPx, mpp);
        classify(r);
        return r.cls;
    }

    private void classify(Region r) {
        double[] xs = new double[TissuePiece.VERTICES];
        for (int p = 0; p < plan.pieces.size(); p++) {
            TissuePiece piece = plan.pieces.get(p);
            double[] b = piece.bounds();
            if (b[2] < r.x0Um() || b[0] > r.x1Um() || b[3] < r.y0Um() || b[1] > r.y1Um()) {
                continue;
            }
            for (int j = 0; j < r.h; j++) {
                int n = piece.crossings(r.yUm(j), xs);
                for (int k = 0; k + 1 < n; k += 2) {
                    int i0 = Math.max(0, (int) Math.ceil(xs[k] / mpp - 0.5) - r.x0);
                    int i1 = Math.min(r.w - 1, (int) Math.floor(xs[k + 1] / mpp - 0.5) - r.x0);
                    for (int i = i0; i <= i1; i++) {
                        r.cls[j * r.w + i] = STROMA;
                        r.piece[j * r.w + i] = (byte) p;
                    }
                }
            }
        }
        for (int id : plan.massGrid.query(r.x0Um(), r.y0Um(), r.x1Um(), r.y1Um())) {
            paint(r, plan.masses[id], EPITHELIUM, 0f);
        }
        for (int id : plan.lumenGrid.query(r.x0Um(), r.y0Um(), r.x1Um(), r.y1Um())) {
            paint(r, plan.lumens[id], LUMEN, plan.lumenFill[id]);
        }
    }

    private void paint(Region r, Blob blob, byte cls, float fill) {
        int[] box = r.box(blob);
        for (int j = box[1]; j <= box[3]; j++) {
            double y = r.yUm(j);
            for (int i = box[0]; i <= box[2]; i++) {
                int k = j * r.w + i;
                if (r.cls[k] != GLASS && blob.depth(r.xUm(i), y) > 0) {
                    r.cls[k] = cls;
                    r.fill[k] = fill;
                }
            }
        }
    }

    private void base(Region r) {
        ClassProfile p = plan.profile;
        for (int j = 0; j < r.h; j++) {
            double y = r.yUm(j);
            for (int i = 0; i < r.w; i++) {
                int k = j * r.w + i;
                double x = r.xUm(i);
                switch (r.cls[k]) {
                    case STROMA -> {
                        r.e[k] =
                                (float) stromaEosin(x, y, plan.pieces.get(r.piece[k]), p.stromaE());
                        r.hh[k] = (float) p.stromaH();
                    }
                    case EPITHELIUM -> {
                        double n = Noise.value(cytoSeed, x / 2.2, y / 2.2);
                        r.e[k] = (float) (p.cytoplasmE() * (0.85 + 0.3 * n));
                        r.hh[k] = (float) p.cytoplasmH();
                    }
                    case LUMEN -> {
                        double n = Noise.value(cytoSeed + 1, x / 5, y / 5);
                        r.e[k] = (float) (r.fill[k] * (0.5 + n));
                        r.hh[k] = 0.01f + r.fill[k] * 0.15f;
                    }
                    default -> {}
                }
            }
        }
    }

    /**
     * Stroma eosin: {@code E0 dens (0.25 + 0.95 g (0.6 + 0.8 f))}, where {@code f} is anisotropic
     * value noise along the piece's fibre direction (30 x 3.2 um and 9 x 1.4 um octaves) sampled at
     * a position warped by low-frequency noise (70 um, +/-30 um), {@code g = smoothstep(0.28, 0.42,
     * f)} opens clefts between fibres, and {@code dens = 0.75 + 0.5 n} varies slowly (120 um).
     */
    private double stromaEosin(double x, double y, TissuePiece piece, double e0) {
        double wx = (Noise.value(fibreSeed, x / 90, y / 90) - 0.5) * 28;
        double wy = (Noise.value(fibreSeed + 1, x / 90, y / 90) - 0.5) * 28;
        double c = Math.cos(piece.fibreAngle);
        double s = Math.sin(piece.fibreAngle);
        double u = (x + wx) * c + (y + wy) * s;
        double v = (y + wy) * c - (x + wx) * s;
        double f =
                0.65 * Noise.value(fibreSeed + 2, u / 30, v / 3.2)
                        + 0.35 * Noise.value(fibreSeed + 3, u / 9, v / 1.4);
        double t = Math.min(1, Math.max(0, (f - 0.28) / 0.14));
        double g = t * t * (3 - 2 * t);
        double dens = 0.75 + 0.5 * Noise.value(fibreSeed + 4, x / 120, y / 120);
        return e0 * dens * (0.25 + 0.95 * g * (0.6 + 0.8 * f));
    }

    private void marks(Region r, Mark[] marks, SpatialGrid grid) {
        for (int id : grid.query(r.x0Um(), r.y0Um(), r.x1Um(), r.y1Um())) {
            Mark m = marks[id];
            int[] box = r.box(m.shape());
            for (int j = box[1]; j <= box[3]; j++) {
                double y = r.yUm(j);
                for (int i = box[0]; i <= box[2]; i++) {
                    double x = r.xUm(i);
                    double d = m.shape().depth(x, y);
                    double alpha = Math.min(1, d / mpp + 0.5);
                    if (alpha <= 0) {
                        continue;
                    }
                    int k = j * r.w + i;
                    if (m.pale()) {
                        r.hh[k] += (float) (alpha * (m.hAmount() - r.hh[k]));
                    } else {
                        double t =
                                1
                                        + m.texture()
                                                * (2
                                                                * Noise.value(
                                                                        m.seed(),
                                                                        x / Mark.GRAIN_UM,
                                                                        y / Mark.GRAIN_UM)
                                                        - 1);
                        if (d < 0.7) {
                            t *= 1.2;
                        }
                        r.hh[k] += (float) (alpha * m.hAmount() * t);
                    }
                    r.e[k] += (float) (alpha * (m.eAmount() - r.e[k]));
                }
            }
        }
    }

    private BufferedImage colour(Region r) {
        int[] rgb = new int[r.w * r.h];
        for (int j = 0; j < r.h; j++) {
            double y = r.yUm(j);
            long gy = r.y0 + j;
            for (int i = 0; i < r.w; i++) {
                int k = j * r.w + i;
                double glass =
                        glassLevel + 4 * (Noise.value(glassSeed, r.xUm(i) / 400, y / 400) - 0.5);
                float noise = (float) (2.5 * (Noise.hash(noiseSeed, r.x0 + i, gy) - 0.5));
                rgb[k] = StainModel.rgb(r.hh[k] * hScale, r.e[k] * eScale, (float) glass, noise);
            }
        }
        BufferedImage img = new BufferedImage(r.w, r.h, BufferedImage.TYPE_INT_RGB);
        img.getRaster().setDataElements(0, 0, r.w, r.h, rgb);
        return img;
    }

    /** Per-pixel working arrays of one region. */
    private static final class Region {
        final int x0;
        final int y0;
        final int w;
        final int h;
        final double mpp;
        final byte[] cls;
        final byte[] piece;
        final float[] fill;
        final float[] hh;
        final float[] e;

        Region(int x0, int y0, int w, int h, double mpp) {
            if (w <= 0 || h <= 0) {
                throw new IllegalArgumentException("region must be non-empty, got " + w + "x" + h);
            }
            this.x0 = x0;
            this.y0 = y0;
            this.w = w;
            this.h = h;
            this.mpp = mpp;
            int n = w * h;
            this.cls = new byte[n];
            this.piece = new byte[n];
            this.fill = new float[n];
            this.hh = new float[n];
            this.e = new float[n];
        }

        double xUm(int i) {
            return (x0 + i + 0.5) * mpp;
        }

        double yUm(int j) {
            return (y0 + j + 0.5) * mpp;
        }

        double x0Um() {
            return x0 * mpp;
        }

        double y0Um() {
            return y0 * mpp;
        }

        double x1Um() {
            return (x0 + w) * mpp;
        }

        double y1Um() {
            return (y0 + h) * mpp;
        }

        /** Pixel box {@code [i0, j0, i1, j1]} (inclusive, clipped) that may hold the blob. */
        int[] box(Blob b) {
            double rr = b.reach();
            int i0 = Math.max(0, (int) Math.floor((b.cx - rr) / mpp - 0.5) - x0);
            int i1 = Math.min(w - 1, (int) Math.ceil((b.cx + rr) / mpp - 0.5) - x0);
            int j0 = Math.max(0, (int) Math.floor((b.cy - rr) / mpp - 0.5) - y0);
            int j1 = Math.min(h - 1, (int) Math.ceil((b.cy + rr) / mpp - 0.5) - y0);
            return new int[] {i0, j0, i1, j1};
        }
    }
}
