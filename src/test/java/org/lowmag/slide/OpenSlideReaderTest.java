package org.lowmag.slide;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JNA binding to OpenSlide, on a synthetic tiled BigTIFF (OpenSlide reads it as generic-tiff;
 * OpenSlide 3.4.1 does not recognise the JDK writer's big-endian files) and on the real JPEG 2000
 * slide. Skipped when libopenslide cannot be loaded.
 */
class OpenSlideReaderTest {

    @TempDir Path dir;

    @BeforeEach
    void needOpenSlide() {
        RealSlides.requireOpenSlide();
    }

    @Test
    void readsASyntheticPyramidExactly() throws IOException {
        Path tif = SyntheticTiffs.writeBigTiff(dir.resolve("p.tif"), 320, 224, 3, 64);
        try (OpenSlideReader r = OpenSlideReader.open(tif)) {
            SlideMetadata m = r.metadata();
            assertEquals("openslide", r.backend());
            assertEquals("generic-tiff", m.vendor());
            assertEquals(List.of(1.0, 2.0, 4.0), m.downsamples());
            assertEquals(List.of(320L, 160L, 80L), m.levelWidthsPx());
            SyntheticTiffs.assertPattern(
                    r.readRegion(new RegionRequest(37, 21, 100, 80, 1)), 37, 21, 0);
            SyntheticTiffs.assertPattern(
                    r.readRegion(new RegionRequest(40, 20, 120, 80, 2)), 20, 10, 1);
            SyntheticTiffs.assertPattern(
                    r.readRegion(new RegionRequest(16, 32, 256, 96, 4)), 4, 8, 2);
            // Outside the slide OpenSlide returns transparent pixels: they must read as white.
            BufferedImage edge = r.readRegion(new RegionRequest(310, 214, 20, 20, 1));
            assertEquals(0xFFFFFF, edge.getRGB(15, 15) & 0xFFFFFF);
            assertEquals(SyntheticTiffs.pixel(310, 214, 0), edge.getRGB(0, 0) & 0xFFFFFF);
        }
    }

    @Test
    void agreesWithThePureJavaReaderBetweenLevels() throws IOException {
        Path tif = SyntheticTiffs.writeBigTiff(dir.resolve("q.tif"), 320, 224, 3, 64);
        try (SlideReader os = OpenSlideReader.open(tif);
                SlideReader tiff = TiffSlideReader.open(tif)) {
            RegionRequest req = new RegionRequest(20, 40, 240, 150, 3);
            assertEquals(0.0, RealSlides.meanAbsDiff(os.readRegion(req), tiff.readRegion(req)));
        }
    }

    @Test
    void unrecognisedFileIsUnsupported() throws IOException {
        Path txt = Files.writeString(dir.resolve("x.svs"), "text");
        UnsupportedSlideException e =
                assertThrows(UnsupportedSlideException.class, () -> OpenSlideReader.open(txt));
        assertTrue(e.getMessage().contains(txt.toString()), e.getMessage());
        assertTrue(!OpenSlideReader.canOpen(txt));
    }

    @Test
    void realJpeg2000SlideAndItsThumbnail() throws IOException {
        Path tcga = RealSlides.require(RealSlides.TCGA);
        try (OpenSlideReader r = OpenSlideReader.open(tcga)) {
            assertEquals(List.of("thumbnail"), r.metadata().associatedImages());
            BufferedImage thumb = r.readAssociatedImage("thumbnail");
            assertEquals(956, thumb.getWidth());
            assertEquals(768, thumb.getHeight());
            // Level 1 is served for downsample 2 (2.0005 is within the 1 % slack).
            BufferedImage a = r.readRegion(new RegionRequest(2000, 1600, 512, 512, 2));
            assertEquals(256, a.getWidth());
        }
    }
}
