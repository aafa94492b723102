package org.lowmag.tiff;

import java.io.IOException;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One image (IFD) of a TIFF file seen as a grid of independently decodable blocks: the tiles of a
 * tiled image, or the strips of a striped one (a strip is a tile as wide as the image). Large
 * uncompressed strips are split into virtual strips of at most {@link #MAX_VIRTUAL_STRIP_PIXELS}
 * pixels, so that a small region never loads a whole strip-stored image.
 */
public final class TiffPage {

    /** Uncompressed strips larger than this are split into smaller virtual strips. */
    static final long MAX_VIRTUAL_STRIP_PIXELS = 1L << 20;

    /** Tiles larger than this are refused (they could not be decoded into one array). */
    static final long MAX_TILE_PIXELS = 1L << 26;

    private static final int[] DECODE_TAGS = {
        TiffTags.BITS_PER_SAMPLE,
        TiffTags.COMPRESSION,
        TiffTags.PHOTOMETRIC,
        TiffTags.FILL_ORDER,
        TiffTags.SAMPLES_PER_PIXEL,
        TiffTags.PLANAR_CONFIGURATION,
        TiffTags.PREDICTOR,
        TiffTags.COLOR_MAP,
        TiffTags.EXTRA_SAMPLES,
        TiffTags.SAMPLE_FORMAT,
        TiffTags.JPEG_TABLES,
        TiffTags.YCBCR_SUBSAMPLING,
        TiffTags.YCBCR_POSITIONING
    };

    public final int ifd;
    public final int widthPx;
    public final int heightPx;
    final boolean tiled;
    public final int tileWidthPx;
    public final int tileHeightPx;
    final int planes;
    public final int compression;
    final long subfileType;
    final String description;
    private final long[] offsets;
    private final long[] byteCounts;
    private final Map<Integer, Object> decodeTags;

    private TiffPage(TiffTags tags, int ifd, long[][] blocks, int blockHeight) throws IOException {
        this.ifd = ifd;
        this.widthPx = (int) tags.required(TiffTags.IMAGE_WIDTH);
        this.heightPx = (int) tags.required(TiffTags.IMAGE_LENGTH);
        this.tiled = tags.has(TiffTags.TILE_OFFSETS);
        this.tileWidthPx = tiled ? (int) tags.required(TiffTags.TILE_WIDTH) : widthPx;
        this.tileHeightPx = blockHeight;
        this.planes =
                tags.first(TiffTags.PLANAR_CONFIGURATION, 1) == 2
                        ? (int) tags.first(TiffTags.SAMPLES_PER_PIXEL, 1)
                        : 1;
        this.compression = (int) tags.first(TiffTags.COMPRESSION, 1);
        this.subfileType = tags.first(TiffTags.NEW_SUBFILE_TYPE, 0);
        this.description = tags.text(TiffTags.IMAGE_DESCRIPTION);
        this.offsets = blocks[0];
        this.byteCounts = blocks[1];
        Map<Integer, Object> copy = new LinkedHashMap<>();
        for (int tag : DECODE_TAGS) {
            if (tags.has(tag)) {
                copy.put(tag, tags.raw(tag));
            }
        }
        this.decodeTags = Collections.unmodifiableMap(copy);
    }

    /**
     * Reads the block layout of one IFD and checks it against the file size.
     *
     * @param tags the IFD
     * @param ifd its index in the file
     * @param fileSize the file's size in bytes
     * @return the page
     * @throws IOException when the layout is missing, inconsistent or points past the file's end
     */
    static TiffPage of(TiffTags tags, int ifd, long fileSize) throws IOException {
        long width = tags.required(TiffTags.IMAGE_WIDTH);
        long height = tags.required(TiffTags.IMAGE_LENGTH);
        if (width <= 0 || height <= 0 || width > Integer.MAX_VALUE || height > Integer.MAX_VALUE) {
            throw new IOException(tags.where() + ": bad image size " + width + "x" + height);
        }
        boolean tiled = tags.has(TiffTags.TILE_OFFSETS);
        long blockW = tiled ? tags.required(TiffTags.TILE_WIDTH) : width;
        long blockH =
                tiled
                        ? tags.required(TiffTags.TILE_LENGTH)
                        : Math.min(height, tags.first(TiffTags.ROWS_PER_STRIP, height));
        if (blockW <= 0 || blockH <= 0 || blockW * blockH > MAX_TILE_PIXELS) {
            throw new IOException(
                    tags.where() + ": bad or too large tile/strip size " + blockW + "x" + blockH);
        }
        long planes =
                tags.first(TiffTags.PLANAR_CONFIGURATION, 1) == 2
                        ? tags.first(TiffTags.SAMPLES_PER_PIXEL, 1)
                        : 1;
        int compression = (int) tags.first(TiffTags.COMPRESSION, 1);
        long rowBytes = ceilDiv(width * bitsPerPixel(tags, planes), 8);
        long expected = ceilDiv(width, blockW) * ceilDiv(height, blockH) * planes;
        long uncompressedBytes = compression == 1 ? rowBytes * blockH : -1;
        long[][] blocks = readBlocks(tags, tiled, expected, uncompressedBytes);
        checkInFile(tags.where(), blocks[0], blocks[1], fileSize);
        if (!tiled
                && compression == 1
                && planes == 1
                && width * blockH > MAX_VIRTUAL_STRIP_PIXELS) {
            int rows = (int) Math.max(1, MAX_VIRTUAL_STRIP_PIXELS / width);
            blocks = splitStrips(blocks[0], blocks[1], (int) height, (int) blockH, rows, rowBytes);
            blockH = rows;
        }
        return new TiffPage(tags, ifd, blocks, (int) blockH);
    }

    /**
     * Reads the offsets and byte counts of the strips or tiles.
     *
     * @param uncompressedBytes the size of an uncompressed block, used when byte counts are
     *     missing; -1 when the data are compressed (then they are required)
     */
    private static long[][] readBlocks(
            TiffTags tags, boolean tiled, long expected, long uncompressedBytes)
            throws IOException {
        long[] off = tags.longs(tiled ? TiffTags.TILE_OFFSETS : TiffTags.STRIP_OFFSETS);
        long[] counts = tags.longs(tiled ? TiffTags.TILE_BYTE_COUNTS : TiffTags.STRIP_BYTE_COUNTS);
        if (off == null || off.length != expected) {
            throw new IOException(
                    tags.where()
                            + ": "
                            + (off == null ? 0 : off.length)
                            + " strip/tile offsets, expected "
                            + expected);
        }
        if (counts == null && uncompressedBytes >= 0) {
            counts = new long[off.length];
            Arrays.fill(counts, uncompressedBytes);
        }
        if (counts == null || counts.length != off.length) {
            throw new IOException(
                    tags.where() + ": strip/tile byte counts missing or inconsistent");
        }
        return new long[][] {off, counts};
    }

    private static long bitsPerPixel(TiffTags tags, long planes) throws IOException {
        long[] bits = tags.longs(TiffTags.BITS_PER_SAMPLE);
        long spp = tags.first(TiffTags.SAMPLES_PER_PIXEL, 1);
        long perSample = bits == null || bits.length == 0 ? 1 : bits[0];
        return perSample * (planes > 1 ? 1 : spp);
    }

    private static void checkInFile(String where, long[] off, long[] counts, long fileSize)
            throws IOException {
        for (int i = 0; i < off.length; i++) {
            if (off[i] < 0 || counts[i] < 0 || off[i] + counts[i] > fileSize) {
                throw new IOException(
                        String.format(
                                "%s: strip/tile %d needs bytes %d..%d but the file has only %d"
                                        + " bytes: the file is truncated or corrupt",
                                where, i, off[i], off[i] + counts[i], fileSize));
            }
        }
    }

    /** Splits each strip of {@code stripRows} rows into pieces of {@code rows} rows. */
    private static long[][] splitStrips(
            long[] off, long[] counts, int height, int stripRows, int rows, long rowBytes) {
        int pieces = ceilDivInt(height, rows);
        long[] newOff = new long[pieces];
        long[] newCounts = new long[pieces];
        for (int p = 0; p < pieces; p++) {
            int firstRow = p * rows;
            int strip = firstRow / stripRows;
            int rowInStrip = firstRow - strip * stripRows;
            int n = Math.min(rows, height - firstRow);
            newOff[p] = off[strip] + rowInStrip * rowBytes;
            newCounts[p] =
                    Math.min(n * rowBytes, Math.max(0, counts[strip] - rowInStrip * rowBytes));
        }
        return new long[][] {newOff, newCounts};
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }

    private static int ceilDivInt(int a, int b) {
        return (a + b - 1) / b;
    }

    /**
     * @return blocks per row
     */
    public int tilesAcross() {
        return ceilDivInt(widthPx, tileWidthPx);
    }

    /**
     * @return block rows
     */
    public int tilesDown() {
        return ceilDivInt(heightPx, tileHeightPx);
    }

    /**
     * @param tile block index (row-major), plane 0
     * @param plane sample plane (0 unless planar)
     * @return the byte offset of the block's data
     */
    long offset(int tile, int plane) {
        return offsets[plane * tilesAcross() * tilesDown() + tile];
    }

    /**
     * @param tile block index (row-major)
     * @param plane sample plane
     * @return the byte count of the block's data
     */
    long byteCount(int tile, int plane) {
        return byteCounts[plane * tilesAcross() * tilesDown() + tile];
    }

    /**
     * @return the tags a decoder needs (bits, compression, photometric, tables ...), raw values
     */
    Map<Integer, Object> decodeTags() {
        return decodeTags;
    }

    /**
     * @return the IFD's size as {@code WxH}
     */
    String size() {
        return widthPx + "x" + heightPx;
    }
}
