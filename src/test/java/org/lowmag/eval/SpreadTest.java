package org.lowmag.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Mean, sample standard deviation and range over seeds, derived by hand. */
class SpreadTest {

    /**
     * 0.80, 0.84, 0.88: mean 0.84; squared deviations 0.0016, 0, 0.0016, sum 0.0032, over n - 1 = 2
     * gives 0.0016, sd 0.04.
     */
    @Test
    void threeSeeds() {
        Spread s = Spread.of(List.of(0.84, 0.80, 0.88));
        assertEquals(0.84, s.mean(), 1e-15);
        assertEquals(0.04, s.sd(), 1e-15);
        assertEquals(0.80, s.min());
        assertEquals(0.88, s.max());
        assertEquals(List.of(0.84, 0.80, 0.88), s.values(), "seed order kept");
        assertEquals(3, s.count());
    }

    @Test
    void oneSeedHasNoSpread() {
        assertEquals(new Spread(0.5, 0, 0.5, 0.5, List.of(0.5)), Spread.of(List.of(0.5)));
    }

    @Test
    void nothingOrNotFiniteIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Spread.of(List.of()));
        assertThrows(IllegalArgumentException.class, () -> Spread.of(List.of(1.0, Double.NaN)));
    }
}
