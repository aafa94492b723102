package org.lowmag.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link RgbImage#of}: every pixel where {@link BufferedImage#getRGB} says it is. */
class RgbImageTest {

    private static BufferedImage noise(int type, long seed) {
        BufferedImage img = new BufferedImage(40, 30, type);
        SplittableRandom r = new SplittableRandom(seed);
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                img.setRGB(x, y, 0xFF000000 | r.nextInt(1 << 24));
            }
        }
        return img;
    }

    private static void assertSamePixels(BufferedImage img) {
        RgbImage rgb = RgbImage.of(img);
        assertEquals(img.getWidth(), rgb.widthPx());
        assertEquals(img.getHeight(), rgb.heightPx());
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int p = img.getRGB(x, y);
                for (int c = 0; c < 3; c++) {
                    assertEquals(
                            (p >> (16 - 8 * c)) & 255, rgb.get(c, x, y), "pixel " + x + "," + y);
                }
            }
        }
    }

    @Test
    void readsWholeImagesOfTheFastPathTypesAndOthers() {
        assertSamePixels(noise(BufferedImage.TYPE_3BYTE_BGR, 1));
        assertSamePixels(noise(BufferedImage.TYPE_INT_RGB, 2));
        assertSamePixels(noise(BufferedImage.TYPE_INT_ARGB, 3));
    }

    /** A sub-image shares its parent's buffer: its pixels are not the buffer's first ones. */
    @Test
    void readsSubImagesFromTheirOwnPixelsNotTheParentsBuffer() {
        assertSamePixels(noise(BufferedImage.TYPE_3BYTE_BGR, 4).getSubimage(7, 5, 20, 11));
        assertSamePixels(noise(BufferedImage.TYPE_INT_RGB, 5).getSubimage(7, 5, 20, 11));
        assertSamePixels(noise(BufferedImage.TYPE_INT_RGB, 6).getSubimage(0, 0, 40, 12));
    }
}
