package org.lowmag.infer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lowmag.tissue.ConnectedComponents;

/** Crack-following outlines on tiny hand-drawn masks. */
class TissueContoursTest {

    private static ConnectedComponents labels(String... rows) {
        int w = rows[0].length();
        boolean[] m = new boolean[w * rows.length];
        for (int y = 0; y < rows.length; y++) {
            for (int x = 0; x < w; x++) {
                m[y * w + x] = rows[y].charAt(x) == '#';
            }
        }
        return ConnectedComponents.label(m, w, rows.length);
    }

    private static String text(List<double[]> ring) {
        List<String> s = new ArrayList<>();
        for (double[] p : ring) {
            s.add((int) p[0] + "," + (int) p[1]);
        }
        return String.join(" ", s);
    }

    @Test
    void onePixelIsItsFourCorners() {
        List<double[]> ring = TissueContours.trace(labels("...", ".#.", "..."), 1);
        assertEquals("1,1 2,1 2,2 1,2 1,1", text(ring));
        assertEquals(1.0, TissueContours.signedArea(ring));
    }

    /**
     * An L: corners at every turn only, clockwise on screen (east along the top first), area 4.
     *
     * <pre>
     *   #.
     *   #.
     *   ##
     * </pre>
     */
    @Test
    void lShapeTurnsOnly() {
        List<double[]> ring = TissueContours.trace(labels("#.", "#.", "##"), 1);
        assertEquals("0,0 1,0 1,2 2,2 2,3 0,3 0,0", text(ring));
        assertEquals(4.0, TissueContours.signedArea(ring));
    }

    /**
     * Two pixels touching at a corner are one 8-connected piece: the outline passes through the
     * shared corner (2, 1) twice and encloses both pixels (area 2).
     *
     * <pre>
     *   .#.
     *   #..
     * </pre>
     */
    @Test
    void diagonalNeighboursStayOnePiece() {
        ConnectedComponents l = labels(".#.", "#..");
        assertEquals(1, l.count());
        List<double[]> ring = TissueContours.trace(l, 1);
        assertEquals("1,0 2,0 2,1 1,1 1,2 0,2 0,1 1,1 1,0", text(ring));
        assertEquals(2.0, TissueContours.signedArea(ring));
    }

    @Test
    void areaOfAHoleFreeBlobEqualsItsPixelCount() {
        ConnectedComponents l =
                labels(
                        "..........",
                        "...####...",
                        "..######..",
                        ".########.",
                        "..######..",
                        "...##.....",
                        "..........");
        assertEquals(26.0, TissueContours.signedArea(TissueContours.trace(l, 1)));
        assertEquals(26, l.area(1));
        assertThrows(IllegalArgumentException.class, () -> TissueContours.trace(l, 2));
    }

    @Test
    void simplifyDropsStaircaseCornersWithinTolerance() {
        // a 1-pixel staircase of 6 steps between (0, 0) and (6, 6), closed back along the axes
        List<double[]> ring = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            ring.add(new double[] {i, i});
            ring.add(new double[] {i + 1, i});
        }
        ring.add(new double[] {6, 6});
        ring.add(new double[] {0, 6});
        ring.add(new double[] {0, 0});
        List<double[]> s = TissueContours.simplify(ring, 0.75);
        // the staircase's outer corners lie 1/sqrt(2) = 0.707 px from the diagonal: dropped
        assertEquals("0,0 6,6 0,6 0,0", text(s));
        // with a tolerance under 0.707 px and every corner 0.707 px off its chord, all stay
        assertEquals(text(ring), text(TissueContours.simplify(ring, 0.4)));
        // rings of fewer than five points are returned as they are
        List<double[]> tiny = ring.subList(0, 4);
        assertEquals(tiny, TissueContours.simplify(tiny, 10));
    }

    @Test
    void distanceToASegment() {
        double[] a = {0, 0};
        double[] b = {4, 0};
        assertEquals(3.0, TissueContours.distance(new double[] {2, 3}, a, b), 1e-12);
        assertEquals(5.0, TissueContours.distance(new double[] {-3, 4}, a, b), 1e-12);
        assertEquals(5.0, TissueContours.distance(new double[] {3, 4}, a, a), 1e-12);
    }
}
