package org.lowmag.synthetic;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Gland architecture of one tissue piece.
 *
 * <p>Regular (normal and dysplasia, identical): round glands of radius {@code R ~ 0.34 S} on a
 * jittered hexagonal lattice of spacing {@code S ~ U(92, 108)} um, lumen radius {@code ~0.4 R},
 * skipped in stromal patches where low-frequency noise is below {@link #STROMAL_PATCH}.
 *
 * <p>Disorganised (carcinoma): large cribriform structures (many small punched-out lumens, some
 * with central necrosis) and solid nests, then crowded irregular glands of varied size, shape and
 * lumen, placed close enough to fuse, leaving little stroma.
 */
final class GlandLayout {

    /** Fraction of a regular piece left as stroma without glands (noise threshold). */
    static final double STROMAL_PATCH = 0.22;

    private static final float CLEAR_LUMEN = 0.03f;

    private GlandLayout() {}

    /**
     * @param rnd the random source
     * @param piece the tissue piece
     * @param c the class
     * @return the piece's glands
     */
    static List<Gland> layout(SplittableRandom rnd, TissuePiece piece, TissueClass c) {
        return c == TissueClass.CARCINOMA ? disorganised(rnd, piece) : regular(rnd, piece);
    }

    private static List<Gland> regular(SplittableRandom rnd, TissuePiece piece) {
        double spacing = rnd.nextDouble(92, 108);
        double angle = rnd.nextDouble(Math.PI / 3);
        long patchSeed = rnd.nextLong();
        double e1x = spacing * Math.cos(angle);
        double e1y = spacing * Math.sin(angle);
        double e2x = spacing * Math.cos(angle + Math.PI / 3);
        double e2y = spacing * Math.sin(angle + Math.PI / 3);
        int n = (int) Math.ceil(piece.reach() * 1.3 / spacing) + 1;
        List<Gland> out = new ArrayList<>();
        for (int j = -n; j <= n; j++) {
            for (int i = -n; i <= n; i++) {
                double x =
                        piece.centreX() + i * e1x + j * e2x + spacing * rnd.nextDouble(-0.08, 0.08);
                double y =
                        piece.centreY() + i * e1y + j * e2y + spacing * rnd.nextDouble(-0.08, 0.08);
                double r = spacing * 0.34 * rnd.nextDouble(0.9, 1.1);
                if (piece.depth(x, y) < r + 12
                        || Noise.value(patchSeed, x / 260, y / 260) < STROMAL_PATCH) {
                    continue;
                }
                out.add(ringGland(rnd, x, y, r));
            }
        }
        return out;
    }

    private static Gland ringGland(SplittableRandom rnd, double x, double y, double r) {
        double aspect = rnd.nextDouble(1.0, 1.15);
        double angle = rnd.nextDouble(Math.PI);
        Blob outer =
                Blob.random(
                        rnd, x, y, r * Math.sqrt(aspect), r / Math.sqrt(aspect), angle, 3, 0.03);
        double rl = r * rnd.nextDouble(0.36, 0.44);
        Blob lumen =
                Blob.random(
                        rnd, x, y, rl * Math.sqrt(aspect), rl / Math.sqrt(aspect), angle, 3, 0.07);
        return new Gland(outer, new Blob[] {lumen}, new float[] {CLEAR_LUMEN}, true, rl, r);
    }

    private static List<Gland> disorganised(SplittableRandom rnd, TissuePiece piece) {
        double[] box = piece.bounds();
        double area = (box[2] - box[0]) * (box[3] - box[1]);
        List<Gland> big = new ArrayList<>();
        int bigTarget = (int) Math.round(area / 1e6 * rnd.nextDouble(2.5, 4.5));
        for (int attempt = 0; attempt < bigTarget * 30 && big.size() < bigTarget; attempt++) {
            double x = rnd.nextDouble(box[0], box[2]);
            double y = rnd.nextDouble(box[1], box[3]);
            double r = rnd.nextDouble(55, 120);
            if (piece.depth(x, y) < r * 1.25 + 10 || tooClose(big, x, y, r, 15)) {
                continue;
            }
            big.add(rnd.nextDouble() < 0.6 ? cribriform(rnd, x, y, r) : solidNest(rnd, x, y, r));
        }
        List<Gland> out = new ArrayList<>(big);
        List<Gland> small = new ArrayList<>();
        int attempts = (int) (area / 400);
        for (int attempt = 0; attempt < attempts; attempt++) {
            double x = rnd.nextDouble(box[0], box[2]);
            double y = rnd.nextDouble(box[1], box[3]);
            double r = rnd.nextDouble(14, 46);
            if (piece.depth(x, y) < r * 1.4 + 8
                    || tooClose(big, x, y, -0.5 * r, 0)
                    || tooCloseCentres(small, x, y, r)) {
                continue;
            }
            Gland g = irregularGland(rnd, x, y, r);
            small.add(g);
            out.add(g);
        }
        return out;
    }

    private static boolean tooClose(List<Gland> glands, double x, double y, double r, double gap) {
        for (Gland g : glands) {
            double need = g.outer().a * 1.1 + r + gap;
            if (Math.hypot(g.outer().cx - x, g.outer().cy - y) < need) {
                return true;
            }
        }
        return false;
    }

    private static boolean tooCloseCentres(List<Gland> glands, double x, double y, double r) {
        for (Gland g : glands) {
            double need = 0.75 * Math.max(r, g.outer().a) + 14;
            if (Math.hypot(g.outer().cx - x, g.outer().cy - y) < need) {
                return true;
            }
        }
        return false;
    }

    private static Gland irregularGland(SplittableRandom rnd, double x, double y, double r) {
        double aspect = rnd.nextDouble(1.0, 2.2);
        double angle = rnd.nextDouble(Math.PI);
        Blob outer =
                Blob.random(
                        rnd, x, y, r * Math.sqrt(aspect), r / Math.sqrt(aspect), angle, 4, 0.16);
        double u = rnd.nextDouble();
        int nLumens = u < 0.12 ? 0 : u < 0.8 ? 1 : 2;
        Blob[] lumens = new Blob[nLumens];
        float[] fill = new float[nLumens];
        for (int k = 0; k < nLumens; k++) {
            double rl = r * rnd.nextDouble(0.22, 0.5) / Math.sqrt(nLumens);
            double la = rnd.nextDouble(1.0, 2.5);
            double off = r * rnd.nextDouble(0, 0.2) + (nLumens == 2 ? r * 0.35 : 0);
            double dir = angle + k * Math.PI + rnd.nextDouble(-0.4, 0.4);
            lumens[k] =
                    Blob.random(
                            rnd,
                            x + off * Math.cos(dir),
                            y + off * Math.sin(dir),
                            rl * Math.sqrt(la),
                            rl / Math.sqrt(la),
                            angle + rnd.nextDouble(-0.5, 0.5),
                            4,
                            0.22);
            fill[k] = CLEAR_LUMEN;
        }
        return new Gland(outer, lumens, fill, false, 0, 0);
    }

    private static Gland cribriform(SplittableRandom rnd, double x, double y, double r) {
        double aspect = rnd.nextDouble(1.0, 1.4);
        double angle = rnd.nextDouble(Math.PI);
        Blob outer =
                Blob.random(
                        rnd, x, y, r * Math.sqrt(aspect), r / Math.sqrt(aspect), angle, 4, 0.10);
        List<Blob> lumens = new ArrayList<>();
        List<Float> fills = new ArrayList<>();
        if (rnd.nextDouble() < 0.35) {
            double rn = r * rnd.nextDouble(0.22, 0.32);
            lumens.add(Blob.random(rnd, x, y, rn, rn * rnd.nextDouble(0.8, 1.0), angle, 3, 0.12));
            fills.add(0.45f);
        }
        int target = (int) Math.round(Math.pow(r / 20, 2) * 1.3);
        for (int attempt = 0; attempt < target * 20 && lumens.size() < target; attempt++) {
            double lx = x + rnd.nextDouble(-r, r) * 1.2;
            double ly = y + rnd.nextDouble(-r, r) * 1.2;
            double rl = rnd.nextDouble(4, 10);
            if (outer.depth(lx, ly) < rl + 7 || overlaps(lumens, lx, ly, rl + 6)) {
                continue;
            }
            lumens.add(
                    Blob.random(
                            rnd,
                            lx,
                            ly,
                            rl,
                            rl * rnd.nextDouble(0.75, 1.0),
                            rnd.nextDouble(Math.PI),
                            3,
                            0.08));
            fills.add(CLEAR_LUMEN);
        }
        float[] fill = new float[fills.size()];
        for (int i = 0; i < fill.length; i++) {
            fill[i] = fills.get(i);
        }
        return new Gland(outer, lumens.toArray(new Blob[0]), fill, false, 0, 0);
    }

    private static boolean overlaps(List<Blob> blobs, double x, double y, double r) {
        for (Blob b : blobs) {
            if (Math.hypot(b.cx - x, b.cy - y) < b.a + r) {
                return true;
            }
        }
        return false;
    }

    private static Gland solidNest(SplittableRandom rnd, double x, double y, double r) {
        double aspect = rnd.nextDouble(1.0, 1.6);
        Blob outer =
                Blob.random(
                        rnd,
                        x,
                        y,
                        r * Math.sqrt(aspect),
                        r / Math.sqrt(aspect),
                        rnd.nextDouble(Math.PI),
                        5,
                        0.2);
        return new Gland(outer, new Blob[0], new float[0], false, 0, 0);
    }
}
