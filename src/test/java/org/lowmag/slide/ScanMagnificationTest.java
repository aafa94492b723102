package org.lowmag.slide;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.lowmag.util.LowMagException;

/** The paper's convention magnification = 10 / (um/px) and the precedence of the sources. */
class ScanMagnificationTest {

    private static SlideMetadata slide(OptionalDouble mpp, OptionalDouble power) {
        return new SlideMetadata(
                "s.svs",
                100,
                100,
                List.of(100L),
                List.of(100L),
                List.of(1.0),
                mpp,
                mpp,
                power,
                "test",
                List.of(),
                Map.of());
    }

    @Test
    void conversions() {
        assertEquals(
                20.0,
                ScanMagnification.ofMpp(0.5, ScanMagnification.Source.USER_MPP).magnification());
        assertEquals(
                40.0,
                ScanMagnification.ofMpp(0.25, ScanMagnification.Source.USER_MPP).magnification());
        assertEquals(
                10.0,
                ScanMagnification.ofMpp(1.0, ScanMagnification.Source.USER_MPP).magnification());
        assertEquals(
                0.5,
                new ScanMagnification(20, ScanMagnification.Source.USER_MAGNIFICATION).mppUm());
        assertThrows(
                IllegalArgumentException.class,
                () -> ScanMagnification.ofMpp(0, ScanMagnification.Source.USER_MPP));
        assertThrows(
                IllegalArgumentException.class,
                () ->
                        new ScanMagnification(
                                Double.NaN, ScanMagnification.Source.USER_MAGNIFICATION));
    }

    @Test
    void slideMppBeatsObjectivePower() {
        SlideMetadata both = slide(OptionalDouble.of(0.499), OptionalDouble.of(40));
        ScanMagnification m = MagnificationResolver.slideOnly().require(both);
        assertEquals(10 / 0.499, m.magnification(), 1e-12);
        assertEquals(ScanMagnification.Source.SLIDE_MPP, m.source());
        SlideMetadata power = slide(OptionalDouble.empty(), OptionalDouble.of(40));
        assertEquals(40, MagnificationResolver.slideOnly().require(power).magnification());
    }

    @Test
    void userValuesWin() {
        SlideMetadata both = slide(OptionalDouble.of(0.499), OptionalDouble.of(20));
        MagnificationResolver mag =
                new MagnificationResolver(OptionalDouble.of(5), OptionalDouble.empty());
        assertEquals(5, mag.require(both).magnification());
        assertEquals(ScanMagnification.Source.USER_MAGNIFICATION, mag.require(both).source());
        MagnificationResolver mpp =
                new MagnificationResolver(OptionalDouble.empty(), OptionalDouble.of(2));
        assertEquals(5, mpp.require(both).magnification());
        assertEquals(ScanMagnification.Source.USER_MPP, mpp.require(both).source());
    }

    @Test
    void refusesWhenNothingIsKnown() {
        SlideMetadata none = slide(OptionalDouble.empty(), OptionalDouble.empty());
        LowMagException e =
                assertThrows(
                        LowMagException.class,
                        () -> MagnificationResolver.slideOnly().require(none));
        assertEquals(
                "slide s.svs records neither um/px nor objective power: pass --source-mag or"
                        + " --source-mpp",
                e.getMessage());
        assertTrue(MagnificationResolver.slideOnly().resolve(none).isEmpty());
    }

    @Test
    void badUserValues() {
        assertThrows(
                IllegalArgumentException.class,
                () -> new MagnificationResolver(OptionalDouble.of(20), OptionalDouble.of(0.5)));
        assertThrows(
                IllegalArgumentException.class,
                () -> new MagnificationResolver(OptionalDouble.of(-1), OptionalDouble.empty()));
        assertThrows(
                IllegalArgumentException.class,
                () -> new MagnificationResolver(OptionalDouble.empty(), OptionalDouble.of(0)));
    }
}
