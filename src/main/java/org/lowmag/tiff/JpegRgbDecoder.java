package org.lowmag.tiff;

import com.twelvemonkeys.imageio.stream.ByteArrayImageInputStream;
import java.awt.image.Raster;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.ImageReader;
import javax.imageio.spi.IIORegistry;
import javax.imageio.spi.ImageReaderSpi;
import javax.imageio.stream.ImageInputStream;

/**
 * Decodes an 8-bit JPEG block of a TIFF (grey, RGB or YCbCr) straight to packed {@code 0xRRGGBB}
 * pixels with the JDK's libjpeg decoder: the TIFF's {@code JPEGTables} and the block's abbreviated
 * stream are joined into one interchange stream (the tables' SOI ... DHT/DQT without their EOI,
 * then the block's stream after its SOI), whose samples are read as they are stored ({@code
 * ImageReader.readRaster}: libjpeg upsamples the chroma, with its default "fancy" triangle filter,
 * but converts no colour), then YCbCr becomes RGB here as libjpeg's {@code jdcolor.c} does it, in
 * 16-bit fixed point:
 *
 * <pre>
 *   F(c)  = floor(c 2^16 + 1/2)
 *   R     = clamp(Y + ((F(1.40200) (Cr - 128) + 2^15) &gt;&gt; 16))
 *   G     = clamp(Y + ((-F(0.34414) (Cb - 128) - F(0.71414) (Cr - 128) + 2^15) &gt;&gt; 16))
 *   B     = clamp(Y + ((F(1.77200) (Cb - 128) + 2^15) &gt;&gt; 16))     clamp to [0, 255]
 * </pre>
 *
 * so the pixels equal those of a full decode through the TIFF reader (same libjpeg, same
 * conversion), which {@code JpegRgbDecoderTest} checks tile by tile. Why: the TIFF reader wraps
 * every tile in an in-memory TIFF, and the JDK's reader then copies each decoded scanline into a
 * BGR image pixel by pixel; for a 256 x 256 tile that was about half of the decode's time. Whether
 * a block is YCbCr is for the caller to say (the TIFF's PhotometricInterpretation, corrected to
 * what the stream declares: {@link JpegColourTags}). Not thread-safe: one per thread.
 */
final class JpegRgbDecoder implements AutoCloseable {

    private static final String JDK_READER_SPI = "com.sun.imageio.plugins.jpeg.JPEGImageReaderSpi";

    /** The JDK's own JPEG reader's provider (found once; readers are made per decoder). */
    private static final ImageReaderSpi JDK_SPI = jdkSpi();

    private static final int SCALE_BITS = 16;
    private static final int HALF = 1 << (SCALE_BITS - 1);
    private static final int[] CR_R = new int[256];
    private static final int[] CB_B = new int[256];
    private static final int[] CR_G = new int[256];
    private static final int[] CB_G = new int[256];

    /** {@code RANGE[v + RANGE_OFFSET] = clamp(v)} for every {@code v} the conversion can give. */
    private static final int RANGE_OFFSET = 384;

    private static final int[] RANGE = new int[1024];

    static {
        for (int i = 0; i < RANGE.length; i++) {
            RANGE[i] = Math.max(0, Math.min(255, i - RANGE_OFFSET));
        }
        for (int i = 0; i < 256; i++) {
            int x = i - 128;
            CR_R[i] = (fix(1.40200) * x + HALF) >> SCALE_BITS;
            CB_B[i] = (fix(1.77200) * x + HALF) >> SCALE_BITS;
            CR_G[i] = -fix(0.71414) * x;
            CB_G[i] = -fix(0.34414) * x + HALF;
        }
    }

    private final ImageReader reader;

    private JpegRgbDecoder(ImageReader reader) {
        this.reader = reader;
    }

    /**
     * @return a decoder, or null when this JDK has no built-in JPEG reader (decode through the TIFF
     *     reader then)
     */
    static JpegRgbDecoder create() {
        if (JDK_SPI == null) {
            return null;
        }
        try {
            return new JpegRgbDecoder(JDK_SPI.createReaderInstance(null));
        } catch (IOException e) {
            return null;
        }
    }

    private static ImageReaderSpi jdkSpi() {
        Iterator<ImageReaderSpi> spis =
                IIORegistry.getDefaultInstance().getServiceProviders(ImageReaderSpi.class, false);
        while (spis.hasNext()) {
            ImageReaderSpi spi = spis.next();
            if (spi.getClass().getName().equals(JDK_READER_SPI)) {
                return spi;
            }
        }
        return null;
    }

    private static int fix(double c) {
        return (int) (c * (1 << SCALE_BITS) + 0.5);
    }

    /**
     * @param tables the TIFF's {@code JPEGTables} (a stream of tables only), or null
     * @param block the block's JPEG stream
     * @param ycbcr whether its three components are YCbCr (else RGB, or one grey component)
     * @param components the component count the TIFF declares, 1 or 3
     * @param width the pixels wanted across, from the left (at most the stream's width)
     * @param height the rows wanted, from the top
     * @return {@code width x height} pixels, packed RGB, row-major; null when the stream does not
     *     start with SOI, is smaller than that or its samples are not laid out as expected (decode
     *     through the TIFF reader then)
     * @throws IOException when libjpeg rejects the data
     */
    int[] decode(byte[] tables, byte[] block, boolean ycbcr, int components, int width, int height)
            throws IOException {
        if (block.length < 2 || (block[0] & 0xFF) != 0xFF || (block[1] & 0xFF) != 0xD8) {
            return null;
        }
        Raster raster;
        try (ImageInputStream in = new ByteArrayImageInputStream(joined(tables, block))) {
            reader.setInput(in);
            raster = reader.readRaster(0, null);
        } finally {
            reader.setInput(null);
        }
        InterleavedBytes layout = InterleavedBytes.of(raster);
        if (layout == null
                || raster.getNumBands() != components
                || raster.getWidth() < width
                || raster.getHeight() < height) {
            return null;
        }
        if (!ycbcr || components != 3) {
            return layout.packRgb(width, height);
        }
        byte[] data = layout.data();
        int stride = layout.stride();
        int o0 = layout.band(0);
        int o1 = layout.band(1);
        int o2 = layout.band(2);
        int[] out = new int[width * height];
        for (int y = 0, i = 0; y < height; y++) {
            for (int x = 0, j = layout.rowStart(y); x < width; x++, i++, j += stride) {
                out[i] = rgb(data[j + o0] & 0xFF, data[j + o1] & 0xFF, data[j + o2] & 0xFF);
            }
        }
        return out;
    }

    /** libjpeg's {@code ycc_rgb_convert} for one pixel (see the class formula). */
    static int rgb(int y, int cb, int cr) {
        int v = y + RANGE_OFFSET;
        return RANGE[v + CR_R[cr]] << 16
                | RANGE[v + ((CB_G[cb] + CR_G[cr]) >> SCALE_BITS)] << 8
                | RANGE[v + CB_B[cb]];
    }

    /** The tables stream without its EOI, then the block's stream without its SOI. */
    static byte[] joined(byte[] tables, byte[] block) {
        if (tables == null || tables.length < 4 || block.length < 2) {
            return block;
        }
        int keep = tables.length - 2;
        if ((tables[keep] & 0xFF) != 0xFF || (tables[keep + 1] & 0xFF) != 0xD9) {
            keep = tables.length; // no EOI at the end: keep the tables whole
        }
        byte[] out = new byte[keep + block.length - 2];
        System.arraycopy(tables, 0, out, 0, keep);
        System.arraycopy(block, 2, out, keep, block.length - 2);
        return out;
    }

    @Override
    public void close() {
        reader.dispose();
    }
}
