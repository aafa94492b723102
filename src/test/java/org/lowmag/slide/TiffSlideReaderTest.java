package org.lowmag.slide;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The pure-Java TIFF reader on synthetic pyramids (see {@link SyntheticTiffs}: level L pixel (x, y)
 * = (x mod 256, y mod 256, 50 L)), 320x224 with levels 160x112 and 80x56.
 */
class TiffSlideReaderTest {

    @TempDir Path dir;

    private Path pyramid(String compression) throws IOException {
        return SyntheticTiffs.writeJdk(dir.resolve("p.tif"), 320, 224, 3, 64, compression);
    }

    @Test
    void metadataOfGenericPyramid() throws IOException {
        try (TiffSlideReader r = TiffSlideReader.open(pyramid("Deflate"))) {
            SlideMetadata m = r.metadata();
            assertEquals(320, m.widthPx());
            assertEquals(224, m.heightPx());
            assertEquals(List.of(320L, 160L, 80L), m.levelWidthsPx());
            assertEquals(List.of(224L, 112L, 56L), m.levelHeightsPx());
            assertEquals(List.of(1.0, 2.0, 4.0), m.downsamples());
            assertEquals("generic-tiff", m.vendor());
            assertEquals("tiff", r.backend());
            assertTrue(m.mppX().isEmpty() && m.objectivePower().isEmpty());
            assertEquals(List.of(), m.associatedImages());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"Deflate", "LZW", "PackBits", "none"})
    void exactRegionsAtLevelDownsamples(String compression) throws IOException {
        try (TiffSlideReader r =
                TiffSlideReader.open(pyramid(compression.equals("none") ? null : compression))) {
            // Downsample 1: level 0 from (37, 21), crossing tile borders at 64 and 128.
            BufferedImage a = r.readRegion(new RegionRequest(37, 21, 100, 80, 1));
            assertEquals(100, a.getWidth());
            assertEquals(80, a.getHeight());
            SyntheticTiffs.assertPattern(a, 37, 21, 0);
            // Downsample 2: level 1 pixels from (20, 10), 60x40 of them.
            BufferedImage b = r.readRegion(new RegionRequest(40, 20, 120, 80, 2));
            assertEquals(60, b.getWidth());
            SyntheticTiffs.assertPattern(b, 20, 10, 1);
            // Downsample 4: level 2 pixels from (4, 8).
            BufferedImage c = r.readRegion(new RegionRequest(16, 32, 256, 96, 4));
            assertEquals(64, c.getWidth());
            assertEquals(24, c.getHeight());
            SyntheticTiffs.assertPattern(c, 4, 8, 2);
        }
    }

    /**
     * Downsample 3 reads level 1 (downsample 2) and area-averages 1.5 level pixels per output
     * pixel. Output i covers level-1 [s + 1.5 i, s + 1.5 (i + 1)) with s = x / 2; pixel k has R =
     * k, so the area average is the interval's mean minus 1/2: R(i) = s + 1.5 i + 0.25, rounded
     * (never a tie). Same for G with y; B stays 50.
     */
    @Test
    void betweenLevelsAreaAverages() throws IOException {
        try (TiffSlideReader r = TiffSlideReader.open(pyramid("Deflate"))) {
            BufferedImage img = r.readRegion(new RegionRequest(20, 40, 240, 150, 3));
            assertEquals(80, img.getWidth());
            assertEquals(50, img.getHeight());
            for (int j = 0; j < 50; j++) {
                for (int i = 0; i < 80; i++) {
                    int p = img.getRGB(i, j);
                    assertEquals(Math.round(10 + 1.5 * i + 0.25), (p >> 16) & 0xFF, "R at " + i);
                    assertEquals(Math.round(20 + 1.5 * j + 0.25), (p >> 8) & 0xFF, "G at " + j);
                    assertEquals(50, p & 0xFF);
                }
            }
        }
    }

    /**
     * {@code readLevelPixels} returns stored level pixels: level 2 (80x56) from (70, 50), 20x10,
     * runs past the right and bottom edges, which read white. The level picked for a downsample is
     * the coarsest not above it (1% slack): 3.9 -> level 1, 3.97 -> level 2 (4 <= 3.97 * 1.01).
     */
    @Test
    void levelPixelsAreExactAndLevelsAreChosenCoarsestAdequate() throws IOException {
        try (TiffSlideReader r = TiffSlideReader.open(pyramid("Deflate"))) {
            int[] px = r.readLevelPixels(2, 70, 50, 20, 10);
            for (int j = 0; j < 10; j++) {
                for (int i = 0; i < 20; i++) {
                    boolean inside = 70 + i < 80 && 50 + j < 56;
                    int expected = inside ? SyntheticTiffs.pixel(70 + i, 50 + j, 2) : 0xFFFFFF;
                    assertEquals(expected, px[j * 20 + i], "pixel " + i + "," + j);
                }
            }
            SlideMetadata m = r.metadata();
            assertEquals(0, m.levelForDownsample(1.98));
            assertEquals(1, m.levelForDownsample(2));
            assertEquals(1, m.levelForDownsample(3.9));
            assertEquals(2, m.levelForDownsample(3.97));
            assertEquals(2, m.levelForDownsample(100));
            assertEquals(4.0, m.levelDownsampleX(2));
            assertThrows(IllegalArgumentException.class, () -> r.readLevelPixels(3, 0, 0, 1, 1));
            assertThrows(IllegalArgumentException.class, () -> r.readLevelPixels(0, 0, 0, 0, 1));
        }
    }

    @Test
    void partlyOutsideIsWhiteAndFullyOutsideIsRefused() throws IOException {
        try (TiffSlideReader r = TiffSlideReader.open(pyramid("LZW"))) {
            BufferedImage img = r.readRegion(new RegionRequest(-10, 214, 30, 20, 1));
            for (int j = 0; j < 20; j++) {
                for (int i = 0; i < 30; i++) {
                    boolean inside = i >= 10 && j < 10;
                    int expected = inside ? SyntheticTiffs.pixel(i - 10, 214 + j, 0) : 0xFFFFFF;
                    assertEquals(expected, img.getRGB(i, j) & 0xFFFFFF, "pixel " + i + "," + j);
                }
            }
            IllegalArgumentException e =
                    assertThrows(
                            IllegalArgumentException.class,
                            () -> r.readRegion(new RegionRequest(320, 0, 10, 10, 1)));
            assertTrue(e.getMessage().contains("outside"), e.getMessage());
            assertTrue(e.getMessage().contains("320x224"), e.getMessage());
        }
    }

    @Test
    void readsOnlyTheTilesARegionTouches() throws IOException {
        try (TiffSlideReader r = TiffSlideReader.open(pyramid("Deflate"))) {
            r.readRegion(new RegionRequest(5, 5, 10, 10, 1));
            assertEquals(1, r.tilesDecoded());
            // 60..70 x 60..70 touches tiles (0,0) (cached), (1,0), (0,1), (1,1).
            r.readRegion(new RegionRequest(60, 60, 10, 10, 1));
            assertEquals(4, r.tilesDecoded());
            // A downsample-4 read of the whole slide decodes the single 80x56 level-2 tiles.
            r.thumbnail(80);
            assertEquals(6, r.tilesDecoded());
        }
    }

    /**
     * A scanner-like pyramid with downsample 4 (levels 1200x900, 300x225, 75x57): for a 1000 px
     * overview with floor 250 (detection's) no level lies in [500, 1000], but 300 lies in [250,
     * 1000], so that level is copied as it is, decoding its 2 tiles instead of the 20 of level 0 a
     * thumbnail would resample; with floor 325, 1300 px takes level 0 itself; [75, 299] takes the
     * top level; no level lies in [19, 74], so that overview is resampled.
     */
    @Test
    void overviewTakesAQuarterSizeLevelOfAFourfoldPyramid() throws IOException {
        Path file = dir.resolve("four.tif");
        org.lowmag.tiff.PyramidTiffWriter.builder()
                .setMpp(0.25, 0.25)
                .optTopLevelMaxSidePx(100)
                .optCompression(org.lowmag.tiff.PyramidTiffWriter.Compression.DEFLATE)
                .build()
                .write(file, TiffTestImages.pattern(1200, 900));
        try (TiffSlideReader r = TiffSlideReader.open(file)) {
            assertEquals(List.of(1200L, 300L, 75L), r.metadata().levelWidthsPx());
            assertEquals(1000, r.overview(1000).getWidth()); // floor 500: resampled
            long before1 = r.tilesDecoded();
            BufferedImage o = r.overview(1000, 250);
            assertEquals(300, o.getWidth());
            assertEquals(225, o.getHeight());
            assertEquals(2, r.tilesDecoded() - before1);
            int[] level1 = r.readLevelPixels(1, 0, 0, 300, 225);
            int[] got = o.getRGB(0, 0, 300, 225, null, 0, 300);
            for (int i = 0; i < got.length; i++) {
                assertEquals(level1[i], got[i] & 0xFFFFFF, "pixel " + i);
            }
            assertEquals(1200, r.overview(1300, 325).getWidth());
            assertEquals(75, r.overview(299, 75).getWidth()); // the top level
            assertEquals(74, r.overview(74, 19).getWidth()); // no level in [19, 74]: resampled
            assertThrows(IllegalArgumentException.class, () -> r.overview(100, 101));
        }
    }

    /**
     * A single-level JPEG-tiled TIFF (1024 x 768 px, 256 px tiles): a 64 px thumbnail (downsample
     * 16, 16 level pixels per output pixel, so at least 8 after the level) comes from the JPEG DC
     * coefficients without fully decoding a tile, and equals the full decode's area average within
     * 3 grey levels; a 512 px one (downsample 2) still decodes the tiles in full.
     */
    @Test
    void aSingleLevelJpegThumbnailComesFromTheDcCoefficients() throws IOException {
        Path file = dir.resolve("plain-jpeg.tif");
        org.lowmag.tiff.PyramidTiffWriter.builder()
                .setMpp(0.25, 0.25)
                .optTopLevelMaxSidePx(4096)
                .optJpegQuality(0.9)
                .build()
                .write(file, TiffTestImages.pattern(1024, 768));
        try (TiffSlideReader r = TiffSlideReader.open(file)) {
            assertEquals(1, r.metadata().levelCount());
            BufferedImage dc = r.thumbnail(64);
            assertEquals(0, r.tilesDecoded(), "no tile decoded in full");
            assertEquals(64, dc.getWidth());
            assertEquals(48, dc.getHeight());
            BufferedImage full = r.readRegion(new RegionRequest(0, 0, 1024, 768, 16));
            assertEquals(12, r.tilesDecoded());
            double[] d = TiffTestImages.diff(dc, full);
            assertTrue(d[1] <= 3, "max difference " + d[1] + ", mean " + d[0]);
            r.thumbnail(512);
            assertEquals(12, r.tilesDecoded(), "downsample 2: the cached full tiles");
        }
    }

    /**
     * Levels 320x224, 160x112, 80x56: the overview is the largest level with longer side in
     * [maxSide / 2, maxSide], copied as it is; without one, the resampled thumbnail.
     */
    @Test
    void overviewUsesALevelThatFitsAsTissuelocDoes() throws IOException {
        try (TiffSlideReader r = TiffSlideReader.open(pyramid("Deflate"))) {
            BufferedImage o = r.overview(100);
            assertEquals(80, o.getWidth());
            assertEquals(56, o.getHeight());
            int[] level2 = r.readLevelPixels(2, 0, 0, 80, 56);
            int[] got = o.getRGB(0, 0, 80, 56, null, 0, 80);
            for (int i = 0; i < got.length; i++) {
                assertEquals(level2[i], got[i] & 0xFFFFFF, "pixel " + i);
            }
            assertEquals(160, r.overview(200).getWidth());
            assertEquals(160, r.overview(170).getWidth());
            assertEquals(320, r.overview(500).getWidth()); // level 0, as thumbnail(500)
            BufferedImage small = r.overview(60); // no level in [30, 60]: resampled
            assertEquals(60, small.getWidth());
            assertEquals(42, small.getHeight());
            assertThrows(IllegalArgumentException.class, () -> r.overview(0));
        }
    }

    @Test
    void thumbnailKeepsAspect() throws IOException {
        try (TiffSlideReader r = TiffSlideReader.open(pyramid(null))) {
            BufferedImage t = r.thumbnail(100);
            assertEquals(100, t.getWidth());
            assertEquals(70, t.getHeight());
            assertEquals(BufferedImage.TYPE_INT_RGB, t.getType());
        }
    }

    @Test
    void jpegTilesAreClose() throws IOException {
        try (TiffSlideReader r = TiffSlideReader.open(pyramid("JPEG"))) {
            BufferedImage img = r.readRegion(new RegionRequest(8, 8, 200, 160, 1));
            double diff = 0;
            for (int j = 0; j < img.getHeight(); j++) {
                for (int i = 0; i < img.getWidth(); i++) {
                    int e = SyntheticTiffs.pixel(8 + i, 8 + j, 0);
                    int a = img.getRGB(i, j);
                    for (int s = 0; s <= 16; s += 8) {
                        diff += Math.abs(((e >> s) & 0xFF) - ((a >> s) & 0xFF));
                    }
                }
            }
            double mean = diff / (3.0 * img.getWidth() * img.getHeight());
            assertTrue(mean < 3, "mean absolute JPEG error " + mean);
        }
    }

    @Test
    void stripedTiffAndBigTiffReadExactly() throws IOException {
        Path strips = SyntheticTiffs.writeJdk(dir.resolve("s.tif"), 320, 224, 2, 0, "LZW");
        try (TiffSlideReader r = TiffSlideReader.open(strips)) {
            assertEquals(2, r.metadata().levelCount());
            SyntheticTiffs.assertPattern(
                    r.readRegion(new RegionRequest(100, 50, 120, 90, 1)), 100, 50, 0);
            SyntheticTiffs.assertPattern(
                    r.readRegion(new RegionRequest(100, 50, 120, 90, 2)), 50, 25, 1);
        }
        Path big = SyntheticTiffs.writeBigTiff(dir.resolve("b.tif"), 320, 224, 3, 64);
        try (TiffSlideReader r = TiffSlideReader.open(big)) {
            assertEquals(List.of(1.0, 2.0, 4.0), r.metadata().downsamples());
            SyntheticTiffs.assertPattern(
                    r.readRegion(new RegionRequest(37, 21, 250, 190, 1)), 37, 21, 0);
            SyntheticTiffs.assertPattern(
                    r.readRegion(new RegionRequest(40, 20, 120, 80, 2)), 20, 10, 1);
            SyntheticTiffs.assertPattern(
                    r.readRegion(new RegionRequest(16, 32, 256, 96, 4)), 4, 8, 2);
        }
    }

    @Test
    void concurrentReadsAgree() throws Exception {
        try (TiffSlideReader r = TiffSlideReader.open(pyramid("Deflate"));
                ExecutorServiceCloser pool = new ExecutorServiceCloser(4)) {
            SplittableRandom random = new SplittableRandom(7);
            List<Future<?>> results = new java.util.ArrayList<>();
            for (int t = 0; t < 32; t++) {
                long x = random.nextInt(250);
                long y = random.nextInt(160);
                results.add(
                        pool.executor.submit(
                                () -> {
                                    SyntheticTiffs.assertPattern(
                                            r.readRegion(new RegionRequest(x, y, 64, 64, 1)),
                                            x,
                                            y,
                                            0);
                                    return null;
                                }));
            }
            for (Future<?> f : results) {
                f.get();
            }
        }
    }

    @Test
    void closedReaderRefusesReads() throws IOException {
        TiffSlideReader r = TiffSlideReader.open(pyramid(null));
        r.close();
        r.close(); // idempotent
        assertThrows(
                IllegalStateException.class,
                () -> r.readRegion(new RegionRequest(0, 0, 10, 10, 1)));
    }

    /** Shuts a pool down with try-with-resources (Java 17 has no ExecutorService.close). */
    private static final class ExecutorServiceCloser implements AutoCloseable {
        final ExecutorService executor;

        ExecutorServiceCloser(int threads) {
            executor = Executors.newFixedThreadPool(threads);
        }

        @Override
        public void close() {
            executor.shutdownNow();
        }
    }
}
