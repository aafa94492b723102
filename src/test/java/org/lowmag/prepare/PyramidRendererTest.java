package org.lowmag.prepare;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lowmag.prepare.TissueSlides.Counter;
import org.lowmag.prepare.TissueSlides.CountingReader;
import org.lowmag.resample.LanczosResampler;
import org.lowmag.util.LowMagException;

/**
 * Reading tissue boxes of the two-blob pyramid ({@link TissueSlides}: downsamples 1, 2, 4, 8) at a
 * slide magnification of 20x.
 */
class PyramidRendererTest {

    @TempDir static Path dir;

    private static Path slide;

    @BeforeAll
    static void writeSlide() throws IOException {
        slide = TissueSlides.twoBlobs(dir.resolve("two.tif"));
    }

    private static int[] pixels(BufferedImage img) {
        return ((DataBufferInt) img.getRaster().getDataBuffer()).getData();
    }

    private static List<LevelRead> planB(CountingReader r, List<Double> mags) {
        int[] b = TissueSlides.BLOB_B;
        return PyramidRenderer.plan(r.metadata(), b[0], b[1], b[2] - b[0], b[3] - b[1], 20.0, mags);
    }

    /**
     * Blob B is 256 x 288 level-0 px. 10, 5, 2.5, 1.25x are downsamples 2, 4, 8, 16: levels 1, 2, 3
     * and 3 (the coarsest level at most as coarse; level 0 is never read), outputs 128 x 144, 64 x
     * 72, 32 x 36, 16 x 18. 3x is downsample 6.67: level 2 (4), output round(38.4) x round(43.2) =
     * 38 x 43. The blob's centre keeps its level's colour (B = 40 + 40 L), so each image shows the
     * level it came from. Magnifications reading the same level share one pass over it.
     */
    @Test
    void readsTheCoarsestAdequateLevel() throws IOException {
        List<Double> mags = List.of(10.0, 5.0, 2.5, 1.25, 3.0);
        try (CountingReader r = CountingReader.open(slide)) {
            List<LevelRead> reads = planB(r, mags);
            assertEquals(List.of(1, 2, 3, 3, 2), reads.stream().map(LevelRead::level).toList());
            int[][] sizes = {{128, 144}, {64, 72}, {32, 36}, {16, 18}, {38, 43}};
            List<BufferedImage> imgs = new PyramidRenderer().renderAll(r, reads);
            for (int i = 0; i < mags.size(); i++) {
                BufferedImage img = imgs.get(i);
                assertEquals(sizes[i][0], img.getWidth(), "width at " + mags.get(i));
                assertEquals(sizes[i][1], img.getHeight(), "height at " + mags.get(i));
                int centre = img.getRGB(img.getWidth() / 2, img.getHeight() / 2) & 0xFFFFFF;
                assertEquals(TissueSlides.blobB(reads.get(i).level()), centre, "at " + mags.get(i));
            }
            assertEquals(0, r.count(Counter.CALLS, 0));
            assertEquals(128L * 144, r.count(Counter.PIXELS, 1));
            assertEquals(64L * 72, r.count(Counter.PIXELS, 2)); // one pass serves 5x and 3x
            assertEquals(32L * 36, r.count(Counter.PIXELS, 3)); // one pass serves 2.5x and 1.25x
        }
    }

    /** At the slide's own 20x (and 20.1x, within the 1% slack) level 0 is copied exactly. */
    @Test
    void fullMagnificationIsAnExactCopy() throws IOException {
        try (CountingReader r = CountingReader.open(slide)) {
            List<LevelRead> reads = planB(r, List.of(20.0, 20.1));
            List<BufferedImage> imgs = new PyramidRenderer(5000).renderAll(r, reads);
            int[] level0 = r.readLevelPixels(0, 608, 416, 256, 288);
            for (BufferedImage img : imgs) {
                assertArrayEquals(level0, pixels(img));
            }
            assertThrows(LowMagException.class, () -> planB(r, List.of(20.3)));
        }
    }

    /**
     * Blob A (textured) at 10x and 2.5x, read in strips of 1 row, 7 rows and 1000 px: every strip
     * size gives exactly the Lanczos resize of the whole level rectangle read at once.
     */
    @ParameterizedTest
    @ValueSource(ints = {1, 7 * 160, 1000, Integer.MAX_VALUE})
    void stripsEqualTheWholeRegion(int stripPixels) throws IOException {
        int[] a = TissueSlides.BLOB_A;
        try (CountingReader r = CountingReader.open(slide);
                LanczosResampler lanczos = new LanczosResampler(1)) {
            List<LevelRead> reads =
                    PyramidRenderer.plan(
                            r.metadata(),
                            a[0] - 5,
                            a[1] - 3,
                            a[2] - a[0] + 11,
                            a[3] - a[1] + 9,
                            20.0,
                            List.of(10.0, 2.5));
            List<BufferedImage> strips = new PyramidRenderer(stripPixels).renderAll(r, reads);
            for (int i = 0; i < reads.size(); i++) {
                LevelRead p = reads.get(i);
                int[] whole =
                        r.readLevelPixels(
                                p.level(),
                                p.levelX(),
                                p.levelY(),
                                p.levelWidthPx(),
                                p.levelHeightPx());
                int[] expected =
                        lanczos.resize(
                                whole,
                                p.levelWidthPx(),
                                p.levelHeightPx(),
                                p.outWidthPx(),
                                p.outHeightPx());
                assertArrayEquals(expected, pixels(strips.get(i)), "mag " + p.magnification());
            }
            long calls = r.count(Counter.CALLS, 1);
            assertTrue(stripPixels > 1000 || calls > 10, "strips read: " + calls);
        }
    }

    /**
     * The plan's formulas on a box that does not fall on level pixels: level 2 (downsample 4), x =
     * 101 -> round(25.25) = 25, right edge 101 + 250 = 351 -> round(87.75) = 88, width 63; output
     * round(250 / 5) = 50 for 4x (downsample 5). Vertically y = 50 -> round(12.5) = 13 (halves
     * round up), bottom 148 -> 37, height 24; output round(98 / 5) = 20.
     */
    @Test
    void planGeometry() throws IOException {
        try (CountingReader r = CountingReader.open(slide)) {
            LevelRead p = LevelRead.plan(r.metadata(), 101, 50, 250, 98, 20.0, 4.0);
            assertEquals(2, p.level());
            assertEquals(5.0, p.downsample());
            assertEquals(List.of(25L, 13L), List.of(p.levelX(), p.levelY()));
            assertEquals(63, p.levelWidthPx()); // 88 - 25
            assertEquals(24, p.levelHeightPx()); // 37 - 13
            assertEquals(List.of(50, 20), List.of(p.outWidthPx(), p.outHeightPx()));
        }
    }
}
