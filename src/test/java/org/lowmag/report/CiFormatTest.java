package org.lowmag.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.lowmag.eval.Estimate;

class CiFormatTest {

    @Test
    void formatsLikeThePaper() {
        assertEquals("87.06 (85.65-88.48)", CiFormat.percent(0.8706, 0.8565, 0.8848));
        assertEquals("87.06 (85.65-88.48)", CiFormat.percent(new Estimate(0.8706, 0.8565, 0.8848)));
        assertEquals("100.00 (100.00-100.00)", CiFormat.percent(1, 1, 1));
        assertEquals("5.00 (0.00-12.35)", CiFormat.percent(0.05, 0, 0.123456));
        assertEquals("66.67", CiFormat.percent(2.0 / 3));
    }
}
