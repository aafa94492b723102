package org.lowmag.slide;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tests of the TEMPORARY plain-image reader (replaced by the real backends at merge). */
class PlainImageStubTest {

    @TempDir Path tmp;

    private Path image(int w, int h, int rgb) throws IOException {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                img.setRGB(x, y, rgb);
            }
        }
        Path p = tmp.resolve("img.png");
        ImageIO.write(img, "png", p.toFile());
        return p;
    }

    @Test
    void opensAPlainImageAsOneLevel() throws IOException {
        try (SlideReader r = SlideReaders.open(image(40, 30, 0x336699))) {
            assertEquals(40, r.metadata().widthPx());
            assertEquals(1, r.metadata().levelCount());
            assertTrue(r.metadata().mppX().isEmpty());
            assertEquals("image", r.backend());
            BufferedImage t = r.thumbnail(20);
            assertEquals(20, t.getWidth());
            assertEquals(15, t.getHeight());
            assertEquals(40, r.thumbnail(100).getWidth()); // never upsampled
            BufferedImage region = r.readRegion(new RegionRequest(30, 20, 20, 20, 2.0));
            assertEquals(10, region.getWidth());
            assertEquals(0x336699, region.getRGB(0, 0) & 0xffffff);
            assertEquals(0xffffff, region.getRGB(9, 9) & 0xffffff); // outside: white
        }
    }

    @Test
    void missingOrBadFilesFail() throws IOException {
        assertThrows(NoSuchFileException.class, () -> SlideReaders.open(tmp.resolve("x.png")));
        Path text = Files.writeString(tmp.resolve("t.png"), "text");
        assertThrows(IOException.class, () -> SlideReaders.open(text));
    }
}
