package org.lowmag.slide;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The text forms of a magnification: exact for folder names, 4 significant digits for reports. */
class MagnificationTest {

    @Test
    void formatsMagnifications() {
        assertEquals("20", Magnification.formatShort(20.0));
        assertEquals("2.5", Magnification.formatShort(2.5));
        assertEquals("20.04", Magnification.formatShort(10 / 0.499));
    }

    @Test
    void formatsExactlyWithoutTrailingZeros() {
        assertEquals("10", Magnification.format(10.0));
        assertEquals("2.5", Magnification.format(2.5));
        assertEquals("0.625", Magnification.format(0.625));
    }
}
