package org.lowmag.synthetic;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * One piece of tissue: an irregular outline made from a perturbed ellipse. In the piece's frame
 * (rotated, scaled by semi-axes {@code rx, ry}) a point at normalised radius {@code q} and angle
 * {@code theta} is inside when {@code q < r(theta) = 1 + sum_{k=2..K} A_k cos(k theta + phi_k) +
 * j(theta)}, with {@code A_k ~ A / k^1.3} (smooth lobes) and {@code j} a fine value-noise jitter
 * along the perimeter (ragged edge). The outline is kept as a polygon of {@link #VERTICES} points
 * for scan-line filling.
 */
final class TissuePiece {

    /** Polygon vertices of the outline. */
    static final int VERTICES = 1440;

    private static final int HARMONICS = 28;
    private static final double BUCKET_UM = 16;

    private final double cx;
    private final double cy;
    private final double rx;
    private final double ry;
    private final double cos;
    private final double sin;
    private final double[] radius;
    private final double[] px;
    private final double[] py;
    private final double minX;
    private final double minY;
    private final double maxX;
    private final double maxY;
    private final int[][] buckets;

    /** Fibre direction of this piece's stroma (radians). */
    final double fibreAngle;

    private TissuePiece(
            double cx,
            double cy,
            double rx,
            double ry,
            double angle,
            double[] radius,
            double fibre) {
        this.cx = cx;
        this.cy = cy;
        this.rx = rx;
        this.ry = ry;
        this.cos = Math.cos(angle);
        this.sin = Math.sin(angle);
        this.radius = radius;
        this.fibreAngle = fibre;
        this.px = new double[VERTICES];
        this.py = new double[VERTICES];
        for (int i = 0; i < VERTICES; i++) {
            double t = 2 * Math.PI * i / VERTICES;
            double u = rx * radius[i] * Math.cos(t);
            double v = ry * radius[i] * Math.sin(t);
            px[i] = cx + u * cos - v * sin;
            py[i] = cy + u * sin + v * cos;
        }
        this.minX = Arrays.stream(px).min().orElseThrow();
        this.maxX = Arrays.stream(px).max().orElseThrow();
        this.minY = Arrays.stream(py).min().orElseThrow();
        this.maxY = Arrays.stream(py).max().orElseThrow();
        this.buckets = bucketEdges();
    }

    /**
     * A random piece.
     *
     * @param rnd the random source
     * @param cx centre x (um)
     * @param cy centre y (um)
     * @param diameterUm the longer diameter of the underlying ellipse (um)
     * @return the piece
     */
    static TissuePiece random(SplittableRandom rnd, double cx, double cy, double diameterUm) {
        double aspect = rnd.nextDouble(1.0, 1.8);
        double[] amp = new double[HARMONICS];
        double[] phase = new double[HARMONICS];
        double lobes = rnd.nextDouble(0.12, 0.3);
        for (int i = 0; i < HARMONICS; i++) {
            amp[i] = lobes * rnd.nextDouble(0.2, 1.0) / Math.pow(i + 2, 1.3) * 2.46;
            phase[i] = rnd.nextDouble(2 * Math.PI);
        }
        long jitterSeed = rnd.nextLong();
        double[] radius = new double[VERTICES];
        double perimeterUm = Math.PI * diameterUm;
        double min = Double.MAX_VALUE;
        for (int i = 0; i < VERTICES; i++) {
            double t = 2 * Math.PI * i / VERTICES;
            double r = 0;
            for (int k = 0; k < HARMONICS; k++) {
                r += amp[k] * Math.cos((k + 2) * t + phase[k]);
            }
            radius[i] = r;
            min = Math.min(min, r);
        }
        double squeeze = min < -0.45 ? 0.45 / -min : 1.0;
        for (int i = 0; i < VERTICES; i++) {
            double s = perimeterUm * i / VERTICES;
            double jitter = Noise.value(jitterSeed, s / 12.0, 0.5) - 0.5;
            double coarse = Noise.value(jitterSeed + 1, s / 60.0, 0.5) - 0.5;
            radius[i] = 1 + radius[i] * squeeze + (jitter * 5 + coarse * 14) / (diameterUm / 2);
        }
        return new TissuePiece(
                cx,
                cy,
                diameterUm / 2,
                diameterUm / 2 / aspect,
                rnd.nextDouble(Math.PI),
                radius,
                rnd.nextDouble(Math.PI));
    }

    /**
     * @return the largest distance from the centre to the outline (um)
     */
    double reach() {
        double m = 0;
        for (int i = 0; i < VERTICES; i++) {
            m = Math.max(m, Math.hypot(px[i] - cx, py[i] - cy));
        }
        return m;
    }

    /**
     * @return bounding box {@code [minX, minY, maxX, maxY]} (um)
     */
    double[] bounds() {
        return new double[] {minX, minY, maxX, maxY};
    }

    double centreX() {
        return cx;
    }

    double centreY() {
        return cy;
    }

    /**
     * Approximate depth of a point inside the piece: {@code (r(theta) - q) min(rx, ry)}, positive
     * inside.
     *
     * @param x point x (um)
     * @param y point y (um)
     * @return the depth (um), negative outside
     */
    double depth(double x, double y) {
        double dx = x - cx;
        double dy = y - cy;
        double u = (dx * cos + dy * sin) / rx;
        double v = (dy * cos - dx * sin) / ry;
        double q = Math.hypot(u, v);
        double t = Math.atan2(v, u);
        double f = (t < 0 ? t + 2 * Math.PI : t) / (2 * Math.PI) * VERTICES;
        int i0 = (int) f % VERTICES;
        int i1 = (i0 + 1) % VERTICES;
        double w = f - Math.floor(f);
        double r = radius[i0] * (1 - w) + radius[i1] * w;
        return (r - q) * Math.min(rx, ry);
    }

    /**
     * Where the horizontal line at {@code y} crosses the outline.
     *
     * @param y the line (um)
     * @param out receives the crossing x positions, ascending
     * @return how many crossings (even)
     */
    int crossings(double y, double[] out) {
        if (y < minY || y >= maxY) {
            return 0;
        }
        int[] edges = buckets[(int) ((y - minY) / BUCKET_UM)];
        int n = 0;
        for (int i : edges) {
            int j = (i + 1) % VERTICES;
            double y0 = py[i];
            double y1 = py[j];
            if ((y0 <= y && y < y1) || (y1 <= y && y < y0)) {
                out[n++] = px[i] + (y - y0) / (y1 - y0) * (px[j] - px[i]);
            }
        }
        Arrays.sort(out, 0, n);
        return n;
    }

    private int[][] bucketEdges() {
        int nb = (int) ((maxY - minY) / BUCKET_UM) + 1;
        int[] count = new int[nb];
        for (int i = 0; i < VERTICES; i++) {
            int[] span = bucketSpan(i, nb);
            for (int b = span[0]; b <= span[1]; b++) {
                count[b]++;
            }
        }
        int[][] out = new int[nb][];
        for (int b = 0; b < nb; b++) {
            out[b] = new int[count[b]];
        }
        int[] fill = new int[nb];
        for (int i = 0; i < VERTICES; i++) {
            int[] span = bucketSpan(i, nb);
            for (int b = span[0]; b <= span[1]; b++) {
                out[b][fill[b]++] = i;
            }
        }
        return out;
    }

    private int[] bucketSpan(int i, int nb) {
        int j = (i + 1) % VERTICES;
        int b0 = (int) ((Math.min(py[i], py[j]) - minY) / BUCKET_UM);
        int b1 = (int) ((Math.max(py[i], py[j]) - minY) / BUCKET_UM);
        return new int[] {Math.min(b0, nb - 1), Math.min(b1, nb - 1)};
    }
}
