package org.lowmag.tiff;

import java.awt.image.DataBufferByte;
import java.awt.image.PixelInterleavedSampleModel;
import java.awt.image.Raster;

/**
 * The samples of a raster stored pixel-interleaved in one byte array (8 bits a sample, 1 or 3
 * bands), read straight from the array: the sample of band {@code b} at raster pixel {@code (x, y)}
 * is at
 *
 * <pre>
 *   origin + y scanline + x pixelStride + bandOffset[b]
 *   origin = bankOffset + (minY - ty) scanline + (minX - tx) pixelStride
 * </pre>
 *
 * ({@code (tx, ty)} the raster's sample-model translation, so sub-images and child rasters work).
 * One band is read as grey (its sample for all three). Used for decoded JPEG tiles, whose rasters
 * are laid out this way, instead of {@code BufferedImage.getRGB} or {@code Raster.getSamples}.
 */
public final class InterleavedBytes {

    private final byte[] data;
    private final int origin;
    private final int stride;
    private final int scanline;
    private final int o0;
    private final int o1;
    private final int o2;

    private InterleavedBytes(byte[] data, int origin, int stride, int scanline, int[] bands) {
        this.data = data;
        this.origin = origin;
        this.stride = stride;
        this.scanline = scanline;
        boolean grey = bands.length == 1;
        this.o0 = bands[0];
        this.o1 = bands[grey ? 0 : 1];
        this.o2 = bands[grey ? 0 : 2];
    }

    /**
     * @param raster a raster
     * @return its layout, or null when it is not 1 or 3 byte bands interleaved in one bank
     */
    public static InterleavedBytes of(Raster raster) {
        if (!(raster.getSampleModel() instanceof PixelInterleavedSampleModel sm)
                || !(raster.getDataBuffer() instanceof DataBufferByte buffer)
                || buffer.getNumBanks() != 1
                || (sm.getNumBands() != 1 && sm.getNumBands() != 3)) {
            return null;
        }
        int stride = sm.getPixelStride();
        int scanline = sm.getScanlineStride();
        int origin =
                buffer.getOffset()
                        + (raster.getMinY() - raster.getSampleModelTranslateY()) * scanline
                        + (raster.getMinX() - raster.getSampleModelTranslateX()) * stride;
        return new InterleavedBytes(
                buffer.getData(), origin, stride, scanline, sm.getBandOffsets());
    }

    /**
     * @param widthPx pixels across, from the raster's left
     * @param heightPx rows, from its top
     * @return {@code widthPx x heightPx} pixels packed {@code s0 << 16 | s1 << 8 | s2} (bands 0, 1,
     *     2 as red, green, blue; grey for one band), row-major
     */
    public int[] packRgb(int widthPx, int heightPx) {
        int[] out = new int[widthPx * heightPx];
        for (int y = 0, i = 0; y < heightPx; y++) {
            for (int x = 0, j = rowStart(y); x < widthPx; x++, i++, j += stride) {
                out[i] =
                        (data[j + o0] & 0xFF) << 16
                                | (data[j + o1] & 0xFF) << 8
                                | data[j + o2] & 0xFF;
            }
        }
        return out;
    }

    /**
     * @return the samples ({@link #rowStart}, {@link #stride}, {@link #band} index into them)
     */
    public byte[] data() {
        return data;
    }

    /**
     * @param y a row of the raster
     * @return the index of its first pixel (add {@link #band} for a band's sample)
     */
    public int rowStart(int y) {
        return origin + y * scanline;
    }

    /**
     * @return how far apart consecutive pixels of a row are
     */
    public int stride() {
        return stride;
    }

    /**
     * @param b a band, 0-2 (all band 0 for grey)
     * @return its offset within a pixel
     */
    public int band(int b) {
        return b == 0 ? o0 : b == 1 ? o1 : o2;
    }
}
