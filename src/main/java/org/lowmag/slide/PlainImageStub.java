package org.lowmag.slide;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import javax.imageio.ImageIO;
import org.lowmag.resample.LanczosResampler;

/**
 * TEMPORARY minimal reader of a plain image (PNG, JPEG, TIFF through ImageIO) as a one-level slide
 * with unknown um/px, written on the {@code imaging} branch so that {@code lowmag tissue} can run;
 * the real backends replace it at merge. The whole image is decoded into memory on open; regions
 * and thumbnails are resampled with {@link LanczosResampler}. Not thread-safe.
 */
public final class PlainImageStub implements SlideReader {

    private final BufferedImage image;
    private final SlideMetadata metadata;
    private final LanczosResampler resampler = new LanczosResampler();

    /**
     * Decodes the image.
     *
     * @param path a PNG, JPEG or TIFF file
     * @throws IOException when it is missing or cannot be decoded
     */
    public PlainImageStub(Path path) throws IOException {
        if (!Files.isRegularFile(path)) {
            throw new NoSuchFileException(path.toString());
        }
        BufferedImage img = ImageIO.read(path.toFile());
        if (img == null) {
            throw new IOException(
                    path + ": not an image ImageIO can decode (expected PNG, JPEG or TIFF)");
        }
        this.image = img;
        long w = img.getWidth();
        long h = img.getHeight();
        this.metadata =
                new SlideMetadata(
                        path.toString(),
                        w,
                        h,
                        List.of(w),
                        List.of(h),
                        List.of(1.0),
                        OptionalDouble.empty(),
                        OptionalDouble.empty(),
                        OptionalDouble.empty(),
                        "image",
                        List.of(),
                        Map.of());
    }

    @Override
    public SlideMetadata metadata() {
        return metadata;
    }

    @Override
    public BufferedImage readRegion(RegionRequest request) {
        if (request.widthL0() > Integer.MAX_VALUE / 4
                || request.heightL0() > Integer.MAX_VALUE / 4) {
            throw new IllegalArgumentException("region too large for a plain image: " + request);
        }
        int w = (int) request.widthL0();
        int h = (int) request.heightL0();
        BufferedImage region = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = region.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, w, h);
            g.drawImage(image, (int) -request.x(), (int) -request.y(), null);
        } finally {
            g.dispose();
        }
        if (request.widthPx() == w && request.heightPx() == h) {
            return region;
        }
        return resampler.resize(region, request.widthPx(), request.heightPx());
    }

    @Override
    public BufferedImage thumbnail(int maxSidePx) {
        if (maxSidePx < 1) {
            throw new IllegalArgumentException("thumbnail side must be >= 1 px, got " + maxSidePx);
        }
        int w = image.getWidth();
        int h = image.getHeight();
        double scale = Math.min(1.0, (double) maxSidePx / Math.max(w, h));
        int tw = (int) Math.max(1, Math.round(w * scale));
        int th = (int) Math.max(1, Math.round(h * scale));
        return resampler.resize(image, tw, th);
    }

    @Override
    public String backend() {
        return "image";
    }

    @Override
    public void close() {
        resampler.close();
    }
}
