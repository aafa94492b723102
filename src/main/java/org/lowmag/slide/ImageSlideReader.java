package org.lowmag.slide;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * A plain image (PNG, JPEG, BMP, GIF, or anything else ImageIO reads) seen as a one-level slide. It
 * is decoded once, whole, into memory (at most {@link #MAX_PIXELS} pixels); it records no
 * magnification (pass one to {@link MagnificationResolver} when it matters). Thread-safe.
 */
public final class ImageSlideReader extends AbstractSlideReader {

    /** Largest image accepted, in pixels (512 MiB of RGB ints). */
    public static final long MAX_PIXELS = 1L << 27;

    private final int[] rgb;
    private final SlideMetadata metadata;

    private ImageSlideReader(Path path, int[] rgb, int width, int height, String format) {
        this.rgb = rgb;
        this.metadata =
                new SlideMetadata(
                        path.toString(),
                        width,
                        height,
                        List.of((long) width),
                        List.of((long) height),
                        List.of(1.0),
                        OptionalDouble.empty(),
                        OptionalDouble.empty(),
                        OptionalDouble.empty(),
                        "image",
                        List.of(),
                        Map.of("image.format", format));
    }

    /**
     * @param path an image file
     * @return the reader
     * @throws UnsupportedSlideException when no ImageIO reader recognises the file
     * @throws IOException when the file is missing, too large or cannot be decoded
     */
    public static ImageSlideReader open(Path path) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(path.toFile())) {
            if (in == null) {
                throw new IOException(path + ": cannot open the file for reading");
            }
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new UnsupportedSlideException(path + " is not an image format ImageIO reads");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                int w = reader.getWidth(0);
                int h = reader.getHeight(0);
                if ((long) w * h > MAX_PIXELS) {
                    throw new UnsupportedSlideException(
                            path
                                    + " is a "
                                    + w
                                    + "x"
                                    + h
                                    + " plain image, larger than the "
                                    + MAX_PIXELS
                                    + " pixels read into memory; convert it to a"
                                    + " tiled pyramidal TIFF (e.g. vips tiffsave --tile --pyramid)");
                }
                BufferedImage image = StrictImages.decode(reader, path);
                String format = reader.getFormatName();
                return new ImageSlideReader(path, RgbPixels.toRgb(image), w, h, format);
            } finally {
                reader.dispose();
            }
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            throw new IOException(path + " is a corrupt image: " + e.getMessage(), e);
        }
    }

    @Override
    public SlideMetadata metadata() {
        return metadata;
    }

    @Override
    public String backend() {
        return "image";
    }

    @Override
    LevelPixelSource pixels() {
        int width = (int) metadata.widthPx();
        int height = (int) metadata.heightPx();
        return new LevelPixelSource() {
            @Override
            public double downsampleX(int level) {
                return 1;
            }

            @Override
            public double downsampleY(int level) {
                return 1;
            }

            @Override
            public int[] readLevel(int level, long x, long y, int w, int h) {
                int[] out = new int[Math.multiplyExact(w, h)];
                Arrays.fill(out, 0xFFFFFF);
                long x0 = Math.max(0, x);
                long x1 = Math.min(width, x + w);
                for (long row = Math.max(0, y); row < Math.min(height, y + h); row++) {
                    if (x0 < x1) {
                        System.arraycopy(
                                rgb,
                                (int) (row * width + x0),
                                out,
                                (int) ((row - y) * w + (x0 - x)),
                                (int) (x1 - x0));
                    }
                }
                return out;
            }
        };
    }

    @Override
    BufferedImage readAssociated(String name) {
        throw new IllegalStateException("plain images have no associated images");
    }

    @Override
    void release() {
        // Nothing to free: the pixels are on the heap.
    }
}
