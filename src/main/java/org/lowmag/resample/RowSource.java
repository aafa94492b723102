package org.lowmag.resample;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;

/**
 * Rows of an 8-bit RGB image as packed ints {@code 0xRRGGBB}, whatever the storage. Reading is
 * thread-safe (read-only).
 */
interface RowSource {

    /**
     * Copies row {@code y} as packed RGB into {@code dst[0..width)}.
     *
     * @param y the row
     * @param dst the destination, at least {@code width} long
     */
    void readRow(int y, int[] dst);

    /**
     * A packed {@code 0xRRGGBB} (or {@code 0xAARRGGBB}, alpha ignored) int array, row-major.
     *
     * @param rgb the pixels
     * @param offset index of pixel (0, 0)
     * @param stride ints from one row to the next
     * @param width pixels per row
     * @return the source
     */
    static RowSource packed(int[] rgb, int offset, int stride, int width) {
        return (y, dst) -> System.arraycopy(rgb, offset + y * stride, dst, 0, width);
    }

    /**
     * Wraps a BufferedImage, reading its backing array directly for the common types ({@code
     * INT_RGB}, {@code INT_ARGB}, {@code 3BYTE_BGR}, {@code BYTE_GRAY}) and through {@code getRGB}
     * otherwise. Alpha is ignored (the colour channels are resampled as they are).
     *
     * @param image the image
     * @return the source
     */
    static RowSource of(BufferedImage image) {
        int w = image.getWidth();
        boolean plain =
                image.getRaster().getSampleModelTranslateX() == 0
                        && image.getRaster().getSampleModelTranslateY() == 0
                        && image.getRaster().getParent() == null;
        if (plain) {
            switch (image.getType()) {
                case BufferedImage.TYPE_INT_RGB, BufferedImage.TYPE_INT_ARGB -> {
                    int[] data = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
                    return packed(data, 0, w, w);
                }
                case BufferedImage.TYPE_3BYTE_BGR -> {
                    byte[] data = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
                    return (y, dst) -> unpackBgr(data, y * w * 3, w, dst);
                }
                case BufferedImage.TYPE_BYTE_GRAY -> {
                    byte[] data = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
                    return (y, dst) -> unpackGrey(data, y * w, w, dst);
                }
                default -> {
                    // fall through to the generic reader
                }
            }
        }
        return (y, dst) -> image.getRGB(0, y, w, 1, dst, 0, w);
    }

    private static void unpackBgr(byte[] data, int offset, int width, int[] dst) {
        for (int x = 0, i = offset; x < width; x++, i += 3) {
            dst[x] = (data[i + 2] & 0xff) << 16 | (data[i + 1] & 0xff) << 8 | (data[i] & 0xff);
        }
    }

    private static void unpackGrey(byte[] data, int offset, int width, int[] dst) {
        for (int x = 0; x < width; x++) {
            int v = data[offset + x] & 0xff;
            dst[x] = v << 16 | v << 8 | v;
        }
    }
}
