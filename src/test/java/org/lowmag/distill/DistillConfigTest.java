package org.lowmag.distill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Configuration parsing and validation (no engine). */
class DistillConfigTest {

    @Test
    void temperatureMustBePositiveAndFinite() {
        for (double bad : new double[] {0, -1, Double.NaN, Double.POSITIVE_INFINITY}) {
            IllegalArgumentException e =
                    assertThrows(IllegalArgumentException.class, () -> DistillConfig.paper(bad));
            assertTrue(e.getMessage().contains(String.valueOf(bad)), e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> new SoftLoss(bad));
        }
        assertThrows(NullPointerException.class, () -> new DistillConfig(1, null, PixelNorm.L2));
    }

    @Test
    void paperDefaultsAreBothResizersAndSquaredError() {
        DistillConfig c = DistillConfig.paper(4.5);
        assertEquals(ResizeMode.MAXPOOL_BICUBIC, c.resize());
        assertEquals(PixelNorm.L2, c.pixelNorm());
        assertEquals(
                List.of(AdaptiveMaxPoolResizer.INSTANCE, BicubicResizer.INSTANCE),
                c.resize().resizers());
    }

    @Test
    void flagsRoundTripAndBadOnesAreNamed() {
        for (ResizeMode m : ResizeMode.values()) {
            assertEquals(m, ResizeMode.fromFlag(m.flag()));
        }
        assertEquals(ResizeMode.MAXPOOL_BICUBIC, ResizeMode.fromFlag(" MaxPool+Bicubic "));
        assertEquals(PixelNorm.L1, PixelNorm.fromFlag("L1"));
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> ResizeMode.fromFlag("bilinear"));
        assertTrue(
                e.getMessage().contains("'bilinear'")
                        && e.getMessage().contains("maxpool+bicubic"));
        assertThrows(IllegalArgumentException.class, () -> PixelNorm.fromFlag("l3"));
        assertTrue(ResizeMode.NONE.resizers().isEmpty());
    }
}
