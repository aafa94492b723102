package org.lowmag.tiff;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.Deflater;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.lowmag.util.AtomicFiles;
import org.lowmag.util.Decimals;
import org.lowmag.util.Provenance;

/**
 * Writes a tiled, pyramidal TIFF in the Aperio SVS layout, which OpenSlide opens as an {@code
 * aperio} slide: IFD 0 is the full resolution with an Aperio {@code ImageDescription} ({@code
 * AppMag}, {@code MPP}), each further IFD a level reduced by {@link Builder#optLevelFactor} until
 * its longer side is at most {@link Builder#optTopLevelMaxSidePx}. Tiles are RGB, JPEG (YCbCr
 * 4:2:0, one complete JPEG stream per tile), Deflate (horizontal predictor) or uncompressed.
 * Classic TIFF only: the file must stay below 4 GiB.
 *
 * <p>Level sizes: {@code W_{k+1} = ceil(W_k / f)}, {@code H_{k+1} = ceil(H_k / f)}. Level {@code
 * k+1} is the area average of level {@code k}: {@code P_{k+1}(x, y) = round(mean of P_k(i, j) for i
 * in [f x, f x + f), j in [f y, f y + f) inside the level)}, so a level is the box average of the
 * full resolution up to one rounding per level.
 *
 * <p>Memory: the image is rendered tile by tile from a {@link TileSource}; only one row of tiles
 * per level is held, so slides much larger than memory can be written. Tiles are rendered and
 * encoded in parallel; the output does not depend on the number of threads. The file is written
 * under a temporary name and renamed into place when complete.
 */
public final class PyramidTiffWriter {

    /** Tile compression. */
    public enum Compression {
        /** Baseline JPEG, YCbCr 4:2:0 (TIFF compression 7). */
        JPEG(7),
        /** Deflate with horizontal differencing (TIFF compression 8, predictor 2). */
        DEFLATE(8),
        /** No compression (TIFF compression 1). */
        NONE(1);

        final int tiffCode;

        Compression(int tiffCode) {
            this.tiffCode = tiffCode;
        }
    }

    /** Renders regions of the full-resolution (level 0) image. */
    @FunctionalInterface
    public interface TileSource {
        /**
         * Renders a region. Called concurrently from several threads: must be thread-safe and
         * return the same pixels for the same region whatever the call order.
         *
         * @param xPx left edge in level-0 pixels
         * @param yPx top edge in level-0 pixels
         * @param widthPx width in pixels
         * @param heightPx height in pixels
         * @return an RGB image of exactly {@code widthPx x heightPx}
         * @throws IOException when the region cannot be produced
         */
        BufferedImage render(int xPx, int yPx, int widthPx, int heightPx) throws IOException;
    }

    private static final long MAX_CLASSIC_TIFF_BYTES = 0xFFFF_FFFFL;

    private final double mppX;
    private final double mppY;
    private final double objectivePower;
    private final int tileSizePx;
    private final int levelFactor;
    private final int topLevelMaxSidePx;
    private final Compression compression;
    private final double jpegQuality;
    private final int threads;
    private final String title;
    private final Map<String, String> extraFields;

    private PyramidTiffWriter(Builder b) {
        this.mppX = b.mppX;
        this.mppY = b.mppY;
        this.objectivePower = Double.isNaN(b.objectivePower) ? 10.0 / b.mppX : b.objectivePower;
        this.tileSizePx = b.tileSizePx;
        this.levelFactor = b.levelFactor;
        this.topLevelMaxSidePx = b.topLevelMaxSidePx;
        this.compression = b.compression;
        this.jpegQuality = b.jpegQuality;
        this.threads = b.threads;
        this.title = b.title;
        this.extraFields = new LinkedHashMap<>(b.extraFields);
    }

    /**
     * @return a builder; {@link Builder#setMpp} is required
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Writes a whole in-memory image as a pyramidal TIFF.
     *
     * @param target the file to create or replace
     * @param image the full-resolution image
     * @throws IOException when the file cannot be written
     */
    public void write(Path target, BufferedImage image) throws IOException {
        write(
                target,
                image.getWidth(),
                image.getHeight(),
                (x, y, w, h) -> image.getSubimage(x, y, w, h));
    }

    /**
     * Writes a pyramidal TIFF whose full resolution is rendered tile by tile.
     *
     * @param target the file to create or replace
     * @param widthPx level-0 width in pixels
     * @param heightPx level-0 height in pixels
     * @param source renders level-0 regions
     * @throws IOException when rendering or writing fails, or the file would exceed 4 GiB
     */
    public void write(Path target, int widthPx, int heightPx, TileSource source)
            throws IOException {
        if (widthPx <= 0 || heightPx <= 0) {
            throw new IllegalArgumentException(
                    "image size must be positive, got " + widthPx + "x" + heightPx);
        }
        Path abs = target.toAbsolutePath();
        Files.createDirectories(abs.getParent());
        Path tmp = Files.createTempFile(abs.getParent(), "." + abs.getFileName() + ".", ".tmp");
        AtomicFiles.makeReadable(tmp);
        ExecutorService pool = Executors.newFixedThreadPool(threads, PyramidTiffWriter::daemon);
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                new Session(ch, levelSizes(widthPx, heightPx), source, pool).run();
            }
            AtomicFiles.moveAtomically(tmp, abs);
        } finally {
            pool.shutdownNow();
            Files.deleteIfExists(tmp);
        }
    }

    private static Thread daemon(Runnable r) {
        Thread t = new Thread(r, "tiff-writer");
        t.setDaemon(true);
        return t;
    }

    /**
     * The pyramid's level sizes: level 0 is the full size, {@code W_{k+1} = ceil(W_k / f)}, until
     * the longer side is at most the top-level limit.
     *
     * @param widthPx level-0 width
     * @param heightPx level-0 height
     * @return {@code [width, height]} per level, finest first
     */
    public List<int[]> levelSizes(int widthPx, int heightPx) {
        List<int[]> sizes = new ArrayList<>();
        int w = widthPx;
        int h = heightPx;
        sizes.add(new int[] {w, h});
        while (Math.max(w, h) > topLevelMaxSidePx) {
            w = ceilDiv(w, levelFactor);
            h = ceilDiv(h, levelFactor);
            sizes.add(new int[] {w, h});
        }
        return sizes;
    }

    /**
     * The Aperio {@code ImageDescription} of IFD 0: {@code "Aperio Image Library <title>\r\n<W>x<H>
     * [0,0 <W>x<H>] (<T>x<T>) <codec>|AppMag = <p>|MPP = <mpp>|..."}.
     *
     * @param widthPx level-0 width
     * @param heightPx level-0 height
     * @return the description
     */
    public String aperioDescription(int widthPx, int heightPx) {
        String codec =
                switch (compression) {
                    case JPEG -> "JPEG/YCC Q=" + Math.round(jpegQuality * 100);
                    case DEFLATE -> "Deflate";
                    case NONE -> "Raw";
                };
        StringBuilder sb = new StringBuilder("Aperio Image Library ").append(title).append("\r\n");
        sb.append(
                String.format(
                        Locale.ROOT, "%dx%d [0,0 %dx%d] ", widthPx, heightPx, widthPx, heightPx));
        sb.append('(').append(tileSizePx).append('x').append(tileSizePx).append(") ").append(codec);
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("AppMag", Decimals.plain(objectivePower));
        fields.put("MPP", Decimals.plain(mppX));
        if (mppY != mppX) {
            fields.put("MPP-Y", Decimals.plain(mppY));
        }
        fields.putAll(extraFields);
        fields.forEach((k, v) -> sb.append('|').append(k).append(" = ").append(v));
        return sb.toString();
    }

    static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }

    /** One file being written: tile rows flow from level 0 up the pyramid. */
    private final class Session {
        private final FileChannel ch;
        private final List<int[]> sizes;
        private final TileSource source;
        private final ExecutorService pool;
        private final Level[] levels;
        private long pos = 8;
        private int[] subsampling;

        Session(FileChannel ch, List<int[]> sizes, TileSource source, ExecutorService pool) {
            this.ch = ch;
            this.sizes = sizes;
            this.source = source;
            this.pool = pool;
            this.levels = new Level[sizes.size()];
            for (int k = 0; k < levels.length; k++) {
                levels[k] = new Level(sizes.get(k)[0], sizes.get(k)[1], k > 0);
            }
        }

        void run() throws IOException {
            for (int r = 0; r < levels[0].tilesDown; r++) {
                writeRow(0, r);
            }
            writeDirectories();
        }

        private void writeRow(int k, int row) throws IOException {
            Level lv = levels[k];
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
                    && (row % levelFactor == levelFactor - 1 || row == lv.tilesDown - 1)) {
                writeRow(k + 1, row / levelFactor);
            }
        }

        private byte[] tileTask(int k, int row, int col) throws IOException {
            Level lv = levels[k];
            int x = col * tileSizePx;
            int y = row * tileSizePx;
            int w = Math.min(tileSizePx, lv.width - x);
            int h = Math.min(tileSizePx, lv.height - y);
            int[] px = k == 0 ? rendered(x, y, w, h) : lv.copyFromStrip(x, w, h);
            if (k + 1 < levels.length) {
                levels[k + 1].addBlock(
                        px,
                        w,
                        h,
                        x / levelFactor,
                        (row % levelFactor) * (tileSizePx / levelFactor),
                        levelFactor);
            }
            return encode(pad(px, w, h));
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

        private int[] pad(int[] px, int w, int h) {
            int t = tileSizePx;
            if (w == t && h == t) {
                return px;
            }
            int[] out = new int[t * t];
            for (int y = 0; y < t; y++) {
                int sy = Math.min(y, h - 1);
                for (int x = 0; x < t; x++) {
                    out[y * t + x] = px[sy * w + Math.min(x, w - 1)];
                }
            }
            return out;
        }

        private byte[] encode(int[] px) throws IOException {
            return switch (compression) {
                case JPEG -> jpeg(px);
                case DEFLATE -> deflate(rgbBytes(px, true));
                case NONE -> rgbBytes(px, false);
            };
        }

        private byte[] jpeg(int[] px) throws IOException {
            int t = tileSizePx;
            BufferedImage img = new BufferedImage(t, t, BufferedImage.TYPE_INT_RGB);
            img.getRaster().setDataElements(0, 0, t, t, px);
            ImageWriter writer = jpegWriter();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(t * t / 2);
            try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
                writer.setOutput(out);
                ImageWriteParam param = writer.getDefaultWriteParam();
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality((float) jpegQuality);
                writer.write(null, new IIOImage(img, null, null), param);
            } finally {
                writer.dispose();
            }
            JpegStream js = JpegStream.of(bytes.toByteArray());
            synchronized (this) {
                if (subsampling == null) {
                    subsampling = js.subsampling;
                } else if (subsampling[0] != js.subsampling[0]
                        || subsampling[1] != js.subsampling[1]) {
                    throw new IllegalStateException(
                            "JPEG encoder changed chroma subsampling between tiles");
                }
            }
            return js.data;
        }

        private byte[] rgbBytes(int[] px, boolean predictor) {
            int t = tileSizePx;
            byte[] out = new byte[px.length * 3];
            for (int i = 0; i < px.length; i++) {
                out[3 * i] = (byte) (px[i] >> 16);
                out[3 * i + 1] = (byte) (px[i] >> 8);
                out[3 * i + 2] = (byte) px[i];
            }
            if (predictor) {
                for (int y = 0; y < t; y++) {
                    int row = y * t * 3;
                    for (int i = t * 3 - 1; i >= 3; i--) {
                        out[row + i] = (byte) (out[row + i] - out[row + i - 3]);
                    }
                }
            }
            return out;
        }

        private byte[] deflate(byte[] raw) {
            Deflater d = new Deflater(6);
            try {
                d.setInput(raw);
                d.finish();
                ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length / 2);
                byte[] buf = new byte[65536];
                while (!d.finished()) {
                    out.write(buf, 0, d.deflate(buf));
                }
                return out.toByteArray();
            } finally {
                d.end();
            }
        }

        private void writeDirectories() throws IOException {
            List<ByteBuffer> ifds = new ArrayList<>();
            long at = (pos + 7) & ~7L;
            long first = at;
            for (int k = 0; k < levels.length; k++) {
                Ifd ifd = directory(k);
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

        private Ifd directory(int k) {
            Level lv = levels[k];
            double downsample = (double) sizes.get(0)[0] / lv.width;
            Ifd ifd = new Ifd();
            ifd.longs(254, k == 0 ? 0 : 1);
            ifd.longs(256, lv.width);
            ifd.longs(257, lv.height);
            ifd.shorts(258, 8, 8, 8);
            ifd.shorts(259, compression.tiffCode);
            ifd.shorts(262, compression == Compression.JPEG ? 6 : 2);
            if (k == 0) {
                ifd.ascii(270, aperioDescription(lv.width, lv.height));
            }
            ifd.shorts(277, 3);
            ifd.rational(282, 10_000.0 / (mppX * downsample));
            ifd.rational(283, 10_000.0 / (mppY * downsample));
            ifd.shorts(284, 1);
            ifd.shorts(296, 3);
            ifd.ascii(305, "LowMag " + Provenance.version());
            if (compression == Compression.DEFLATE) {
                ifd.shorts(317, 2);
            }
            ifd.longs(322, tileSizePx);
            ifd.longs(323, tileSizePx);
            ifd.longs(324, lv.offsets);
            ifd.longs(325, lv.counts);
            if (compression == Compression.JPEG) {
                int[] s = subsampling == null ? new int[] {2, 2} : subsampling;
                ifd.shorts(530, s[0], s[1]);
            }
            return ifd;
        }
    }

    /** One pyramid level's tile bookkeeping and (for reduced levels) its current row of tiles. */
    private final class Level {
        final int width;
        final int height;
        final int tilesAcross;
        final int tilesDown;
        final long[] offsets;
        final long[] counts;
        final int[] strip;

        Level(int width, int height, boolean reduced) {
            this.width = width;
            this.height = height;
            this.tilesAcross = ceilDiv(width, tileSizePx);
            this.tilesDown = ceilDiv(height, tileSizePx);
            this.offsets = new long[tilesAcross * tilesDown];
            this.counts = new long[tilesAcross * tilesDown];
            this.strip = reduced ? new int[width * tileSizePx] : null;
        }

        int[] copyFromStrip(int x, int w, int h) {
            int[] out = new int[w * h];
            for (int j = 0; j < h; j++) {
                System.arraycopy(strip, j * width + x, out, j * w, w);
            }
            return out;
        }

        /**
         * Area-averages a {@code w x h} block of the finer level by {@code f} into this level's
         * strip at ({@code x0}, {@code y0}); partial blocks at the edges average what exists.
         */
        void addBlock(int[] px, int w, int h, int x0, int y0, int f) {
            int ow = ceilDiv(w, f);
            int oh = ceilDiv(h, f);
            for (int oy = 0; oy < oh; oy++) {
                for (int ox = 0; ox < ow; ox++) {
                    int r = 0;
                    int g = 0;
                    int b = 0;
                    int n = 0;
                    for (int j = oy * f; j < Math.min(h, oy * f + f); j++) {
                        for (int i = ox * f; i < Math.min(w, ox * f + f); i++) {
                            int p = px[j * w + i];
                            r += (p >> 16) & 0xFF;
                            g += (p >> 8) & 0xFF;
                            b += p & 0xFF;
                            n++;
                        }
                    }
                    int half = n / 2;
                    strip[(y0 + oy) * width + x0 + ox] =
                            ((r + half) / n) << 16 | ((g + half) / n) << 8 | ((b + half) / n);
                }
            }
        }
    }

    private static ImageWriter jpegWriter() {
        Iterator<ImageWriter> it = ImageIO.getImageWritersByFormatName("jpeg");
        if (!it.hasNext()) {
            throw new IllegalStateException("no JPEG ImageIO writer available");
        }
        return it.next();
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

    /** A JPEG stream made fit for a TIFF tile: JFIF APP0 removed, chroma subsampling read. */
    private record JpegStream(byte[] data, int[] subsampling) {

        static JpegStream of(byte[] jpeg) {
            if ((jpeg[0] & 0xFF) != 0xFF || (jpeg[1] & 0xFF) != 0xD8) {
                throw new IllegalStateException("JPEG encoder output does not start with SOI");
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(jpeg.length);
            out.write(jpeg, 0, 2);
            int i = 2;
            int[] sub = null;
            while (i + 4 <= jpeg.length && (jpeg[i] & 0xFF) == 0xFF) {
                int marker = jpeg[i + 1] & 0xFF;
                int len = ((jpeg[i + 2] & 0xFF) << 8) | (jpeg[i + 3] & 0xFF);
                if (marker == 0xC0 || marker == 0xC1) {
                    int luma = jpeg[i + 11] & 0xFF;
                    int chroma = jpeg[i + 14] & 0xFF;
                    sub = new int[] {(luma >> 4) / (chroma >> 4), (luma & 15) / (chroma & 15)};
                }
                if (marker == 0xDA) {
                    break;
                }
                if (marker != 0xE0) {
                    out.write(jpeg, i, len + 2);
                }
                i += len + 2;
            }
            if (sub == null) {
                throw new IllegalStateException("JPEG encoder output has no baseline frame header");
            }
            out.write(jpeg, i, jpeg.length - i);
            return new JpegStream(out.toByteArray(), sub);
        }
    }

    /** A TIFF image file directory under construction (little-endian, classic TIFF). */
    private static final class Ifd {
        private static final int ASCII = 2;
        private static final int SHORT = 3;
        private static final int LONG = 4;
        private static final int RATIONAL = 5;

        private record Entry(int type, int count, byte[] value) {}

        private final Map<Integer, Entry> entries = new TreeMap<>();

        void shorts(int tag, int... values) {
            ByteBuffer b = buffer(values.length * 2);
            for (int v : values) {
                b.putShort((short) v);
            }
            entries.put(tag, new Entry(SHORT, values.length, b.array()));
        }

        void longs(int tag, long... values) {
            ByteBuffer b = buffer(values.length * 4);
            for (long v : values) {
                b.putInt((int) v);
            }
            entries.put(tag, new Entry(LONG, values.length, b.array()));
        }

        void ascii(int tag, String text) {
            byte[] t = text.getBytes(StandardCharsets.US_ASCII);
            byte[] z = new byte[t.length + 1];
            System.arraycopy(t, 0, z, 0, t.length);
            entries.put(tag, new Entry(ASCII, z.length, z));
        }

        /** A rational {@code value ~ num / 1000}, with {@code num} rounded. */
        void rational(int tag, double value) {
            ByteBuffer b = buffer(8);
            b.putInt((int) Math.round(value * 1000)).putInt(1000);
            entries.put(tag, new Entry(RATIONAL, 1, b.array()));
        }

        int byteSize() {
            int size = 2 + 12 * entries.size() + 4;
            for (Entry e : entries.values()) {
                if (e.value.length > 4) {
                    size += (e.value.length + 1) & ~1;
                }
            }
            return size;
        }

        ByteBuffer layout(long at, long next) {
            ByteBuffer b = buffer(byteSize());
            long extra = at + 2 + 12L * entries.size() + 4;
            List<byte[]> outOfLine = new ArrayList<>();
            b.putShort((short) entries.size());
            for (Map.Entry<Integer, Entry> me : entries.entrySet()) {
                Entry e = me.getValue();
                b.putShort(me.getKey().shortValue()).putShort((short) e.type).putInt(e.count);
                if (e.value.length <= 4) {
                    b.put(e.value).put(new byte[4 - e.value.length]);
                } else {
                    b.putInt((int) extra);
                    outOfLine.add(e.value);
                    extra += (e.value.length + 1) & ~1;
                }
            }
            b.putInt((int) next);
            for (byte[] v : outOfLine) {
                b.put(v);
                if ((v.length & 1) == 1) {
                    b.put((byte) 0);
                }
            }
            b.flip();
            return b;
        }

        private static ByteBuffer buffer(int size) {
            return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
        }
    }

    /** Builds a {@link PyramidTiffWriter}: {@code setX} for what is required, {@code optX} else. */
    public static final class Builder {
        private double mppX = Double.NaN;
        private double mppY = Double.NaN;
        private double objectivePower = Double.NaN;
        private int tileSizePx = 256;
        private int levelFactor = 4;
        private int topLevelMaxSidePx = 1024;
        private Compression compression = Compression.JPEG;
        private double jpegQuality = 0.9;
        private int threads = Runtime.getRuntime().availableProcessors();
        private String title = "LowMag";
        private final Map<String, String> extraFields = new LinkedHashMap<>();

        private Builder() {}

        /**
         * @param mppX micrometres per level-0 pixel horizontally
         * @param mppY micrometres per level-0 pixel vertically
         * @return this
         */
        public Builder setMpp(double mppX, double mppY) {
            this.mppX = mppX;
            this.mppY = mppY;
            return this;
        }

        /**
         * @param power the objective magnification written as {@code AppMag} (default {@code 10 /
         *     mppX}: 10x = 1 um/px)
         * @return this
         */
        public Builder optObjectivePower(double power) {
            this.objectivePower = power;
            return this;
        }

        /**
         * @param px tile width and height, a multiple of 16 (default 256)
         * @return this
         */
        public Builder optTileSizePx(int px) {
            this.tileSizePx = px;
            return this;
        }

        /**
         * @param factor downsample between consecutive levels, 2 or 4 (default 4)
         * @return this
         */
        public Builder optLevelFactor(int factor) {
            this.levelFactor = factor;
            return this;
        }

        /**
         * @param px levels are added until the longer side is at most this (default 1024)
         * @return this
         */
        public Builder optTopLevelMaxSidePx(int px) {
            this.topLevelMaxSidePx = px;
            return this;
        }

        /**
         * @param c tile compression (default JPEG)
         * @return this
         */
        public Builder optCompression(Compression c) {
            this.compression = c;
            return this;
        }

        /**
         * @param quality JPEG quality in (0, 1] (default 0.9)
         * @return this
         */
        public Builder optJpegQuality(double quality) {
            this.jpegQuality = quality;
            return this;
        }

        /**
         * @param n threads that render and encode tiles (default: available processors)
         * @return this
         */
        public Builder optThreads(int n) {
            this.threads = n;
            return this;
        }

        /**
         * @param text the name after {@code "Aperio Image Library "} (default {@code LowMag})
         * @return this
         */
        public Builder optTitle(String text) {
            this.title = text;
            return this;
        }

        /**
         * Adds a {@code key = value} field to the Aperio description.
         *
         * @param key the key (no {@code |}, {@code =} or line breaks)
         * @param value the value (no {@code |} or line breaks)
         * @return this
         */
        public Builder optField(String key, String value) {
            extraFields.put(key, value);
            return this;
        }

        /**
         * @return the writer
         * @throws IllegalArgumentException naming the first invalid setting
         */
        public PyramidTiffWriter build() {
            if (!(mppX > 0) || !(mppY > 0) || Double.isInfinite(mppX) || Double.isInfinite(mppY)) {
                throw new IllegalArgumentException(
                        "mpp must be positive and finite (setMpp is required), got "
                                + mppX
                                + ", "
                                + mppY);
            }
            if (!Double.isNaN(objectivePower) && !(objectivePower > 0)) {
                throw new IllegalArgumentException(
                        "objective power must be positive, got " + objectivePower);
            }
            if (tileSizePx < 16 || tileSizePx % 16 != 0) {
                throw new IllegalArgumentException(
                        "tile size must be a positive multiple of 16, got " + tileSizePx);
            }
            if (levelFactor != 2 && levelFactor != 4) {
                throw new IllegalArgumentException(
                        "level factor must be 2 or 4, got " + levelFactor);
            }
            if (topLevelMaxSidePx < 1) {
                throw new IllegalArgumentException(
                        "top level side must be >= 1, got " + topLevelMaxSidePx);
            }
            if (!(jpegQuality > 0 && jpegQuality <= 1)) {
                throw new IllegalArgumentException(
                        "JPEG quality must be in (0, 1], got " + jpegQuality);
            }
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be >= 1, got " + threads);
            }
            checkText("title", title, "|\r\n");
            extraFields.forEach(
                    (k, v) -> {
                        checkText("field key", k, "|=\r\n");
                        checkText("field value", v, "|\r\n");
                    });
            return new PyramidTiffWriter(this);
        }

        private static void checkText(String what, String text, String forbidden) {
            for (char c : forbidden.toCharArray()) {
                if (text.indexOf(c) >= 0
                        || !StandardCharsets.US_ASCII.newEncoder().canEncode(text)) {
                    throw new IllegalArgumentException(
                            what + " '" + text + "' must be ASCII without '|', '=' or line breaks");
                }
            }
        }
    }
}
