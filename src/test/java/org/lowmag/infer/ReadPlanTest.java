package org.lowmag.infer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.lowmag.slide.ScanMagnification;
import org.lowmag.slide.SlideMetadata;
import org.lowmag.util.LowMagException;

/** Level choice: the coarsest level at least as fine as the model, then Lanczos the rest. */
class ReadPlanTest {

    /** A 40x slide with levels at downsamples 1, 4.0003 (scanner rounding), 16, 64. */
    private static final SlideMetadata SLIDE =
            new SlideMetadata(
                    "s.svs",
                    64000,
                    32000,
                    List.of(64000L, 15999L, 4000L, 1000L),
                    List.of(32000L, 7999L, 2000L, 500L),
                    List.of(1.0, 4.0003, 16.0, 64.0),
                    OptionalDouble.empty(),
                    OptionalDouble.empty(),
                    OptionalDouble.of(40),
                    "aperio",
                    List.of(),
                    Map.of());

    private static ReadPlan plan(double modelMag) {
        return ReadPlan.of(
                SLIDE,
                new ScanMagnification(40, ScanMagnification.Source.SLIDE_OBJECTIVE_POWER),
                modelMag);
    }

    @Test
    void picksTheCoarsestLevelNotCoarserThanTheModel() {
        // d = 40 / 10 = 4: level 1 (4.0003 is within 1%), Lanczos factor 4 / 4.0003
        ReadPlan p = plan(10);
        assertEquals(4.0, p.downsample());
        assertEquals(1, p.level());
        assertEquals(4 / 4.0003, p.lanczosFactor(), 1e-12);
        // d = 8: level 1 then Lanczos by 8 / 4.0003 (level 2 at 16 is too coarse)
        assertEquals(1, plan(5).level());
        assertEquals(8 / 4.0003, plan(5).lanczosFactor(), 1e-12);
        // d = 16: level 2 exactly, no resampling
        assertEquals(2, plan(2.5).level());
        assertTrue(plan(2.5).levelIsExact());
        // d = 3.2: only level 0 is fine enough
        assertEquals(0, plan(12.5).level());
        assertEquals(3.2, plan(12.5).lanczosFactor(), 1e-12);
        // d = 128: the coarsest level, 64, then Lanczos by 2
        assertEquals(3, plan(0.3125).level());
        assertEquals(2.0, plan(0.3125).lanczosFactor(), 1e-12);
    }

    @Test
    void refusesAModelAboveTheSlidesMagnification() {
        LowMagException e = assertThrows(LowMagException.class, () -> plan(80));
        assertTrue(
                e.getMessage().contains("s.svs is at 40x (slide objective power)"), e.getMessage());
        assertTrue(e.getMessage().contains("the model works at 80x"), e.getMessage());
        // within 1% counts as the same magnification: read level 0 as is
        ReadPlan p = plan(40.3);
        assertEquals(1.0, p.downsample());
        assertEquals(0, p.level());
        assertTrue(p.levelIsExact());
    }
}
