package org.lowmag.tiff;

import com.twelvemonkeys.imageio.plugins.tiff.TIFFImageReaderSpi;
import com.twelvemonkeys.imageio.stream.ByteArrayImageInputStream;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Decodes one tile (or strip) of a {@link TiffPage} on its own. The tile's compressed bytes are
 * read from the file and wrapped in a small in-memory TIFF whose single image is that tile (same
 * compression, photometric, JPEG tables, predictor ...), which the TwelveMonkeys TIFF reader then
 * decodes in full. A JPEG block whose stream declares a colour space the TIFF's tags contradict is
 * decoded as the stream says ({@link JpegColourTags}).
 *
 * <p>Why not {@code ImageReadParam.setSourceRegion} on the slide file itself: TwelveMonkeys 3.12
 * skips untouched tiles only for JPEG tiles, and fails with {@code ArrayIndexOutOfBoundsException}
 * on a source region of a tiled LZW/Deflate image; one tile per decode works for every compression
 * it supports and reads exactly the bytes a region needs. Not thread-safe: use one per thread.
 */
public final class TiffTileDecoder implements AutoCloseable {

    private static final TIFFImageReaderSpi SPI = new TIFFImageReaderSpi();
    private static final short SHORT = 3;
    private static final short LONG = 4;
    private static final short UNDEFINED = 7;

    private final RandomAccessSource source;
    private final ByteOrder order;
    private final String path;
    private final ImageReader reader;
    private TiffPage dcPage;
    private JpegDcDecoder.Tables dcTables;
    private boolean dcYcbcr;
    private JpegRgbDecoder jpeg;
    private boolean noJdkJpeg;

    /**
     * @param source the file (also named in messages)
     * @param order the file's byte order (uncompressed samples wider than 8 bits keep it)
     */
    public TiffTileDecoder(RandomAccessSource source, ByteOrder order) {
        this.source = source;
        this.order = order;
        this.path = source.name();
        this.reader = SPI.createReaderInstance(null);
    }

    /**
     * @param page the image
     * @param tile the block index (row-major)
     * @return the decoded block, cropped to the image (edge tiles)
     * @throws IOException when reading or decoding fails
     */
    public BufferedImage decode(TiffPage page, int tile) throws IOException {
        int col = tile % page.tilesAcross();
        int row = tile / page.tilesAcross();
        int fullW = page.tileWidthPx;
        int fullH = blockHeight(page, row);
        byte[] tiff = buildTiff(page, tile, fullW, fullH);
        BufferedImage image;
        try (ImageInputStream in = new ByteArrayImageInputStream(tiff)) {
            reader.setInput(in);
            image = reader.read(0);
        } catch (IOException
                | IllegalArgumentException
                | IllegalStateException
                | IndexOutOfBoundsException
                | NegativeArraySizeException e) {
            throw cannotDecode(page, tile, e);
        } finally {
            reader.setInput(null);
        }
        int validW = validWidth(page, col);
        int validH = validHeight(page, row);
        if (image.getWidth() < validW || image.getHeight() < validH) {
            throw new IOException(
                    path
                            + ": tile "
                            + tile
                            + " of IFD "
                            + page.ifd
                            + " decoded to "
                            + image.getWidth()
                            + "x"
                            + image.getHeight()
                            + ", expected "
                            + validW
                            + "x"
                            + validH);
        }
        return image.getWidth() == validW && image.getHeight() == validH
                ? image
                : image.getSubimage(0, 0, validW, validH);
    }

    /**
     * Decodes an 8-bit grey, RGB or YCbCr JPEG block straight to packed RGB ({@link
     * JpegRgbDecoder}: the same pixels as {@link #decode}, without its in-memory TIFF and image
     * copies).
     *
     * @param page the image
     * @param tile the block index (row-major)
     * @return the block's part inside the image ({@code w x h}), packed {@code 0xRRGGBB},
     *     row-major; null when the block is not such a JPEG block or the JDK's decoder rejects it
     *     (use {@link #decode}, which reports corrupt data)
     * @throws IOException when reading or decoding fails
     */
    public int[] decodeRgb(TiffPage page, int tile) throws IOException {
        Map<Integer, Object> raw = page.decodeTags();
        int components = (int) first(raw.get(TiffTags.SAMPLES_PER_PIXEL), 1);
        long[] bits = TiffTags.values(raw.get(TiffTags.BITS_PER_SAMPLE));
        if (page.compression != 7
                || page.planes != 1
                || noJdkJpeg
                || (components != 1 && components != 3)
                || raw.containsKey(TiffTags.EXTRA_SAMPLES)
                || bits == null
                || bits.length == 0
                || !Arrays.stream(bits).allMatch(b -> b == 8)) {
            return null;
        }
        int col = tile % page.tilesAcross();
        int row = tile / page.tilesAcross();
        int fullH = blockHeight(page, row);
        byte[] bytes = readBytes(page.offset(tile, 0), page.byteCount(tile, 0));
        JpegFrame frame = JpegFrame.parse(bytes);
        checkJpegSize(page, tile, frame, page.tileWidthPx, fullH);
        Map<Integer, Object> tags = JpegColourTags.corrected(raw, frame);
        long photometric = first(tags.get(TiffTags.PHOTOMETRIC), -1);
        boolean ycbcr = photometric == JpegColourTags.YCBCR;
        if (components == 3 ? !ycbcr && photometric != JpegColourTags.RGB : photometric != 1) {
            return null;
        }
        if (jpeg == null) {
            jpeg = JpegRgbDecoder.create();
            if (jpeg == null) {
                noJdkJpeg = true;
                return null;
            }
        }
        Object tables = tags.get(TiffTags.JPEG_TABLES);
        try {
            return jpeg.decode(
                    tables instanceof byte[] t ? t : null,
                    bytes,
                    ycbcr,
                    components,
                    validWidth(page, col),
                    validHeight(page, row));
        } catch (IOException | RuntimeException e) {
            // The JDK's reader is stricter than TwelveMonkeys' with some streams: let the TIFF
            // reader try, which names the file and block if the data are corrupt.
            return null;
        }
    }

    /** A tile's stored height; a strip's: the rows left in the image, at most RowsPerStrip. */
    private static int blockHeight(TiffPage page, int row) {
        return page.tiled
                ? page.tileHeightPx
                : Math.min(page.tileHeightPx, page.heightPx - row * page.tileHeightPx);
    }

    /** Decoders report corrupt data with several exception types; this names the file and block. */
    private IOException cannotDecode(TiffPage page, int tile, Exception e) {
        return new IOException(
                String.format(
                        "%s: cannot decode %s %d (IFD %d, compression %d): %s",
                        path,
                        page.tiled ? "tile" : "strip",
                        tile,
                        page.ifd,
                        page.compression,
                        e.getMessage()),
                e);
    }

    /** The first value of a raw numeric tag ({@link TiffTags#values}), or {@code absent}. */
    private static long first(Object raw, long absent) {
        long[] v = TiffTags.values(raw);
        return v == null || v.length == 0 ? absent : v[0];
    }

    /** The rows of block row {@code row} inside the image. */
    private static int validHeight(TiffPage page, int row) {
        return Math.min(blockHeight(page, row), page.heightPx - row * page.tileHeightPx);
    }

    /** The columns of block column {@code col} inside the image. */
    private static int validWidth(TiffPage page, int col) {
        return Math.min(page.tileWidthPx, page.widthPx - col * page.tileWidthPx);
    }

    /**
     * Decodes a JPEG tile at 1/8 scale from its DC coefficients alone ({@link JpegDcDecoder}): one
     * pixel per 8 x 8 block, the block's mean colour, without an inverse DCT.
     *
     * @param page the image (a JPEG-compressed, tiled, single-plane page)
     * @param tile the block index (row-major)
     * @return {@code ceil(w / 8) x ceil(h / 8)} packed {@code 0xRRGGBB} pixels, row-major, for the
     *     tile's part inside the image ({@code w x h}); null when the page or the tile's stream is
     *     not one the DC decoder supports (decode it in full then)
     * @throws IOException when reading or decoding fails
     */
    public int[] decodeDc(TiffPage page, int tile) throws IOException {
        if (!supportsDc(page)) {
            return null;
        }
        byte[] bytes = readBytes(page.offset(tile, 0), page.byteCount(tile, 0));
        DcImage dc;
        try {
            if (page != dcPage) { // a level's JPEGTables parsed once for all its tiles
                Object tables = page.decodeTags().get(TiffTags.JPEG_TABLES);
                dcTables = JpegDcDecoder.tables(tables instanceof byte[] t ? t : null);
                dcPage = page;
            }
        } catch (IOException | RuntimeException e) {
            throw dcError(page, tile, e);
        }
        // a tile that repeats the last one's header has had its frame and colour checked
        if (dcTables == null || !dcTables.repeatsLastHeader(bytes)) {
            JpegFrame frame = JpegFrame.parse(bytes);
            checkJpegSize(page, tile, frame, page.tileWidthPx, page.tileHeightPx);
            Object photometric =
                    JpegColourTags.corrected(page.decodeTags(), frame).get(TiffTags.PHOTOMETRIC);
            dcYcbcr = photometric instanceof Number n ? n.intValue() == JpegColourTags.YCBCR : true;
        }
        try {
            dc = JpegDcDecoder.decodeWith(dcTables, bytes);
        } catch (IOException | RuntimeException e) {
            throw dcError(page, tile, e);
        }
        if (dc == null) {
            return null;
        }
        int[] rgb = dc.toRgb(dcYcbcr);
        int col = tile % page.tilesAcross();
        int row = tile / page.tilesAcross();
        int w = (validWidth(page, col) + 7) / 8;
        int h = (validHeight(page, row) + 7) / 8;
        if (dc.width() < w || dc.height() < h) {
            throw new IOException(
                    path + ": tile " + tile + " of IFD " + page.ifd + " is smaller than its tile");
        }
        if (dc.width() == w && dc.height() == h) {
            return rgb;
        }
        int[] out = new int[w * h];
        for (int y = 0; y < h; y++) {
            System.arraycopy(rgb, y * dc.width(), out, y * w, w);
        }
        return out;
    }

    private IOException dcError(TiffPage page, int tile, Exception e) {
        return new IOException(
                String.format(
                        "%s: cannot decode tile %d (IFD %d) at 1/8 scale: %s",
                        path, tile, page.ifd, e.getMessage()),
                e);
    }

    /**
     * @param page an image
     * @return whether its tiles may be decoded at 1/8 scale ({@link #decodeDc}): JPEG, tiled with
     *     sides that are multiples of 8, one plane
     */
    public static boolean supportsDc(TiffPage page) {
        return page.compression == 7
                && page.tiled
                && page.planes == 1
                && page.tileWidthPx % 8 == 0
                && page.tileHeightPx % 8 == 0;
    }

    /** Builds header + one IFD + the tile's data (one block per plane). */
    private byte[] buildTiff(TiffPage page, int tile, int width, int height) throws IOException {
        List<byte[]> data = new ArrayList<>();
        long total = 0;
        JpegFrame frame = null;
        for (int p = 0; p < page.planes; p++) {
            byte[] bytes = readBytes(page.offset(tile, p), page.byteCount(tile, p));
            if (page.compression == 7) {
                frame = JpegFrame.parse(bytes);
                checkJpegSize(page, tile, frame, width, height);
            }
            data.add(bytes);
            total += bytes.length;
        }
        Map<Integer, Object> tags =
                page.planes == 1
                        ? JpegColourTags.corrected(page.decodeTags(), frame)
                        : page.decodeTags();
        List<Field> fields = new ArrayList<>();
        fields.add(Field.longs(TiffTags.IMAGE_WIDTH, width));
        fields.add(Field.longs(TiffTags.IMAGE_LENGTH, height));
        for (Map.Entry<Integer, Object> e : tags.entrySet()) {
            fields.add(Field.copy(e.getKey(), e.getValue()));
        }
        if (page.tiled) {
            fields.add(Field.longs(TiffTags.TILE_WIDTH, width));
            fields.add(Field.longs(TiffTags.TILE_LENGTH, height));
        } else {
            fields.add(Field.longs(TiffTags.ROWS_PER_STRIP, height));
        }
        long[] counts = data.stream().mapToLong(b -> b.length).toArray();
        int offsetsTag = page.tiled ? TiffTags.TILE_OFFSETS : TiffTags.STRIP_OFFSETS;
        int countsTag = page.tiled ? TiffTags.TILE_BYTE_COUNTS : TiffTags.STRIP_BYTE_COUNTS;
        fields.add(Field.longs(countsTag, counts));
        fields.add(Field.longs(offsetsTag, new long[page.planes])); // patched below
        fields.sort(Comparator.comparingInt(Field::tag));
        return layout(fields, data, total, offsetsTag);
    }

    /**
     * A JPEG tile must be exactly TileWidth x TileLength (edge tiles too): a decoder would crop a
     * larger one to the declared size and lose its pixels without a word.
     */
    private void checkJpegSize(TiffPage page, int tile, JpegFrame frame, int width, int height)
            throws IOException {
        if (!page.tiled || frame == null) {
            return;
        }
        if (frame.widthPx() != width || frame.heightPx() != height) {
            throw new IOException(
                    String.format(
                            "%s: tile %d of IFD %d holds a %dx%d JPEG but the file says its tiles"
                                    + " are %dx%d (TileWidth, TileLength): the file is corrupt",
                            path,
                            tile,
                            page.ifd,
                            frame.widthPx(),
                            frame.heightPx(),
                            width,
                            height));
        }
    }

    private byte[] layout(List<Field> fields, List<byte[]> data, long dataBytes, int offsetsTag) {
        int ifdSize = 2 + 12 * fields.size() + 4;
        int valuesSize = 0;
        for (Field f : fields) {
            int n = f.bytes(order).length;
            valuesSize += n > 4 ? (n + 1) & ~1 : 0;
        }
        int dataStart = 8 + ifdSize + valuesSize;
        ByteBuffer buf = ByteBuffer.allocate(Math.toIntExact(dataStart + dataBytes)).order(order);
        buf.put(order == ByteOrder.LITTLE_ENDIAN ? (byte) 'I' : (byte) 'M');
        buf.put(order == ByteOrder.LITTLE_ENDIAN ? (byte) 'I' : (byte) 'M');
        buf.putShort((short) 42).putInt(8).putShort((short) fields.size());
        int valuePos = 8 + ifdSize;
        for (Field f : fields) {
            byte[] bytes = f.tag() == offsetsTag ? dataOffsets(data, dataStart) : f.bytes(order);
            buf.putShort((short) f.tag()).putShort(f.type()).putInt(f.count());
            if (bytes.length <= 4) {
                buf.put(bytes).put(new byte[4 - bytes.length]);
            } else {
                buf.putInt(valuePos);
                buf.put(valuePos, bytes);
                valuePos += (bytes.length + 1) & ~1;
            }
        }
        buf.putInt(0);
        int pos = dataStart;
        for (byte[] d : data) {
            buf.put(pos, d);
            pos += d.length;
        }
        return buf.array();
    }

    private byte[] dataOffsets(List<byte[]> data, int dataStart) {
        long[] offsets = new long[data.size()];
        long pos = dataStart;
        for (int i = 0; i < offsets.length; i++) {
            offsets[i] = pos;
            pos += data.get(i).length;
        }
        return Field.encode(LONG, offsets, order);
    }

    private byte[] readBytes(long offset, long count) throws IOException {
        if (count > Integer.MAX_VALUE - 1024) {
            throw new UnsupportedTiffException(
                    path + ": a strip/tile of " + count + " bytes is too large to decode");
        }
        ByteBuffer buf = ByteBuffer.allocate((int) count);
        source.readFully(offset, buf);
        return buf.array();
    }

    @Override
    public void close() {
        reader.dispose();
        if (jpeg != null) {
            jpeg.close();
        }
    }

    /** One IFD entry: numeric values (SHORT or LONG) or raw bytes (UNDEFINED). */
    private record Field(int tag, short type, long[] values, byte[] raw) {

        static Field longs(int tag, long... values) {
            return new Field(tag, LONG, values, null);
        }

        static Field copy(int tag, Object value) {
            if (value instanceof byte[] b) {
                return new Field(tag, UNDEFINED, null, b.clone());
            }
            return new Field(tag, SHORT, toLongs(tag, value), null);
        }

        int count() {
            return raw != null ? raw.length : values.length;
        }

        byte[] bytes(ByteOrder order) {
            return raw != null ? raw : encode(type, values, order);
        }

        private static long[] toLongs(int tag, Object value) {
            long[] values = TiffTags.values(value);
            if (values == null) {
                throw new IllegalStateException(
                        "TIFF tag " + tag + " has an unexpected value type " + value.getClass());
            }
            return values;
        }

        static byte[] encode(short type, long[] values, ByteOrder order) {
            ByteBuffer b =
                    ByteBuffer.allocate(values.length * (type == SHORT ? 2 : 4)).order(order);
            for (long v : values) {
                if (type == SHORT) {
                    b.putShort((short) v);
                } else {
                    b.putInt((int) v);
                }
            }
            return b.array();
        }
    }
}
