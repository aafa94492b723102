package org.lowmag.synthetic;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Where nuclei, mitoses, goblet vacuoles and stromal cells go in one tissue piece.
 *
 * <p>Ring glands: {@code n = round(2 pi rho / s)} nuclei at angles {@code 2 pi (i + U(-0.2, 0.2)) /
 * n} around the gland, at radius {@code rho = r_lumen + d (R - r_lumen)} with {@code d ~
 * U(depthMin, depthMax)} ({@code s} = the profile's lining spacing), long axis radial. Irregular
 * epithelium (carcinoma): a jittered grid of spacing {@code s}, each point kept when it lies in the
 * epithelium of the first gland containing it. Stroma: a jittered 21 um grid, 75% kept, 60% round
 * lymphocytes and 40% spindle fibroblasts along the fibre direction.
 */
final class CellLayout {

    private static final double STROMA_GRID_UM = 21;

    private CellLayout() {}

    /**
     * Adds the lining nuclei (and goblets, mitoses) of every gland of a piece.
     *
     * @param rnd the random source
     * @param glands the piece's glands
     * @param map the same glands, indexed
     * @param p the class profile
     * @param dark receives nuclei and mitoses
     * @param pale receives goblet vacuoles and mitotic halos
     */
    static void epithelium(
            SplittableRandom rnd,
            List<Gland> glands,
            PieceMap map,
            ClassProfile p,
            List<Mark> dark,
            List<Mark> pale) {
        for (int gi = 0; gi < glands.size(); gi++) {
            Gland g = glands.get(gi);
            if (g.ring()) {
                ring(rnd, g, p, dark, pale);
            } else {
                fill(rnd, gi, g, map, p, dark, pale);
            }
            necroticDust(rnd, g, dark);
        }
    }

    private static void ring(
            SplittableRandom rnd, Gland g, ClassProfile p, List<Mark> dark, List<Mark> pale) {
        double cx = g.outer().cx;
        double cy = g.outer().cy;
        double thick = g.outerUm() - g.innerUm();
        double mid = g.innerUm() + thick * (p.depthMin() + p.depthMax()) / 2;
        int n = (int) Math.round(2 * Math.PI * mid / p.liningSpacingUm());
        for (int i = 0; i < n; i++) {
            double t = 2 * Math.PI * (i + rnd.nextDouble(-0.2, 0.2)) / n;
            double rho = g.innerUm() + thick * rnd.nextDouble(p.depthMin(), p.depthMax() + 1e-9);
            double x = cx + rho * Math.cos(t);
            double y = cy + rho * Math.sin(t);
            if (g.inEpithelium(x, y, 0.4 * p.nucleusDiameterUm())) {
                addNucleus(rnd, x, y, t, p, dark, pale);
            }
        }
        int goblets = (int) Math.round(n * p.gobletPerNucleus());
        for (int i = 0; i < goblets; i++) {
            double t = 2 * Math.PI * (i + 0.5 + rnd.nextDouble(-0.2, 0.2)) / goblets;
            double rho = g.innerUm() + thick * rnd.nextDouble(0.22, 0.42);
            double x = cx + rho * Math.cos(t);
            double y = cy + rho * Math.sin(t);
            if (g.inEpithelium(x, y, 1.5)) {
                pale.add(goblet(rnd, x, y, t));
            }
        }
    }

    private static void fill(
            SplittableRandom rnd,
            int gi,
            Gland g,
            PieceMap map,
            ClassProfile p,
            List<Mark> dark,
            List<Mark> pale) {
        double s = p.liningSpacingUm();
        double reach = g.outer().reach();
        for (double y = g.outer().cy - reach; y < g.outer().cy + reach; y += s) {
            for (double x = g.outer().cx - reach; x < g.outer().cx + reach; x += s) {
                double px = x + rnd.nextDouble(-0.35, 0.35) * s;
                double py = y + rnd.nextDouble(-0.35, 0.35) * s;
                if (g.inEpithelium(px, py, 1.5)
                        && map.firstGlandContaining(px, py) == gi
                        && map.outsideLumens(px, py, 1.5)) {
                    addNucleus(rnd, px, py, rnd.nextDouble(Math.PI), p, dark, pale);
                    if (rnd.nextDouble() < p.gobletPerNucleus()) {
                        pale.add(goblet(rnd, px + s / 2, py, rnd.nextDouble(Math.PI)));
                    }
                }
            }
        }
    }

    private static void addNucleus(
            SplittableRandom rnd,
            double x,
            double y,
            double radial,
            ClassProfile p,
            List<Mark> dark,
            List<Mark> pale) {
        if (rnd.nextDouble() < p.mitosisRate()) {
            double a = rnd.nextDouble(3.5, 5.0);
            Blob fig =
                    Blob.random(
                            rnd,
                            x,
                            y,
                            a,
                            rnd.nextDouble(1.2, 1.8),
                            rnd.nextDouble(Math.PI),
                            4,
                            0.35);
            dark.add(new Mark(fig, false, 2.9f, 0.05f, 0.3f, rnd.nextLong()));
            Blob halo = Blob.random(rnd, x, y, a + 2.5, a + 1.5, rnd.nextDouble(Math.PI), 3, 0.08);
            pale.add(new Mark(halo, true, 0.04f, 0.14f, 0f, 0L));
            return;
        }
        double d =
                p.nucleusDiameterUm()
                        * clamp(1 + p.diameterCv() * rnd.nextGaussian(0, 1), 0.6, 1.8);
        double aspect = rnd.nextDouble(1.0, p.aspectMax() + 1e-9);
        double angle = radial + 0.35 * rnd.nextGaussian(0, 1);
        Blob shape =
                Blob.random(
                        rnd,
                        x,
                        y,
                        d / 2 * Math.sqrt(aspect),
                        d / 2 / Math.sqrt(aspect),
                        angle,
                        3,
                        p.irregularity());
        float h = (float) Math.max(0.6, p.nucleusH() + p.nucleusHSd() * rnd.nextGaussian(0, 1));
        dark.add(new Mark(shape, false, h, 0.08f, (float) p.texture(), rnd.nextLong()));
    }

    private static Mark goblet(SplittableRandom rnd, double x, double y, double radial) {
        Blob shape =
                Blob.random(
                        rnd,
                        x,
                        y,
                        rnd.nextDouble(3.6, 5.0),
                        rnd.nextDouble(2.6, 3.6),
                        radial,
                        3,
                        0.06);
        return new Mark(shape, true, 0.16f, 0.05f, 0f, 0L);
    }

    private static void necroticDust(SplittableRandom rnd, Gland g, List<Mark> dark) {
        for (int k = 0; k < g.lumens().length; k++) {
            if (g.lumenFill()[k] < 0.2f) {
                continue;
            }
            Blob l = g.lumens()[k];
            int n = (int) (Math.PI * l.a * l.b / 40);
            for (int i = 0; i < n; i++) {
                double x = l.cx + rnd.nextDouble(-l.a, l.a);
                double y = l.cy + rnd.nextDouble(-l.a, l.a);
                if (l.depth(x, y) > 2) {
                    double r = rnd.nextDouble(0.6, 1.8);
                    Blob speck = Blob.random(rnd, x, y, r, r * rnd.nextDouble(0.5, 1), 0, 3, 0.2);
                    dark.add(
                            new Mark(
                                    speck,
                                    false,
                                    (float) rnd.nextDouble(1.2, 2.4),
                                    0.3f,
                                    0.2f,
                                    rnd.nextLong()));
                }
            }
        }
    }

    /**
     * Adds stromal cells (lymphocytes and fibroblasts) of a piece.
     *
     * @param rnd the random source
     * @param piece the piece
     * @param map its glands
     * @param p the class profile
     * @param dark receives the nuclei
     */
    static void stroma(
            SplittableRandom rnd,
            TissuePiece piece,
            PieceMap map,
            ClassProfile p,
            List<Mark> dark) {
        double[] box = piece.bounds();
        double s = STROMA_GRID_UM;
        for (double y = box[1]; y < box[3]; y += s) {
            for (double x = box[0]; x < box[2]; x += s) {
                double px = x + rnd.nextDouble(s);
                double py = y + rnd.nextDouble(s);
                boolean keep = rnd.nextDouble() < p.stromaCellRate();
                if (!keep || piece.depth(px, py) < 5 || !map.inStroma(px, py, 3)) {
                    continue;
                }
                Blob shape;
                float h;
                if (rnd.nextDouble() < 0.6) {
                    double r = rnd.nextDouble(2.5, 3.1);
                    shape =
                            Blob.random(
                                    rnd,
                                    px,
                                    py,
                                    r,
                                    r / rnd.nextDouble(1.0, 1.15),
                                    rnd.nextDouble(Math.PI),
                                    3,
                                    0.03);
                    h = (float) rnd.nextDouble(1.8, 2.2);
                } else {
                    double angle = piece.fibreAngle + 0.25 * rnd.nextGaussian(0, 1);
                    shape =
                            Blob.random(
                                    rnd,
                                    px,
                                    py,
                                    rnd.nextDouble(4, 6),
                                    rnd.nextDouble(1.1, 1.6),
                                    angle,
                                    3,
                                    0.05);
                    h = (float) rnd.nextDouble(1.2, 1.6);
                }
                dark.add(new Mark(shape, false, h, 0.1f, 0.15f, rnd.nextLong()));
            }
        }
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
