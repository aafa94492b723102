package org.lowmag.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** R-7 quantiles; expected values equal NumPy's {@code np.percentile(x, 100 q)}. */
class PercentilesTest {

    /**
     * x = [1, 2, 3, 4]: q = 0.25 gives h = 3 * 0.25 = 0.75, Q = 1 + 0.75 (2 - 1) = 1.75; q = 0.5
     * gives h = 1.5, Q = 2.5; q = 0.9 gives h = 2.7, Q = 3.7.
     */
    @Test
    void interpolatesLinearly() {
        double[] x = {1, 2, 3, 4};
        assertEquals(1.0, Percentiles.linear(x, 0), 0);
        assertEquals(1.75, Percentiles.linear(x, 0.25), 1e-15);
        assertEquals(2.5, Percentiles.linear(x, 0.5), 1e-15);
        assertEquals(3.7, Percentiles.linear(x, 0.9), 1e-15);
        assertEquals(4.0, Percentiles.linear(x, 1), 0);
    }

    /**
     * 10,000 values 0..9999: q = 0.025 gives h = 9999 * 0.025 = 249.975, Q = 249.975; q = 0.975
     * gives h = 9749.025, Q = 9749.025.
     */
    @Test
    void paperLevelOnTenThousandValues() {
        double[] x = new double[10_000];
        for (int i = 0; i < x.length; i++) {
            x[i] = i;
        }
        BootstrapConfig cfg = BootstrapConfig.paper(1);
        assertEquals(249.975, Percentiles.linear(x, cfg.lowerQuantile()), 1e-9);
        assertEquals(9749.025, Percentiles.linear(x, cfg.upperQuantile()), 1e-9);
    }

    @Test
    void singleValue() {
        assertEquals(5.0, Percentiles.linear(new double[] {5}, 0.3), 0);
    }

    @Test
    void rejectsBadInput() {
        assertThrows(IllegalArgumentException.class, () -> Percentiles.linear(new double[0], 0.5));
        assertThrows(
                IllegalArgumentException.class, () -> Percentiles.linear(new double[] {1}, 1.5));
        assertThrows(
                IllegalArgumentException.class,
                () -> Percentiles.linear(new double[] {1}, Double.NaN));
    }
}
