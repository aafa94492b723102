package org.lowmag.synthetic;

import java.util.SplittableRandom;

/**
 * A star-shaped blob in micrometres: an ellipse with semi-axes {@code a, b} rotated by an angle,
 * whose boundary is modulated by harmonics. With {@code (u, v)} the point in the ellipse's frame,
 * {@code q = sqrt((u/a)^2 + (v/b)^2)} and {@code theta} its angle in the unit frame, the point is
 * inside when {@code q < r(theta) = 1 + sum_k (c_k cos(k theta) - s_k sin(k theta))}, {@code k = 2,
 * 3, ...}. The signed distance to the boundary is approximated to first order as {@code (r - q) /
 * |grad q|}, positive inside.
 */
final class Blob {

    final double cx;
    final double cy;
    final double a;
    final double b;
    private final double cos;
    private final double sin;
    private final double[] harmC;
    private final double[] harmS;
    private final double reach;

    /**
     * @param cx centre x (um)
     * @param cy centre y (um)
     * @param a first semi-axis (um)
     * @param b second semi-axis (um)
     * @param angle rotation of the first axis (radians)
     * @param harmC cosine coefficients for k = 2, 3, ...
     * @param harmS sine coefficients for k = 2, 3, ...
     */
    Blob(double cx, double cy, double a, double b, double angle, double[] harmC, double[] harmS) {
        if (!(a > 0 && b > 0) || harmC.length != harmS.length) {
            throw new IllegalArgumentException("bad blob: a=" + a + ", b=" + b);
        }
        this.cx = cx;
        this.cy = cy;
        this.a = a;
        this.b = b;
        this.cos = Math.cos(angle);
        this.sin = Math.sin(angle);
        this.harmC = harmC.clone();
        this.harmS = harmS.clone();
        double amp = 0;
        for (int i = 0; i < harmC.length; i++) {
            amp += Math.hypot(harmC[i], harmS[i]);
        }
        this.reach = Math.max(a, b) * (1 + amp);
    }

    /**
     * A blob with random harmonics of relative amplitude about {@code irregularity}.
     *
     * @param rnd the random source
     * @param cx centre x (um)
     * @param cy centre y (um)
     * @param a first semi-axis (um)
     * @param b second semi-axis (um)
     * @param angle rotation (radians)
     * @param harmonics how many harmonics (k = 2 .. harmonics + 1)
     * @param irregularity amplitude of the first harmonic; higher ones fall off as 1/k
     * @return the blob
     */
    static Blob random(
            SplittableRandom rnd,
            double cx,
            double cy,
            double a,
            double b,
            double angle,
            int harmonics,
            double irregularity) {
        double[] c = new double[harmonics];
        double[] s = new double[harmonics];
        for (int i = 0; i < harmonics; i++) {
            double amp = irregularity * 2.0 / (i + 2) * rnd.nextDouble(0.3, 1.0);
            double phase = rnd.nextDouble(2 * Math.PI);
            c[i] = amp * Math.cos(phase);
            s[i] = amp * Math.sin(phase);
        }
        return new Blob(cx, cy, a, b, angle, c, s);
    }

    /**
     * @return a radius (um) around the centre outside of which no point is inside
     */
    double reach() {
        return reach;
    }

    /**
     * Signed distance to the boundary, approximately, positive inside.
     *
     * @param x point x (um)
     * @param y point y (um)
     * @return the distance (um); a negative value when outside (exact only near the boundary)
     */
    double depth(double x, double y) {
        double dx = x - cx;
        double dy = y - cy;
        if (Math.abs(dx) > reach || Math.abs(dy) > reach) {
            return -reach;
        }
        double nu = (dx * cos + dy * sin) / a;
        double nv = (dy * cos - dx * sin) / b;
        double q = Math.sqrt(nu * nu + nv * nv);
        if (q < 1e-9) {
            return Math.min(a, b);
        }
        double zc = nu / q;
        double zs = nv / q;
        double pc = zc;
        double ps = zs;
        double r = 1;
        for (int i = 0; i < harmC.length; i++) {
            double t = pc * zc - ps * zs;
            ps = pc * zs + ps * zc;
            pc = t;
            r += harmC[i] * pc - harmS[i] * ps;
        }
        double grad = Math.sqrt(nu * nu / (a * a) + nv * nv / (b * b)) / q;
        return (r - q) / grad;
    }
}
