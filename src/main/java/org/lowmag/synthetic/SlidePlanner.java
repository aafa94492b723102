package org.lowmag.synthetic;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Plans a synthetic slide from a seed: places 2-5 separated tissue pieces, lays out each piece's
 * glands ({@link GlandLayout}) and cells ({@link CellLayout}), and scatters debris on the glass.
 * The plan depends only on the parameters, the class and the seed.
 */
public final class SlidePlanner {

    /** Least background gap between tissue pieces (um). */
    static final double PIECE_GAP_UM = 150;

    /** Least distance of debris from tissue (um). */
    static final double DEBRIS_CLEARANCE_UM = 80;

    private final SynthesisParams params;

    /**
     * @param params the physical set-up
     */
    public SlidePlanner(SynthesisParams params) {
        this.params = params;
    }

    /**
     * @param c the class
     * @param seed the seed
     * @return the plan
     * @throws IllegalArgumentException when not even one tissue piece fits on the slide
     */
    public SlidePlan plan(TissueClass c, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<TissuePiece> pieces = placePieces(rnd.split());
        ClassProfile profile = ClassProfile.of(c);
        List<Gland> glands = new ArrayList<>();
        List<Mark> pale = new ArrayList<>();
        List<Mark> dark = new ArrayList<>();
        for (TissuePiece piece : pieces) {
            SplittableRandom pr = rnd.split();
            List<Gland> pg = GlandLayout.layout(pr.split(), piece, c);
            PieceMap map = new PieceMap(pg, params.widthUm(), params.heightUm());
            CellLayout.epithelium(pr.split(), pg, map, profile, dark, pale);
            CellLayout.stroma(pr.split(), piece, map, profile, dark);
            glands.addAll(pg);
        }
        debris(rnd.split(), pieces, dark);
        return new SlidePlan(
                c, seed, params.widthUm(), params.heightUm(), pieces, glands, pale, dark);
    }

    private List<TissuePiece> placePieces(SplittableRandom rnd) {
        int target = rnd.nextInt(params.minPieces(), params.maxPieces() + 1);
        double m = SynthesisParams.MARGIN_UM;
        double maxFit = Math.min(params.widthUm(), params.heightUm()) - 2 * m;
        List<TissuePiece> out = new ArrayList<>();
        double shrink = 1.0;
        for (int attempt = 0; attempt < 400 && out.size() < target; attempt++) {
            if (attempt % 25 == 24) {
                shrink *= 0.85;
            }
            double span = params.maxTissueUm() - params.minTissueUm();
            double d = (params.minTissueUm() + span * rnd.nextDouble()) * shrink;
            d =
                    Math.max(
                            Math.min(d, maxFit * 0.8),
                            Math.min(params.minTissueUm(), maxFit * 0.8) * 0.6);
            double cx =
                    rnd.nextDouble(
                            m + d / 2, Math.max(m + d / 2 + 1, params.widthUm() - m - d / 2));
            double cy =
                    rnd.nextDouble(
                            m + d / 2, Math.max(m + d / 2 + 1, params.heightUm() - m - d / 2));
            TissuePiece p = TissuePiece.random(rnd, cx, cy, d);
            if (fits(p) && separated(p, out)) {
                out.add(p);
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException(
                    "no tissue piece fits on a "
                            + params.widthUm()
                            + " x "
                            + params.heightUm()
                            + " um slide");
        }
        return out;
    }

    private boolean fits(TissuePiece p) {
        double[] b = p.bounds();
        double m = SynthesisParams.MARGIN_UM;
        return b[0] >= m
                && b[1] >= m
                && b[2] <= params.widthUm() - m
                && b[3] <= params.heightUm() - m;
    }

    private static boolean separated(TissuePiece p, List<TissuePiece> others) {
        double[] b = p.bounds();
        for (TissuePiece o : others) {
            double[] c = o.bounds();
            boolean boxesApart =
                    b[0] > c[2] + PIECE_GAP_UM
                            || c[0] > b[2] + PIECE_GAP_UM
                            || b[1] > c[3] + PIECE_GAP_UM
                            || c[1] > b[3] + PIECE_GAP_UM;
            double dist = Math.hypot(p.centreX() - o.centreX(), p.centreY() - o.centreY());
            boolean circlesApart = dist > p.reach() + o.reach() + PIECE_GAP_UM;
            if (!boxesApart && !circlesApart) {
                return false;
            }
        }
        return true;
    }

    private void debris(SplittableRandom rnd, List<TissuePiece> pieces, List<Mark> dark) {
        int n = rnd.nextInt(4, 13);
        double m = 40;
        int placed = 0;
        for (int attempt = 0; attempt < 300 && placed < n; attempt++) {
            double x = rnd.nextDouble(m, params.widthUm() - m);
            double y = rnd.nextDouble(m, params.heightUm() - m);
            double a = rnd.nextDouble(3, 12);
            boolean clear = true;
            for (TissuePiece p : pieces) {
                clear &= p.depth(x, y) < -DEBRIS_CLEARANCE_UM - a;
            }
            if (!clear) {
                continue;
            }
            Blob shape =
                    Blob.random(
                            rnd,
                            x,
                            y,
                            a,
                            a * rnd.nextDouble(0.5, 1.0),
                            rnd.nextDouble(Math.PI),
                            4,
                            0.3);
            float h = (float) rnd.nextDouble(0.4, 1.6);
            float e = (float) rnd.nextDouble(0.2, 0.9);
            dark.add(new Mark(shape, false, h, e, 0.4f, rnd.nextLong()));
            placed++;
        }
    }
}
