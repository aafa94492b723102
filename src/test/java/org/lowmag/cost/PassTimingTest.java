package org.lowmag.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Repeated timing with a fake clock: medians, extremes and the JSON, derived by hand. */
class PassTimingTest {

    /**
     * A clock that each pass advances by 3, 1, 2, 5, 4 s. Over 10 items: sorted 1, 2, 3, 4, 5, so
     * the median pass is 3 s, 0.3 s per item; fastest 0.1, slowest 0.5.
     */
    @Test
    void fivePassesGiveTheMiddleOne() throws IOException {
        long[] steps = {3, 1, 2, 5, 4};
        AtomicLong now = new AtomicLong();
        AtomicInteger pass = new AtomicInteger();
        PassTiming t =
                PassTiming.measure(
                        1,
                        5,
                        10,
                        () -> now.addAndGet(steps[pass.getAndIncrement()] * 1_000_000_000L),
                        now::get);
        assertEquals(5, pass.get(), "every timed pass runs once");
        assertEquals(List.of(3.0, 1.0, 2.0, 5.0, 4.0), t.passSeconds(), "in the order run");
        assertEquals(0.3, t.medianPerItem(), 1e-15);
        assertEquals(0.1, t.minPerItem(), 1e-15);
        assertEquals(0.5, t.maxPerItem(), 1e-15);
        Map<String, Object> j = t.toJsonTree();
        assertEquals(1, j.get("warmup_passes"));
        assertEquals(5, j.get("timed_passes"));
        assertEquals(0.3, (double) j.get("seconds_per_item_median"), 1e-15);
    }

    /** Passes 4, 1, 3, 2 s over 2 items: sorted 1, 2, 3, 4, median (2 + 3) / 2 = 2.5 s, 1.25. */
    @Test
    void anEvenCountAveragesTheTwoMiddlePasses() {
        PassTiming t = new PassTiming(0, List.of(4.0, 1.0, 3.0, 2.0), 2);
        assertEquals(1.25, t.medianPerItem(), 1e-15);
        assertEquals(0.5, t.minPerItem(), 1e-15);
        assertEquals(2.0, t.maxPerItem(), 1e-15);
    }

    @Test
    void badCountsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new PassTiming(0, List.of(), 1));
        assertThrows(IllegalArgumentException.class, () -> new PassTiming(0, List.of(1.0), 0));
        assertThrows(IllegalArgumentException.class, () -> new PassTiming(0, List.of(-1.0), 1));
        assertThrows(
                IllegalArgumentException.class,
                () -> PassTiming.measure(0, 0, 1, () -> {}, System::nanoTime));
    }
}
