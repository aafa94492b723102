package org.lowmag.infer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lowmag.dataset.RgbImage;

/** {@link EvaluateJob#timingSample}: every k-th tissue, k = ceil(n / 256). */
class TimingSampleTest {

    private static List<RgbImage> images(int n) {
        List<RgbImage> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new RgbImage(1, 1, new byte[3][1]));
        }
        return out;
    }

    @Test
    void smallSplitsAreTimedWholeLargeOnesOnAnEvenSample() {
        assertEquals(10, EvaluateJob.timingSample(images(10)).size());
        assertEquals(256, EvaluateJob.timingSample(images(256)).size());
        // n = 257: k = 2, tissues 0, 2, ..., 256: 129
        assertEquals(129, EvaluateJob.timingSample(images(257)).size());
        // n = 6445: k = 26, ceil(6445 / 26) = 248
        List<RgbImage> all = images(6445);
        List<RgbImage> s = EvaluateJob.timingSample(all);
        assertEquals(248, s.size());
        assertSame(all.get(26), s.get(1));
    }
}
