package org.lowmag.slide;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Plain images as one-level slides. */
class ImageSlideReaderTest {

    @TempDir Path dir;

    @Test
    void pngIsASingleLevelSlideWithoutMagnification() throws IOException {
        Path png = dir.resolve("a.png");
        ImageIO.write(SyntheticTiffs.image(90, 60, 0), "png", png.toFile());
        try (ImageSlideReader r = ImageSlideReader.open(png)) {
            SlideMetadata m = r.metadata();
            assertEquals(90, m.widthPx());
            assertEquals(60, m.heightPx());
            assertEquals(1, m.levelCount());
            assertEquals("image", m.vendor());
            assertTrue(MagnificationResolver.slideOnly().resolve(m).isEmpty());
            SyntheticTiffs.assertPattern(
                    r.readRegion(new RegionRequest(10, 5, 50, 40, 1)), 10, 5, 0);
            // Downsample 2 averages 2x2 blocks: R = (2i + 2i+1) / 2 + 10 = 2i + 10.5 -> rounds
            // half up to 2i + 11; likewise G = 2j + 5.5 -> 2j + 6 (float rounding of x.5 is up).
            BufferedImage half = r.readRegion(new RegionRequest(10, 5, 40, 30, 2));
            assertEquals(20, half.getWidth());
            assertEquals((2 * 3 + 11) << 16 | (2 * 4 + 6) << 8, half.getRGB(3, 4) & 0xFFFFFF);
        }
    }

    @Test
    void transparentAndGreyPixels() throws IOException {
        BufferedImage argb = new BufferedImage(4, 1, BufferedImage.TYPE_INT_ARGB);
        argb.setRGB(0, 0, 0x00000000); // transparent -> white
        argb.setRGB(1, 0, 0xFF102030); // opaque
        argb.setRGB(2, 0, 0x33000000); // 20 % black -> 204
        Path png = dir.resolve("alpha.png");
        ImageIO.write(argb, "png", png.toFile());
        try (ImageSlideReader r = ImageSlideReader.open(png)) {
            BufferedImage img = r.readRegion(new RegionRequest(0, 0, 4, 1, 1));
            assertEquals(0xFFFFFF, img.getRGB(0, 0) & 0xFFFFFF);
            assertEquals(0x102030, img.getRGB(1, 0) & 0xFFFFFF);
            assertEquals(0xCCCCCC, img.getRGB(2, 0) & 0xFFFFFF);
        }
        BufferedImage grey = new BufferedImage(2, 1, BufferedImage.TYPE_BYTE_GRAY);
        grey.getRaster().setSample(0, 0, 0, 77);
        grey.getRaster().setSample(1, 0, 0, 200);
        Path g = dir.resolve("grey.png");
        ImageIO.write(grey, "png", g.toFile());
        try (ImageSlideReader r = ImageSlideReader.open(g)) {
            BufferedImage img = r.readRegion(new RegionRequest(0, 0, 2, 1, 1));
            assertEquals(0x4D4D4D, img.getRGB(0, 0) & 0xFFFFFF, "grey 77 stays 77");
            assertEquals(0xC8C8C8, img.getRGB(1, 0) & 0xFFFFFF);
        }
    }

    @Test
    void notAnImage() throws IOException {
        Path txt = java.nio.file.Files.writeString(dir.resolve("a.png"), "no");
        assertThrows(UnsupportedSlideException.class, () -> ImageSlideReader.open(txt));
    }
}
