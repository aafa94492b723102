package org.lowmag.slide;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.zip.Deflater;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * Synthetic pyramidal TIFFs whose pixels are a known function of position, written at test time.
 *
 * <p>Level {@code L} pixel {@code (x, y)} (level coordinates) is {@code R = x mod 256, G = y mod
 * 256, B = 50 * L}. Level {@code L} is {@code w0 / 2^L x h0 / 2^L} (sizes divisible by 4 keep the
 * downsamples exactly 1, 2, 4).
 */
public final class SyntheticTiffs {

    private SyntheticTiffs() {}

    /**
     * @param x level x
     * @param y level y
     * @param level the level
     * @return the expected packed RGB
     */
    static int pixel(long x, long y, int level) {
        return (int) ((x % 256) << 16 | (y % 256) << 8 | (50L * level));
    }

    /**
     * @param w width
     * @param h height
     * @param level the level (blue channel)
     * @return an RGB image with the known pattern
     */
    static BufferedImage image(int w, int h, int level) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                img.setRGB(x, y, pixel(x, y, level));
            }
        }
        return img;
    }

    /**
     * Writes a pyramid with the JDK's TIFF writer (big-endian classic TIFF).
     *
     * @param file the target
     * @param w0 level-0 width
     * @param h0 level-0 height
     * @param levels number of levels
     * @param tilePx tile side (multiple of 16), or 0 for strips
     * @param compression JDK compression type ("Deflate", "LZW", "JPEG", "PackBits") or null
     * @return the file
     * @throws IOException when writing fails
     */
    static Path writeJdk(Path file, int w0, int h0, int levels, int tilePx, String compression)
            throws IOException {
        List<BufferedImage> images = new ArrayList<>();
        for (int level = 0; level < levels; level++) {
            images.add(image(w0 >> level, h0 >> level, level));
        }
        return writeLevels(file, images, tilePx, compression);
    }

    /**
     * Writes given images as the levels of a pyramid with the JDK's TIFF writer (for tests in other
     * packages that need their own pixels).
     *
     * @param file the target
     * @param levels the level images, finest first
     * @param tilePx tile side (multiple of 16), or 0 for strips
     * @param compression JDK compression type ("Deflate", "LZW", "JPEG", "PackBits") or null
     * @return the file
     * @throws IOException when writing fails
     */
    public static Path writeLevels(
            Path file, List<BufferedImage> levels, int tilePx, String compression)
            throws IOException {
        ImageWriter writer = jdkWriter();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
            writer.setOutput(out);
            writer.prepareWriteSequence(null);
            for (BufferedImage img : levels) {
                ImageWriteParam param = writer.getDefaultWriteParam();
                if (tilePx > 0) {
                    param.setTilingMode(ImageWriteParam.MODE_EXPLICIT);
                    param.setTiling(tilePx, tilePx, 0, 0);
                }
                if (compression == null) {
                    param.setCompressionMode(ImageWriteParam.MODE_DISABLED);
                } else {
                    param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                    param.setCompressionType(compression);
                }
                writer.writeToSequence(new IIOImage(img, null, null), param);
            }
            writer.endWriteSequence();
        } finally {
            writer.dispose();
        }
        return file;
    }

    /**
     * @return the JDK's own TIFF writer (not a plugin's)
     */
    public static ImageWriter jdkWriter() {
        for (Iterator<ImageWriter> it = ImageIO.getImageWritersByFormatName("tif");
                it.hasNext(); ) {
            ImageWriter w = it.next();
            if (w.getClass().getName().startsWith("com.sun.imageio.plugins.tiff")) {
                return w;
            }
        }
        throw new IllegalStateException("the JDK's TIFF writer is not available");
    }

    /**
     * Writes a little-endian tiled BigTIFF pyramid by hand, tiles Deflate-compressed (TIFF
     * compression 8, zlib streams), RGB chunky 8-bit, one IFD per level, levels after the first
     * marked reduced-resolution (NewSubfileType 1, which OpenSlide requires).
     *
     * @param file the target
     * @param w0 level-0 width
     * @param h0 level-0 height
     * @param levels number of levels
     * @param tilePx tile side (multiple of 16)
     * @return the file
     * @throws IOException when writing fails
     */
    static Path writeBigTiff(Path file, int w0, int h0, int levels, int tilePx) throws IOException {
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        data.write(new byte[16]); // header, patched below
        List<Long> ifdOffsets = new ArrayList<>();
        List<byte[]> ifds = new ArrayList<>();
        for (int level = 0; level < levels; level++) {
            int w = w0 >> level;
            int h = h0 >> level;
            int across = (w + tilePx - 1) / tilePx;
            int down = (h + tilePx - 1) / tilePx;
            long[] offsets = new long[across * down];
            long[] counts = new long[across * down];
            for (int t = 0; t < offsets.length; t++) {
                byte[] tile =
                        deflate(
                                tileBytes(
                                        t % across * tilePx,
                                        t / across * tilePx,
                                        tilePx,
                                        w,
                                        h,
                                        level));
                offsets[t] = data.size();
                counts[t] = tile.length;
                data.write(tile);
            }
            ifdOffsets.add((long) data.size());
            byte[] ifd = bigTiffIfd(data.size(), level, w, h, tilePx, offsets, counts);
            ifds.add(ifd);
            data.write(ifd);
        }
        byte[] bytes = data.toByteArray();
        ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        buf.put(0, (byte) 'I').put(1, (byte) 'I').putShort(2, (short) 43);
        buf.putShort(4, (short) 8).putShort(6, (short) 0).putLong(8, ifdOffsets.get(0));
        for (int i = 0; i + 1 < ifds.size(); i++) {
            long ifd = ifdOffsets.get(i);
            int entries = (int) buf.getLong((int) ifd);
            buf.putLong((int) (ifd + 8 + 20L * entries), ifdOffsets.get(i + 1));
        }
        Files.write(file, bytes);
        return file;
    }

    /** One tile's RGB bytes, padded with zeros outside the image. */
    private static byte[] tileBytes(int x0, int y0, int tilePx, int w, int h, int level) {
        byte[] out = new byte[tilePx * tilePx * 3];
        for (int y = 0; y < tilePx; y++) {
            for (int x = 0; x < tilePx; x++) {
                if (x0 + x < w && y0 + y < h) {
                    int p = pixel(x0 + x, y0 + y, level);
                    int i = (y * tilePx + x) * 3;
                    out[i] = (byte) (p >> 16);
                    out[i + 1] = (byte) (p >> 8);
                    out[i + 2] = (byte) p;
                }
            }
        }
        return out;
    }

    private static byte[] deflate(byte[] raw) {
        Deflater d = new Deflater();
        d.setInput(raw);
        d.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        while (!d.finished()) {
            out.write(buf, 0, d.deflate(buf));
        }
        d.end();
        return out.toByteArray();
    }

    /** A BigTIFF IFD at {@code at}: 20-byte entries (values up to 8 bytes inline), arrays after. */
    private static byte[] bigTiffIfd(
            long at, int level, int w, int h, int tilePx, long[] off, long[] counts) {
        int entries = 12;
        int fixed = 8 + 20 * entries + 8;
        ByteBuffer b = ByteBuffer.allocate(fixed + 16 * off.length).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(entries);
        long extra = at + fixed;
        entry(b, 254, 4, 1, level > 0 ? 1 : 0); // NewSubfileType: reduced resolution
        entry(b, 256, 16, 1, w); // ImageWidth LONG8
        entry(b, 257, 16, 1, h); // ImageLength LONG8
        b.putShort((short) 258).putShort((short) 3).putLong(3); // BitsPerSample: 6 bytes, inline
        b.putShort((short) 8).putShort((short) 8).putShort((short) 8).putShort((short) 0);
        entry(b, 259, 3, 1, 8); // Compression = Deflate
        entry(b, 262, 3, 1, 2); // RGB
        entry(b, 277, 3, 1, 3); // SamplesPerPixel
        entry(b, 284, 3, 1, 1); // chunky
        entry(b, 322, 3, 1, tilePx);
        entry(b, 323, 3, 1, tilePx);
        entry(b, 324, 16, off.length, off.length == 1 ? off[0] : extra);
        entry(b, 325, 16, off.length, off.length == 1 ? counts[0] : extra + 8L * off.length);
        b.putLong(0); // next IFD, patched by the caller
        for (long o : off) {
            b.putLong(o);
        }
        for (long c : counts) {
            b.putLong(c);
        }
        return b.array();
    }

    private static void entry(ByteBuffer b, int tag, int type, long count, long value) {
        b.putShort((short) tag).putShort((short) type).putLong(count);
        if (type == 3 && count == 1) {
            b.putShort((short) value).putShort((short) 0).putInt(0);
        } else {
            b.putLong(value);
        }
    }

    /** Asserts every pixel of {@code img} equals the pattern of {@code level} from (x0, y0). */
    static void assertPattern(BufferedImage img, long x0, long y0, int level) {
        for (int j = 0; j < img.getHeight(); j++) {
            for (int i = 0; i < img.getWidth(); i++) {
                int expected = SyntheticTiffs.pixel(x0 + i, y0 + j, level);
                int actual = img.getRGB(i, j) & 0xFFFFFF;
                if (expected != actual) {
                    throw new AssertionError(
                            String.format(
                                    "pixel (%d,%d): expected %06x, got %06x",
                                    i, j, expected, actual));
                }
            }
        }
    }
}
