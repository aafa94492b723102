package org.lowmag.slide;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lowmag.util.LowMagException;

/** The backends on the three real slides described in ../shared/data/README.md. */
@Tag("realdata")
class RealSlidesTest {

    @TempDir Path dir;

    @Test
    void cmu1MetadataWithPureJava() throws IOException {
        try (SlideReader r = SlideReaders.open(RealSlides.require(RealSlides.CMU1))) {
            assertEquals("tiff", r.backend());
            SlideMetadata m = r.metadata();
            assertEquals(2220, m.widthPx());
            assertEquals(2967, m.heightPx());
            assertEquals(1, m.levelCount());
            assertEquals(0.499, m.mppX().getAsDouble(), 1e-12);
            assertEquals(0.499, m.mppY().getAsDouble(), 1e-12);
            assertEquals(20.0, m.objectivePower().getAsDouble());
            assertEquals("aperio", m.vendor());
            assertEquals("20", m.properties().get("aperio.AppMag"));
            assertEquals(List.of("thumbnail", "label", "macro"), m.associatedImages());
            assertSize(r.readAssociatedImage("thumbnail"), 574, 768);
            assertSize(r.readAssociatedImage("label"), 387, 463);
            assertSize(r.readAssociatedImage("macro"), 1280, 431);
            ScanMagnification mag = MagnificationResolver.slideOnly().require(m);
            assertEquals(10 / 0.499, mag.magnification(), 1e-9);
            assertEquals(ScanMagnification.Source.SLIDE_MPP, mag.source());
        }
    }

    @Test
    void cmu1UsesJpegTiles() throws IOException {
        try (TiffSlideReader r = TiffSlideReader.open(RealSlides.require(RealSlides.CMU1))) {
            r.readRegion(new RegionRequest(1000, 1000, 10, 10, 1));
            assertEquals(1, r.tilesDecoded(), "a 10x10 region inside one 240x240 tile");
        }
    }

    @Test
    void tcgaNeedsOpenSlide() throws IOException {
        Path tcga = RealSlides.require(RealSlides.TCGA);
        UnsupportedSlideException e =
                assertThrows(UnsupportedSlideException.class, () -> TiffSlideReader.open(tcga));
        assertTrue(e.getMessage().contains("JPEG 2000"), e.getMessage());
        assertTrue(e.getMessage().contains("33005"), e.getMessage());
        if (!OpenSlideReader.isAvailable()) {
            UnsupportedSlideException viaFactory =
                    assertThrows(UnsupportedSlideException.class, () -> SlideReaders.open(tcga));
            assertTrue(viaFactory.getMessage().contains("libopenslide0"), viaFactory.getMessage());
            return;
        }
        try (SlideReader r = SlideReaders.open(tcga)) {
            assertEquals("openslide", r.backend());
            SlideMetadata m = r.metadata();
            assertEquals(List.of(4443L, 2221L), m.levelWidthsPx());
            assertEquals(List.of(3567L, 1783L), m.levelHeightsPx());
            assertEquals((4443 / 2221.0 + 3567 / 1783.0) / 2, m.downsamples().get(1), 1e-9);
            assertTrue(m.mppX().isEmpty() && m.mppY().isEmpty() && m.objectivePower().isEmpty());
            assertEquals("aperio", m.vendor());
            LowMagException noMag =
                    assertThrows(
                            LowMagException.class,
                            () -> MagnificationResolver.slideOnly().require(m));
            assertTrue(noMag.getMessage().contains("--source-mag or --source-mpp"));
            BufferedImage half = r.readRegion(new RegionRequest(0, 0, 4443, 3567, 2));
            assertSize(half, 2222, 1784);
            assertTrue(meanLuminance(half) < 250, "the section should not read as blank");
        }
    }

    @Test
    void kidneyStripTiffMatchesAFullDecode() throws IOException {
        Path kidney = RealSlides.require(RealSlides.KIDNEY);
        BufferedImage full = ImageIO.read(kidney.toFile());
        try (SlideReader r = SlideReaders.open(kidney)) {
            assertEquals("tiff", r.backend());
            assertEquals(1493, r.metadata().widthPx());
            assertEquals(901, r.metadata().heightPx());
            assertEquals("generic-tiff", r.metadata().vendor());
            // Crosses the boundary between the two virtual strips (rows 0..701 and 702..900).
            BufferedImage region = r.readRegion(new RegionRequest(300, 650, 400, 200, 1));
            assertEquals(0.0, RealSlides.meanAbsDiff(region, full.getSubimage(300, 650, 400, 200)));
        }
    }

    /** JPEG decoders may differ slightly; on this file the two readers agree almost exactly. */
    @Test
    void cmu1PureJavaAgreesWithOpenSlide() throws IOException {
        Path cmu = RealSlides.require(RealSlides.CMU1);
        RealSlides.requireOpenSlide();
        try (SlideReader tiff = TiffSlideReader.open(cmu);
                SlideReader os = OpenSlideReader.open(cmu)) {
            assertEquals(tiff.metadata().mppX(), os.metadata().mppX());
            assertEquals(tiff.metadata().objectivePower(), os.metadata().objectivePower());
            assertEquals(
                    new java.util.TreeSet<>(tiff.metadata().associatedImages()),
                    new java.util.TreeSet<>(os.metadata().associatedImages()));
            for (double ds : new double[] {1, 2.5, 4}) {
                RegionRequest req = new RegionRequest(700, 900, 1024, 1024, ds);
                double diff = RealSlides.meanAbsDiff(tiff.readRegion(req), os.readRegion(req));
                assertTrue(diff < 1.0, "mean abs difference " + diff + " at downsample " + ds);
            }
            double labelDiff =
                    RealSlides.meanAbsDiff(
                            tiff.readAssociatedImage("label"), os.readAssociatedImage("label"));
            assertTrue(labelDiff < 1.0, "label differs by " + labelDiff);
        }
    }

    @Test
    void truncatedRealSlideIsReportedAsTruncated() throws IOException {
        byte[] bytes = Files.readAllBytes(RealSlides.require(RealSlides.CMU1));
        Path cut = dir.resolve("cut.svs");
        Files.write(cut, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        IOException e = assertThrows(IOException.class, () -> SlideReaders.open(cut));
        assertTrue(!(e instanceof UnsupportedSlideException), e.toString());
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
        assertTrue(e.getMessage().contains(cut.toString()), e.getMessage());
    }

    private static void assertSize(BufferedImage img, int w, int h) {
        assertInstanceOf(BufferedImage.class, img);
        assertEquals(w, img.getWidth());
        assertEquals(h, img.getHeight());
        assertEquals(BufferedImage.TYPE_INT_RGB, img.getType());
    }

    private static double meanLuminance(BufferedImage img) {
        double sum = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int p = img.getRGB(x, y);
                sum += (((p >> 16) & 0xFF) + ((p >> 8) & 0xFF) + (p & 0xFF)) / 3.0;
            }
        }
        return sum / (img.getWidth() * (double) img.getHeight());
    }
}
