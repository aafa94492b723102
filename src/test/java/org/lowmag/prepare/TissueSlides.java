package org.lowmag.prepare;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;
import org.lowmag.slide.SlideMetadata;
import org.lowmag.slide.SlideReader;
import org.lowmag.slide.SlideReaders;
import org.lowmag.slide.SyntheticTiffs;

/**
 * Synthetic tiled pyramidal TIFFs with two tissue blobs on white, and a reader that counts what is
 * read from each level.
 *
 * <p>Level 0 is {@value #W0} x {@value #H0}; level {@code L} is {@code W0 / 2^L x H0 / 2^L}
 * (downsamples 1, 2, 4, 8). In level-0 pixels, blob A covers {@code [96, 416) x [128, 320)} and is
 * textured ({@code R = 90 + ((x + 3y) mod 64)} in level-0 coordinates {@code x, y} of the level
 * pixel's corner, G = 50, B = 120); blob B covers {@code [608, 864) x [416, 704)} with the flat
 * colour {@code (100, 60, 40 + 40 L)}: its blue channel says which level a pixel came from.
 */
public final class TissueSlides {

    static final int W0 = 1024;
    static final int H0 = 768;
    static final int LEVELS = 4;

    /** Blob rectangles in level-0 pixels: x0, y0, x1, y1. */
    static final int[] BLOB_A = {96, 128, 416, 320};

    static final int[] BLOB_B = {608, 416, 864, 704};

    private TissueSlides() {}

    /**
     * @param level a level
     * @return blob B's colour at that level
     */
    static int blobB(int level) {
        return 100 << 16 | 60 << 8 | (40 + 40 * level);
    }

    /**
     * Writes the two-blob slide.
     *
     * @param file the target
     * @return the file
     * @throws IOException when writing fails
     */
    public static Path twoBlobs(Path file) throws IOException {
        List<BufferedImage> levels = new ArrayList<>();
        for (int level = 0; level < LEVELS; level++) {
            levels.add(level(level, true));
        }
        return SyntheticTiffs.writeLevels(file, levels, 64, "Deflate");
    }

    /**
     * Writes an all-white two-level slide (no tissue).
     *
     * @param file the target
     * @return the file
     * @throws IOException when writing fails
     */
    public static Path blank(Path file) throws IOException {
        return SyntheticTiffs.writeLevels(
                file, List.of(level(0, false), level(1, false)), 64, "Deflate");
    }

    /**
     * Writes a file with a TIFF header and garbage after it.
     *
     * @param file the target
     * @return the file
     * @throws IOException when writing fails
     */
    public static Path corrupt(Path file) throws IOException {
        byte[] bytes = new byte[4096];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (i * 31 + 7);
        }
        bytes[0] = 'I';
        bytes[1] = 'I';
        bytes[2] = 42;
        bytes[3] = 0;
        return Files.write(file, bytes);
    }

    private static BufferedImage level(int level, boolean blobs) {
        int w = W0 >> level;
        int h = H0 >> level;
        int ds = 1 << level;
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                long x0 = (long) x * ds;
                long y0 = (long) y * ds;
                int p = 0xFFFFFF;
                if (blobs && inside(BLOB_A, x0, y0)) {
                    p = (int) (90 + (x0 + 3 * y0) % 64) << 16 | 50 << 8 | 120;
                } else if (blobs && inside(BLOB_B, x0, y0)) {
                    p = blobB(level);
                }
                img.setRGB(x, y, p);
            }
        }
        return img;
    }

    private static boolean inside(int[] r, long x, long y) {
        return x >= r[0] && x < r[2] && y >= r[1] && y < r[3];
    }

    /** What a {@link CountingReader} read, in level pixels, by level. */
    enum Counter {
        CALLS,
        PIXELS
    }

    /** Wraps a reader and counts {@link SlideReader#readLevelPixels} calls and pixels per level. */
    static final class CountingReader implements SlideReader {
        private final SlideReader inner;
        private final Map<Counter, AtomicLongArray> counts = new EnumMap<>(Counter.class);

        CountingReader(SlideReader inner) {
            this.inner = inner;
            for (Counter c : Counter.values()) {
                counts.put(c, new AtomicLongArray(inner.metadata().levelCount()));
            }
        }

        static CountingReader open(Path file) throws IOException {
            return new CountingReader(SlideReaders.open(file));
        }

        long count(Counter c, int level) {
            AtomicLongArray a = counts.get(c);
            return level < a.length() ? a.get(level) : 0;
        }

        @Override
        public SlideMetadata metadata() {
            return inner.metadata();
        }

        @Override
        public BufferedImage readRegion(org.lowmag.slide.RegionRequest request) throws IOException {
            return inner.readRegion(request);
        }

        @Override
        public int[] readLevelPixels(int level, long xPx, long yPx, int widthPx, int heightPx)
                throws IOException {
            counts.get(Counter.CALLS).incrementAndGet(level);
            counts.get(Counter.PIXELS).addAndGet(level, (long) widthPx * heightPx);
            return inner.readLevelPixels(level, xPx, yPx, widthPx, heightPx);
        }

        @Override
        public BufferedImage readAssociatedImage(String name) throws IOException {
            return inner.readAssociatedImage(name);
        }

        @Override
        public String backend() {
            return inner.backend();
        }

        @Override
        public void close() throws IOException {
            inner.close();
        }
    }
}
