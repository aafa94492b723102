package org.lowmag.slide;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import javax.imageio.ImageTypeSpecifier;
import org.junit.jupiter.api.Test;

/** {@link RgbPixels#toRgb} on the byte layouts decoders return, whole and as sub-images. */
class RgbPixelsTest {

    private static final int W = 7;
    private static final int H = 5;

    /** Distinct red, green and blue per pixel: {@code (10 x + y, 20 + 3 y, 200 - x - y)}. */
    private static int expected(int x, int y) {
        return (10 * x + y) << 16 | (20 + 3 * y) << 8 | (200 - x - y);
    }

    private static BufferedImage filled(BufferedImage image) {
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                image.setRGB(x, y, 0xFF000000 | expected(x, y));
            }
        }
        return image;
    }

    private static int[] expected(int x0, int y0, int w, int h) {
        int[] out = new int[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out[y * w + x] = expected(x0 + x, y0 + y);
            }
        }
        return out;
    }

    private static BufferedImage rgbOrder() {
        ImageTypeSpecifier rgb =
                ImageTypeSpecifier.createInterleaved(
                        ColorSpace.getInstance(ColorSpace.CS_sRGB),
                        new int[] {0, 1, 2},
                        DataBuffer.TYPE_BYTE,
                        false,
                        false);
        return rgb.createBufferedImage(W, H);
    }

    @Test
    void bgrBytesWholeAndSubImage() {
        BufferedImage bgr = filled(new BufferedImage(W, H, BufferedImage.TYPE_3BYTE_BGR));
        assertArrayEquals(expected(0, 0, W, H), RgbPixels.toRgb(bgr));
        assertArrayEquals(expected(2, 1, 4, 3), RgbPixels.toRgb(bgr.getSubimage(2, 1, 4, 3)));
        assertArrayEquals(expected(0, 0, 3, 2), RgbPixels.toRgb(bgr.getSubimage(0, 0, 3, 2)));
    }

    @Test
    void rgbOrderedBytesWholeAndSubImage() {
        BufferedImage rgb = filled(rgbOrder());
        assertArrayEquals(expected(0, 0, W, H), RgbPixels.toRgb(rgb));
        assertArrayEquals(expected(3, 2, 4, 3), RgbPixels.toRgb(rgb.getSubimage(3, 2, 4, 3)));
    }

    @Test
    void otherLayoutsAgree() {
        for (int type :
                new int[] {
                    BufferedImage.TYPE_INT_RGB,
                    BufferedImage.TYPE_INT_BGR,
                    BufferedImage.TYPE_4BYTE_ABGR
                }) {
            BufferedImage image = filled(new BufferedImage(W, H, type));
            assertArrayEquals(expected(0, 0, W, H), RgbPixels.toRgb(image), "type " + type);
            assertArrayEquals(
                    expected(1, 1, 5, 4),
                    RgbPixels.toRgb(image.getSubimage(1, 1, 5, 4)),
                    "type " + type + " sub-image");
        }
    }
}
