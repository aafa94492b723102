package org.lowmag.infer;

import java.util.ArrayList;
import java.util.List;
import org.lowmag.tissue.ConnectedComponents;

/**
 * The outline of one tissue piece as a polygon, traced on the tissue mask and simplified.
 *
 * <p>Tracing follows the cracks between pixels (vertices are pixel corners, mask pixel {@code (x,
 * y)} spans {@code [x, x + 1] x [y, y + 1]}), keeping the piece on the right-hand side and starting
 * on the top edge of its first pixel in raster order. At each corner, with {@code L} and {@code R}
 * the pixels ahead-left and ahead-right: turn left if {@code L} is in the piece, else go straight
 * if {@code R} is, else turn right; testing {@code L} first follows diagonal (8-connected) links,
 * as the detector's labelling does. The result is the outer boundary (holes are ignored), a closed
 * ring (first = last) with positive signed area {@code sum (x_i y_{i+1} - x_{i+1} y_i) / 2} (RFC
 * 7946's right-hand rule on the raw numbers). {@link #simplify} then applies Douglas-Peucker.
 */
public final class TissueContours {

    private static final int[] DX = {1, 0, -1, 0};
    private static final int[] DY = {0, 1, 0, -1};

    private TissueContours() {}

    /**
     * @param labels the labelled mask
     * @param id the piece's label
     * @return its outer boundary as a closed ring of corner points {@code {x, y}} (turns only)
     */
    public static List<double[]> trace(ConnectedComponents labels, int id) {
        if (id < 1 || id > labels.count()) {
            throw new IllegalArgumentException(
                    "no piece " + id + " (the mask has " + labels.count() + ")");
        }
        int sx = labels.minX(id);
        int sy = labels.minY(id);
        while (labels.labelAt(sx, sy) != id) {
            sx++;
        }
        List<double[]> ring = new ArrayList<>();
        ring.add(new double[] {sx, sy});
        int x = sx + 1;
        int y = sy;
        int dir = 0;
        long limit = 4L * (labels.widthPx() + 1) * (labels.heightPx() + 1);
        for (long step = 0; !(x == sx && y == sy && dir == 3) && step < limit; step++) {
            int next = turn(labels, id, x, y, dir);
            if (next != dir) {
                ring.add(new double[] {x, y});
            }
            dir = next;
            x += DX[dir];
            y += DY[dir];
        }
        ring.add(new double[] {sx, sy});
        return ring;
    }

    /** The direction to leave corner (x, y) by, arriving in direction {@code dir}. */
    private static int turn(ConnectedComponents labels, int id, int x, int y, int dir) {
        int left = (dir + 3) % 4;
        // ahead-left and ahead-right pixels of corner (x, y) for each direction E, S, W, N
        int[][] ahead = {
            {x, y - 1, x, y},
            {x, y, x - 1, y},
            {x - 1, y, x - 1, y - 1},
            {x - 1, y - 1, x, y - 1}
        };
        int[] a = ahead[dir];
        if (in(labels, id, a[0], a[1])) {
            return left;
        }
        if (in(labels, id, a[2], a[3])) {
            return dir;
        }
        return (dir + 1) % 4;
    }

    private static boolean in(ConnectedComponents labels, int id, int x, int y) {
        return x >= 0
                && y >= 0
                && x < labels.widthPx()
                && y < labels.heightPx()
                && labels.labelAt(x, y) == id;
    }

    /**
     * Douglas-Peucker simplification of a closed ring: keeps the points farther than {@code
     * tolerance} from the chord of the points kept around them. Rings that would collapse below
     * three distinct points are returned unchanged.
     *
     * @param ring a closed ring (first = last)
     * @param tolerance the largest distance a dropped point may lie from the result
     * @return the simplified closed ring
     */
    public static List<double[]> simplify(List<double[]> ring, double tolerance) {
        int n = ring.size();
        if (n < 5) {
            return ring;
        }
        boolean[] keep = new boolean[n];
        keep[0] = true;
        keep[n - 1] = true;
        int far = 0;
        double best = -1;
        for (int i = 1; i < n - 1; i++) {
            double d = Math.hypot(ring.get(i)[0] - ring.get(0)[0], ring.get(i)[1] - ring.get(0)[1]);
            if (d > best) {
                best = d;
                far = i;
            }
        }
        keep[far] = true;
        mark(ring, 0, far, tolerance, keep);
        mark(ring, far, n - 1, tolerance, keep);
        List<double[]> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (keep[i]) {
                out.add(ring.get(i));
            }
        }
        return out.size() >= 4 ? out : ring;
    }

    private static void mark(List<double[]> pts, int a, int b, double tol, boolean[] keep) {
        int[] stack = new int[2 * pts.size() + 2];
        int top = 0;
        stack[top++] = a;
        stack[top++] = b;
        while (top > 0) {
            int j = stack[--top];
            int i = stack[--top];
            int worst = -1;
            double max = tol;
            for (int k = i + 1; k < j; k++) {
                double d = distance(pts.get(k), pts.get(i), pts.get(j));
                if (d > max) {
                    max = d;
                    worst = k;
                }
            }
            if (worst >= 0) {
                keep[worst] = true;
                stack[top++] = i;
                stack[top++] = worst;
                stack[top++] = worst;
                stack[top++] = j;
            }
        }
    }

    /** Distance from p to the segment a-b. */
    static double distance(double[] p, double[] a, double[] b) {
        double vx = b[0] - a[0];
        double vy = b[1] - a[1];
        double len2 = vx * vx + vy * vy;
        double t = len2 == 0 ? 0 : ((p[0] - a[0]) * vx + (p[1] - a[1]) * vy) / len2;
        t = Math.max(0, Math.min(1, t));
        return Math.hypot(p[0] - a[0] - t * vx, p[1] - a[1] - t * vy);
    }

    /**
     * Signed area of a closed ring: {@code sum (x_i y_{i+1} - x_{i+1} y_i) / 2}.
     *
     * @param ring a closed ring
     * @return the signed area
     */
    public static double signedArea(List<double[]> ring) {
        double s = 0;
        for (int i = 0; i + 1 < ring.size(); i++) {
            s += ring.get(i)[0] * ring.get(i + 1)[1] - ring.get(i + 1)[0] * ring.get(i)[1];
        }
        return s / 2;
    }
}
