package org.lowmag.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SlidePlannerTest {

    @Test
    void piecesStayInsideTheMarginsAndWithinTheCountRange() {
        SynthesisParams p = new SynthesisParams(0.5, 5000, 4000, 2, 5, 600, 600);
        for (long seed = 1; seed <= 5; seed++) {
            SlidePlan plan = new SlidePlanner(p).plan(TissueClass.NORMAL, seed);
            assertTrue(
                    plan.pieceCount() >= 1 && plan.pieceCount() <= 5,
                    "pieces " + plan.pieceCount());
            double m = SynthesisParams.MARGIN_UM / p.mpp();
            for (int[] b : plan.tissueBoxesPx(p.mpp())) {
                assertTrue(b[0] >= m - 1 && b[1] >= m - 1, "box " + b[0] + "," + b[1]);
                assertTrue(
                        b[0] + b[2] <= p.widthPx() - m + 1 && b[1] + b[3] <= p.heightPx() - m + 1);
            }
            assertTrue(plan.glandCount() > 0 && plan.darkMarkCount() > plan.glandCount());
        }
    }

    @Test
    void normalAndDysplasiaFromOneSeedShareTheirLayout() {
        SynthesisParams p = SynthFixtures.small();
        SlidePlan n = new SlidePlanner(p).plan(TissueClass.NORMAL, 21);
        SlidePlan d = new SlidePlanner(p).plan(TissueClass.DYSPLASIA, 21);
        assertEquals(n.glandCount(), d.glandCount());
        List<int[]> nb = n.tissueBoxesPx(p.mpp());
        List<int[]> db = d.tissueBoxesPx(p.mpp());
        for (int i = 0; i < nb.size(); i++) {
            assertEquals(
                    java.util.Arrays.toString(nb.get(i)), java.util.Arrays.toString(db.get(i)));
        }
    }

    @Test
    void badParametersAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> SynthesisParams.of(0, 1000, 1000));
        assertThrows(IllegalArgumentException.class, () -> SynthesisParams.of(0.5, 100, 1000));
        assertThrows(
                IllegalArgumentException.class,
                () -> new SynthesisParams(0.5, 1000, 1000, 3, 2, 500, 600));
        assertThrows(
                IllegalArgumentException.class,
                () -> new SynthesisParams(0.5, 1000, 1000, 1, 2, 700, 600));
    }
}
