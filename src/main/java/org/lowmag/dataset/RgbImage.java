package org.lowmag.dataset;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.awt.image.WritableRaster;

/**
 * An 8-bit RGB image as planar bytes: {@code planes[c][y * widthPx + x]} for channel {@code c} in
 * R, G, B. Compact (3 bytes per pixel) and quick to turn into an NCHW tensor.
 *
 * @param widthPx width in pixels
 * @param heightPx height in pixels
 * @param planes the three channel planes, each {@code widthPx * heightPx} bytes (unsigned)
 */
public record RgbImage(int widthPx, int heightPx, byte[][] planes) {

    /** Validates the sizes. */
    public RgbImage {
        if (widthPx <= 0 || heightPx <= 0) {
            throw new IllegalArgumentException(
                    "image size must be positive, got " + widthPx + "x" + heightPx);
        }
        if (planes.length != 3) {
            throw new IllegalArgumentException("need 3 planes, got " + planes.length);
        }
        for (byte[] p : planes) {
            if (p.length != widthPx * heightPx) {
                throw new IllegalArgumentException(
                        "plane size does not match " + widthPx + "x" + heightPx);
            }
        }
    }

    /**
     * Converts any BufferedImage (alpha composited onto white).
     *
     * @param img the image
     * @return the planar image
     */
    public static RgbImage of(BufferedImage img) {
        int w = img.getWidth();
        int h = img.getHeight();
        byte[][] planes = new byte[3][w * h];
        boolean compact = compact(img);
        if (compact && img.getType() == BufferedImage.TYPE_3BYTE_BGR) {
            byte[] bgr = ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
            for (int i = 0; i < w * h; i++) {
                planes[2][i] = bgr[3 * i];
                planes[1][i] = bgr[3 * i + 1];
                planes[0][i] = bgr[3 * i + 2];
            }
            return new RgbImage(w, h, planes);
        }
        if (compact && img.getType() == BufferedImage.TYPE_INT_RGB) {
            int[] px = ((DataBufferInt) img.getRaster().getDataBuffer()).getData();
            fillFromArgb(px, planes, false);
            return new RgbImage(w, h, planes);
        }
        int[] row = new int[w];
        int[] all = new int[w * h];
        for (int y = 0; y < h; y++) {
            img.getRGB(0, y, w, 1, row, 0, w);
            System.arraycopy(row, 0, all, y * w, w);
        }
        fillFromArgb(all, planes, img.getColorModel().hasAlpha());
        return new RgbImage(w, h, planes);
    }

    /**
     * Whether the image's pixels are its data buffer's, row after row with nothing between them:
     * not so for a {@link BufferedImage#getSubimage sub-image}, which shares its parent's buffer.
     */
    private static boolean compact(BufferedImage img) {
        WritableRaster r = img.getRaster();
        int bands = img.getType() == BufferedImage.TYPE_3BYTE_BGR ? 3 : 1;
        return r.getParent() == null
                && r.getSampleModelTranslateX() == 0
                && r.getSampleModelTranslateY() == 0
                && r.getDataBuffer().getNumBanks() == 1
                && r.getDataBuffer().getOffset() == 0
                && r.getDataBuffer().getSize() == (long) r.getWidth() * r.getHeight() * bands;
    }

    private static void fillFromArgb(int[] px, byte[][] planes, boolean alpha) {
        for (int i = 0; i < px.length; i++) {
            int p = px[i];
            int r = (p >> 16) & 255;
            int g = (p >> 8) & 255;
            int b = p & 255;
            if (alpha) {
                int a = (p >>> 24) & 255;
                r = (r * a + 255 * (255 - a) + 127) / 255;
                g = (g * a + 255 * (255 - a) + 127) / 255;
                b = (b * a + 255 * (255 - a) + 127) / 255;
            }
            planes[0][i] = (byte) r;
            planes[1][i] = (byte) g;
            planes[2][i] = (byte) b;
        }
    }

    /**
     * @return a {@code TYPE_INT_RGB} copy
     */
    public BufferedImage toBufferedImage() {
        BufferedImage img = new BufferedImage(widthPx, heightPx, BufferedImage.TYPE_INT_RGB);
        int[] px = ((DataBufferInt) img.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < px.length; i++) {
            px[i] =
                    ((planes[0][i] & 255) << 16)
                            | ((planes[1][i] & 255) << 8)
                            | (planes[2][i] & 255);
        }
        return img;
    }

    /**
     * @param c channel (0 R, 1 G, 2 B)
     * @param x column
     * @param y row
     * @return the value 0-255
     */
    public int get(int c, int x, int y) {
        return planes[c][y * widthPx + x] & 255;
    }
}
