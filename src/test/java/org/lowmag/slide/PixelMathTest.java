package org.lowmag.slide;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Hand-derived values for the level choice, the area weights and the alpha compositing. */
class PixelMathTest {

    @Test
    void levelChoiceAllowsOnePercentSlack() {
        List<Double> ds = List.of(1.0, 2.0005, 8.001);
        assertEquals(0, LevelChooser.choose(ds, 1.0));
        assertEquals(0, LevelChooser.choose(ds, 1.9));
        assertEquals(1, LevelChooser.choose(ds, 2.0)); // 2.0005 <= 2 * 1.01
        assertEquals(1, LevelChooser.choose(ds, 7.9)); // 8.001 > 7.9 * 1.01 = 7.979
        assertEquals(2, LevelChooser.choose(ds, 7.95)); // 8.001 <= 8.0295
        assertEquals(2, LevelChooser.choose(ds, 100));
    }

    @Test
    void alignedUnitStepIsAnExactCopy() {
        AreaWeights w = AreaWeights.compute(5, 1, 3);
        for (int i = 0; i < 3; i++) {
            assertEquals(5 + i, w.first(i));
            assertEquals(1, w.count(i));
            assertEquals(1f, w.weight(i, 0));
        }
    }

    @Test
    void stepTwoAveragesPairs() {
        AreaWeights w = AreaWeights.compute(0, 2, 2);
        assertEquals(0, w.first(0));
        assertEquals(2, w.count(0));
        assertEquals(0.5f, w.weight(0, 0));
        assertEquals(0.5f, w.weight(0, 1));
        assertEquals(2, w.first(1));
    }

    /** Step 1.5 from 0: [0,1.5) -> {1, 0.5}/1.5, [1.5,3) -> {0.5, 1}/1.5. */
    @Test
    void fractionalStep() {
        AreaWeights w = AreaWeights.compute(0, 1.5, 2);
        assertEquals(0, w.first(0));
        assertEquals(2, w.count(0));
        assertEquals(2 / 3f, w.weight(0, 0), 1e-6);
        assertEquals(1 / 3f, w.weight(0, 1), 1e-6);
        assertEquals(1, w.first(1));
        assertEquals(1 / 3f, w.weight(1, 0), 1e-6);
        assertEquals(2 / 3f, w.weight(1, 1), 1e-6);
        assertEquals(3, w.end(1));
    }

    /** A box narrower than a pixel (slight upsampling) touches one or two pixels. */
    @Test
    void stepBelowOne() {
        AreaWeights w = AreaWeights.compute(0.5, 0.75, 2);
        assertEquals(0, w.first(0)); // [0.5, 1.25): 0.5 of pixel 0, 0.25 of pixel 1
        assertEquals(2 / 3f, w.weight(0, 0), 1e-6);
        assertEquals(1, w.first(1)); // [1.25, 2.0): pixel 1 only
        assertEquals(1, w.count(1));
    }

    @Test
    void negativeStartsReachLeftOfTheImage() {
        AreaWeights w = AreaWeights.compute(-2, 1, 1);
        assertEquals(-2, w.first(0));
    }

    /** Premultiplied over white: c_p + 255 - a. Straight: (c a + 255 (255 - a)) / 255. */
    @Test
    void compositingOntoWhite() {
        assertEquals(0xFFFFFF, RgbPixels.premultipliedOverWhite(0x00000000));
        assertEquals(0x123456, RgbPixels.premultipliedOverWhite(0xFF123456));
        // a = 128, premultiplied R = 64 -> 64 + 127 = 191; G = 0 -> 127; B = 128 -> 255.
        assertEquals(0xBF7FFF, RgbPixels.premultipliedOverWhite(0x80400080));
        assertEquals(0xFFFFFF, RgbPixels.overWhite(0x00123456));
        // a = 51 (20 %), R = 0 -> (0 + 255 * 204) / 255 = 204 = 0xCC.
        assertEquals(0xCCCCCC, RgbPixels.overWhite(0x33000000));
    }
}
