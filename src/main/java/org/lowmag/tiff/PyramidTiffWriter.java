package org.lowmag.tiff;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.lowmag.util.AtomicFiles;
import org.lowmag.util.Decimals;

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

    final double mppX;
    final double mppY;
    final double objectivePower;
    final int tileSizePx;
    final int levelFactor;
    final int topLevelMaxSidePx;
    final Compression compression;
    final double jpegQuality;
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
                new PyramidWriteSession(this, ch, levelSizes(widthPx, heightPx), source, pool)
                        .run();
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
