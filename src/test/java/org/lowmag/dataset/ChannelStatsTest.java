package org.lowmag.dataset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lowmag.util.LowMagException;

/**
 * Two tiny images, A (2x1) and B (1x1), values v / 255:
 *
 * <pre>
 *          R           G              B
 *   A   0, 255      51, 51        102, 204
 *   B   255         153           0
 *   x   {0, 1, 1}   {.2, .2, .6}  {.4, .8, 0}
 *   mean  2/3       1/3           0.4
 *   var   (4/9 + 1/9 + 1/9) / 3 = 2/9
 *                   (4/225 + 4/225 + 16/225) / 3 = 8/225
 *                                 (0 + .16 + .16) / 3 = 0.32 / 3
 *   std   sqrt(2)/3 sqrt(8)/15    sqrt(0.32/3)
 * </pre>
 */
class ChannelStatsTest {

    private static final RgbImage A =
            TestImages.of(2, 1, new int[] {0, 255}, new int[] {51, 51}, new int[] {102, 204});
    private static final RgbImage B = TestImages.pixel(255, 153, 0);

    private static final double[] MEAN = {2.0 / 3, 1.0 / 3, 0.4};
    private static final double[] STD = {Math.sqrt(2) / 3, Math.sqrt(8) / 15, Math.sqrt(0.32 / 3)};

    @Test
    void handComputedMeanAndStd() {
        ChannelStats s = new ChannelStats().add(A).add(B);
        assertEquals(3, s.pixelCount());
        assertArrayEquals(MEAN, s.mean(), 1e-15);
        assertArrayEquals(STD, s.std(), 1e-15);
    }

    @Test
    void constantImageHasZeroStd() {
        ChannelStats s =
                new ChannelStats().add(TestImages.pixel(9, 9, 9)).add(TestImages.pixel(9, 9, 9));
        assertArrayEquals(new double[] {0, 0, 0}, s.std(), 0.0);
        assertArrayEquals(new double[] {9 / 255.0, 9 / 255.0, 9 / 255.0}, s.mean(), 1e-17);
    }

    @Test
    void emptyIsAnError() {
        assertThrows(IllegalStateException.class, () -> new ChannelStats().mean());
    }

    @Test
    void filesInParallelGiveTheSameResultAsSequential(@TempDir Path dir) throws IOException {
        List<Path> files = new ArrayList<>();
        ChannelStats sequential = new ChannelStats();
        for (int k = 0; k < 12; k++) {
            RgbImage img = k % 2 == 0 ? A : B;
            if (k % 3 == 0) {
                img =
                        Augmentation.paperDefault()
                                .sample(k)
                                .apply(InputPadding.WHITE.apply(A, 3, new int[3]));
            }
            Path f = dir.resolve("img" + k + ".png");
            ImageFiles.writePng(f, img.toBufferedImage());
            files.add(f);
            sequential.add(img);
        }
        for (int threads : new int[] {1, 3, 16}) {
            ChannelStats parallel = ChannelStats.ofFiles(files, threads);
            assertEquals(sequential.pixelCount(), parallel.pixelCount());
            assertArrayEquals(sequential.mean(), parallel.mean(), 0.0);
            assertArrayEquals(sequential.std(), parallel.std(), 0.0);
        }
    }

    @Test
    void missingFileFails(@TempDir Path dir) {
        List<Path> files = List.of(dir.resolve("nope.png"));
        var e = assertThrows(LowMagException.class, () -> ChannelStats.ofFiles(files, 2));
        assertEquals(true, e.getMessage().contains("nope.png"));
        assertThrows(IllegalArgumentException.class, () -> ChannelStats.ofFiles(files, 0));
    }
}
