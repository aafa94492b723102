package org.lowmag.slide;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lowmag.tiff.OmeTiffFixture;

/**
 * An OME-TIFF pyramid as Bio-Formats and QuPath write it ({@link OmeTiffFixture}: SubIFD levels,
 * JFIF tiles under PhotometricInterpretation RGB), 1536x1024 in 256-pixel tiles, 3 levels, 0.25
 * um/px, a 40x objective, one channel named "Brightfield".
 */
class OmeTiffSlideTest {

    static final int W = 1536;
    static final int H = 1024;

    /**
     * Largest per-channel error allowed at a block centre (JPEG at quality 0.95 on flat colour).
     */
    static final int TOLERANCE = 10;

    @TempDir Path dir;

    /**
     * @param file the target
     * @return the fixture slide
     * @throws IOException when writing fails
     */
    static Path write(Path file) throws IOException {
        return OmeTiffFixture.write(
                file, W, H, 3, 256, OmeTiffFixture.omeXml(W, H, 0.25, 0.26, 40, "Brightfield"));
    }

    @Test
    void subIfdLevelsAndOmeCalibration() throws IOException {
        try (SlideReader r = SlideReaders.open(write(dir.resolve("s.ome.tif")))) {
            SlideMetadata m = r.metadata();
            assertEquals("ome-tiff", m.vendor());
            assertEquals("tiff", r.backend());
            assertEquals(List.of(1536L, 768L, 384L), m.levelWidthsPx());
            assertEquals(List.of(1024L, 512L, 256L), m.levelHeightsPx());
            assertEquals(List.of(1.0, 2.0, 4.0), m.downsamples());
            assertEquals(0.25, m.mppX().getAsDouble(), 1e-12);
            assertEquals(0.26, m.mppY().getAsDouble(), 1e-12);
            assertEquals(40, m.objectivePower().getAsDouble(), 1e-12);
            assertEquals("Brightfield", m.properties().get("ome.Channel.0.Name"));
        }
    }

    @Test
    void trueColoursAtEveryLevel() throws IOException {
        try (SlideReader r = SlideReaders.open(write(dir.resolve("s.ome.tif")))) {
            for (int level = 0; level < 3; level++) {
                int ds = 1 << level;
                BufferedImage img = r.readRegion(new RegionRequest(0, 0, W, H, ds));
                for (int y = 64; y < H; y += OmeTiffFixture.BLOCK_PX) {
                    for (int x = 64; x < W; x += OmeTiffFixture.BLOCK_PX) {
                        int expected = OmeTiffFixture.pixel(x, y, W, H);
                        assertClose(expected, img.getRGB(x / ds, y / ds), level, x, y);
                    }
                }
            }
        }
    }

    /**
     * @param expected packed RGB
     * @param actual packed RGB
     * @param level the level, for the message
     * @param x level-0 x
     * @param y level-0 y
     */
    static void assertClose(int expected, int actual, int level, int x, int y) {
        for (int shift = 0; shift <= 16; shift += 8) {
            int e = (expected >> shift) & 0xFF;
            int a = (actual >> shift) & 0xFF;
            assertTrue(
                    Math.abs(e - a) <= TOLERANCE,
                    String.format(
                            "level %d at level-0 (%d, %d): expected %06x, got %06x",
                            level, x, y, expected & 0xFFFFFF, actual & 0xFFFFFF));
        }
    }
}
