package org.lowmag.tiff;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.lowmag.tiff.PyramidTiffWriter.Compression;
import org.lowmag.tiff.PyramidTiffWriter.TileSource;
import org.lowmag.util.Provenance;

/**
 * One pyramidal TIFF being written: rows of level-0 tiles are rendered and encoded in parallel and
 * appended to the file, each level's finished rows area-averaged into the next, then the
 * directories (one per level, {@link TiffIfdEncoder}) and the header are written.
 */
/** One file being written: tile rows flow from level 0 up the pyramid. */
final class PyramidWriteSession {

    private static final long MAX_CLASSIC_TIFF_BYTES = 0xFFFF_FFFFL;

    private final PyramidTiffWriter writer;
    private final TileEncoder encoder;
    private final FileChannel ch;
    private final List<int[]> sizes;
    private final TileSource source;
    private final ExecutorService pool;
    private final PyramidLevel[] levels;
    private long pos = 8;

    /**
     * @param writer the settings
     * @param ch the file, empty
     * @param sizes the level sizes, finest first
     * @param source renders level 0
     * @param pool encodes tiles
     */
    PyramidWriteSession(
            PyramidTiffWriter writer,
            FileChannel ch,
            List<int[]> sizes,
            TileSource source,
            ExecutorService pool) {
        this.writer = writer;
        this.encoder = new TileEncoder(writer.tileSizePx, writer.compression, writer.jpegQuality);
        this.ch = ch;
        this.sizes = sizes;
        this.source = source;
        this.pool = pool;
        this.levels = new PyramidLevel[sizes.size()];
        for (int k = 0; k < levels.length; k++) {
            levels[k] =
                    new PyramidLevel(sizes.get(k)[0], sizes.get(k)[1], writer.tileSizePx, k > 0);
        }
    }

    void run() throws IOException {
        for (int r = 0; r < levels[0].tilesDown; r++) {
            writeRow(0, r);
        }
        writeDirectories();
    }

    private void writeRow(int k, int row) throws IOException {
        PyramidLevel lv = levels[k];
        List<Callable<byte[]>> tasks = new ArrayList<>();
        for (int c = 0; c < lv.tilesAcross; c++) {
            int col = c;
            tasks.add(() -> tileTask(k, row, col));
        }
        List<byte[]> encoded = runAll(tasks);
        for (int c = 0; c < encoded.size(); c++) {
            byte[] data = encoded.get(c);
            lv.offsets[row * lv.tilesAcross + c] = pos;
            lv.counts[row * lv.tilesAcross + c] = data.length;
            writeAt(ByteBuffer.wrap(data), pos);
            pos += data.length;
            if (pos > MAX_CLASSIC_TIFF_BYTES) {
                throw new IOException(
                        "pyramidal TIFF would exceed 4 GiB (classic TIFF limit): write a"
                                + " smaller image or use stronger compression");
            }
        }
        if (k + 1 < levels.length
                && (row % writer.levelFactor == writer.levelFactor - 1
                        || row == lv.tilesDown - 1)) {
            writeRow(k + 1, row / writer.levelFactor);
        }
    }

    private byte[] tileTask(int k, int row, int col) throws IOException {
        PyramidLevel lv = levels[k];
        int x = col * writer.tileSizePx;
        int y = row * writer.tileSizePx;
        int w = Math.min(writer.tileSizePx, lv.width - x);
        int h = Math.min(writer.tileSizePx, lv.height - y);
        int[] px = k == 0 ? rendered(x, y, w, h) : lv.copyFromStrip(x, w, h);
        if (k + 1 < levels.length) {
            levels[k + 1].addBlock(
                    px,
                    w,
                    h,
                    x / writer.levelFactor,
                    (row % writer.levelFactor) * (writer.tileSizePx / writer.levelFactor),
                    writer.levelFactor);
        }
        return encoder.encode(encoder.pad(px, w, h));
    }

    private int[] rendered(int x, int y, int w, int h) throws IOException {
        BufferedImage img = source.render(x, y, w, h);
        if (img.getWidth() != w || img.getHeight() != h) {
            throw new IllegalStateException(
                    String.format(
                            Locale.ROOT,
                            "tile source returned %dx%d for a %dx%d region at (%d, %d)",
                            img.getWidth(),
                            img.getHeight(),
                            w,
                            h,
                            x,
                            y));
        }
        return img.getRGB(0, 0, w, h, null, 0, w);
    }

    private List<byte[]> runAll(List<Callable<byte[]>> tasks) throws IOException {
        List<Future<byte[]>> futures = new ArrayList<>();
        for (Callable<byte[]> t : tasks) {
            futures.add(pool.submit(t));
        }
        List<byte[]> out = new ArrayList<>();
        try {
            for (Future<byte[]> f : futures) {
                out.add(f.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while writing tiles");
        } catch (ExecutionException e) {
            throw rethrow(e.getCause());
        } finally {
            for (Future<byte[]> f : futures) {
                f.cancel(true);
            }
        }
        return out;
    }

    private void writeAt(ByteBuffer buf, long at) throws IOException {
        long p = at;
        while (buf.hasRemaining()) {
            p += ch.write(buf, p);
        }
    }

    private void writeDirectories() throws IOException {
        List<ByteBuffer> ifds = new ArrayList<>();
        long at = (pos + 7) & ~7L;
        long first = at;
        for (int k = 0; k < levels.length; k++) {
            TiffIfdEncoder ifd = directory(k);
            int size = ifd.byteSize();
            long next = k + 1 < levels.length ? ((at + size + 7) & ~7L) : 0;
            ifds.add(ifd.layout(at, next));
            at = next;
        }
        long p = (pos + 7) & ~7L;
        for (ByteBuffer b : ifds) {
            writeAt(b, p);
            p = (p + b.capacity() + 7) & ~7L;
        }
        if (p > MAX_CLASSIC_TIFF_BYTES) {
            throw new IOException("pyramidal TIFF would exceed 4 GiB (classic TIFF limit)");
        }
        ByteBuffer header = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        header.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt((int) first);
        header.flip();
        writeAt(header, 0);
    }

    private TiffIfdEncoder directory(int k) {
        PyramidLevel lv = levels[k];
        double downsample = (double) sizes.get(0)[0] / lv.width;
        TiffIfdEncoder ifd = new TiffIfdEncoder();
        ifd.longs(TiffTags.NEW_SUBFILE_TYPE, k == 0 ? 0 : 1);
        ifd.longs(TiffTags.IMAGE_WIDTH, lv.width);
        ifd.longs(TiffTags.IMAGE_LENGTH, lv.height);
        ifd.shorts(TiffTags.BITS_PER_SAMPLE, 8, 8, 8);
        ifd.shorts(TiffTags.COMPRESSION, writer.compression.tiffCode);
        ifd.shorts(TiffTags.PHOTOMETRIC, writer.compression == Compression.JPEG ? 6 : 2);
        if (k == 0) {
            ifd.ascii(TiffTags.IMAGE_DESCRIPTION, writer.aperioDescription(lv.width, lv.height));
        }
        ifd.shorts(TiffTags.SAMPLES_PER_PIXEL, 3);
        ifd.rational(TiffTags.X_RESOLUTION, 10_000.0 / (writer.mppX * downsample));
        ifd.rational(TiffTags.Y_RESOLUTION, 10_000.0 / (writer.mppY * downsample));
        ifd.shorts(TiffTags.PLANAR_CONFIGURATION, 1);
        ifd.shorts(TiffTags.RESOLUTION_UNIT, 3);
        ifd.ascii(TiffTags.SOFTWARE, "LowMag " + Provenance.version());
        if (writer.compression == Compression.DEFLATE) {
            ifd.shorts(TiffTags.PREDICTOR, 2);
        }
        ifd.longs(TiffTags.TILE_WIDTH, writer.tileSizePx);
        ifd.longs(TiffTags.TILE_LENGTH, writer.tileSizePx);
        ifd.longs(TiffTags.TILE_OFFSETS, lv.offsets);
        ifd.longs(TiffTags.TILE_BYTE_COUNTS, lv.counts);
        if (writer.compression == Compression.JPEG) {
            int[] sub = encoder.subsampling();
            int[] s = sub == null ? new int[] {2, 2} : sub;
            ifd.shorts(TiffTags.YCBCR_SUBSAMPLING, s[0], s[1]);
        }
        return ifd;
    }

    private static IOException rethrow(Throwable cause) {
        if (cause instanceof IOException io) {
            return io;
        }
        if (cause instanceof UncheckedIOException uio) {
            return uio.getCause();
        }
        if (cause instanceof RuntimeException re) {
            throw re;
        }
        if (cause instanceof Error err) {
            throw err;
        }
        return new IOException(cause);
    }
}
