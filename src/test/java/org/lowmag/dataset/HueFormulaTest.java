package org.lowmag.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link ColorJitter#shiftHue} evaluates torchvision's hue adjustment in a branch-free form; this
 * checks it against a literal transcription of torchvision's {@code _rgb2hsv}, {@code (h + f) % 1}
 * and {@code _hsv2rgb} (sector table) on random pixels, including all 8-bit greys and primaries.
 */
class HueFormulaTest {

    /** torchvision's formulas, written out sector by sector. */
    private static double[] reference(double r, double g, double b, double shift) {
        double maxc = Math.max(r, Math.max(g, b));
        double minc = Math.min(r, Math.min(g, b));
        boolean eqc = maxc == minc;
        double cr = maxc - minc;
        double s = cr / (eqc ? 1.0 : maxc);
        double crDivisor = eqc ? 1.0 : cr;
        double rc = (maxc - r) / crDivisor;
        double gc = (maxc - g) / crDivisor;
        double bc = (maxc - b) / crDivisor;
        double h;
        if (maxc == r) {
            h = bc - gc;
        } else if (maxc == g) {
            h = 2.0 + rc - bc;
        } else {
            h = 4.0 + gc - rc;
        }
        h = (h / 6.0 + 1.0) % 1.0; // torch.fmod
        h = h + shift;
        h = h - Math.floor(h); // Python / torch floor modulo by 1
        double v = maxc;
        double i = Math.floor(h * 6.0);
        double f = h * 6.0 - i;
        double p = clamp(v * (1.0 - s));
        double q = clamp(v * (1.0 - s * f));
        double t = clamp(v * (1.0 - s * (1.0 - f)));
        return switch (((int) i) % 6) {
            case 0 -> new double[] {v, t, p};
            case 1 -> new double[] {q, v, p};
            case 2 -> new double[] {p, v, t};
            case 3 -> new double[] {p, q, v};
            case 4 -> new double[] {t, p, v};
            default -> new double[] {v, p, q};
        };
    }

    private static double clamp(double v) {
        return Math.max(0.0, Math.min(1.0, v));
    }

    private static void check(double r, double g, double b, double shift) {
        double[] want = reference(r, g, b, shift);
        double[] rr = {r};
        double[] gg = {g};
        double[] bb = {b};
        ColorJitter.shiftHue(rr, gg, bb, shift);
        String at = "(" + r + ", " + g + ", " + b + ") shift " + shift;
        assertEquals(want[0], rr[0], 1e-12, "R " + at);
        assertEquals(want[1], gg[0], 1e-12, "G " + at);
        assertEquals(want[2], bb[0], 1e-12, "B " + at);
    }

    @Test
    void matchesTorchvisionFormulasOnRandomPixels() {
        SplittableRandom rnd = new SplittableRandom(5);
        for (int n = 0; n < 200_000; n++) {
            double shift = rnd.nextInt(10) == 0 ? 0.0 : rnd.nextDouble(-0.5, 0.5);
            check(
                    rnd.nextInt(256) / 255.0,
                    rnd.nextInt(256) / 255.0,
                    rnd.nextInt(256) / 255.0,
                    shift);
        }
    }

    @Test
    void matchesOnGreysPrimariesAndSectorEdges() {
        double[] shifts = {-0.5, -1.0 / 3, -1.0 / 6, 0.0, 1.0 / 6, 1.0 / 3, 0.5};
        for (double shift : shifts) {
            for (int v = 0; v < 256; v++) {
                check(v / 255.0, v / 255.0, v / 255.0, shift);
            }
            check(1, 0, 0, shift);
            check(0, 1, 0, shift);
            check(0, 0, 1, shift);
            check(1, 1, 0, shift);
            check(0, 1, 1, shift);
            check(1, 0, 1, shift);
        }
    }
}
