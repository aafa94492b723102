package org.lowmag.prepare;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.lowmag.dataset.ImageFiles;
import org.lowmag.dataset.TissueRecord;
import org.lowmag.resample.LanczosResampler;
import org.lowmag.slide.Magnification;
import org.lowmag.util.LowMagException;

/**
 * Writes one tissue at every requested magnification as {@code tissues/Mx/ID.png}, each image made
 * directly from the source pixels (never from another magnification). Images already on disk are
 * kept (an interrupted run resumes) unless {@code force}; only the missing magnifications are
 * rendered.
 *
 * <p>Downsample of magnification {@code M} from a source at {@code S}: {@code d = max(1, S / M)}. A
 * magnification above the source's by more than {@link #MAG_SLACK} (1%) is refused (LowMag never
 * upsamples); within the slack it is cut at {@code d = 1} (a scanner's 19.96x serves 20x).
 */
public final class TissueCutter {

    /** Relative slack allowed when a magnification is above the source's. */
    public static final double MAG_SLACK = 0.01;

    /** Receives one rendered image. */
    @FunctionalInterface
    public interface ImageSink {
        /**
         * @param mag the magnification
         * @param image the tissue at that magnification
         * @throws IOException when writing fails
         */
        void accept(double mag, BufferedImage image) throws IOException;
    }

    /** Renders a tissue at some magnifications. */
    @FunctionalInterface
    public interface Renderer {
        /**
         * @param mags the magnifications to render (each at most the source's, within the slack)
         * @param sink where to hand each image, once per magnification
         * @throws IOException when reading the source fails
         */
        void render(List<Double> mags, ImageSink sink) throws IOException;
    }

    /** Smallest side of a tissue image, in pixels. */
    public static final int MIN_SIDE_PX = 4;

    private final Path out;
    private final List<Double> mags;
    private final LanczosResampler resampler;
    private final boolean force;
    private final AtomicInteger written = new AtomicInteger();

    /**
     * @param out dataset folder
     * @param mags magnifications
     * @param resampler the resampler (for {@link #cut(String, BufferedImage, double)})
     * @param force rewrite existing images
     */
    public TissueCutter(Path out, List<Double> mags, LanczosResampler resampler, boolean force) {
        this.out = out;
        this.mags = List.copyOf(mags);
        this.resampler = resampler;
        this.force = force;
    }

    /**
     * @param id tissue id
     * @param mag magnification
     * @return the image's path relative to the dataset folder
     */
    public static String relativePath(String id, double mag) {
        return "tissues/" + Magnification.format(mag) + "x/" + id + ".png";
    }

    /**
     * @param sourceMag the source's magnification
     * @param mag a requested magnification
     * @return the downsample {@code max(1, sourceMag / mag)}
     * @throws LowMagException when {@code mag > sourceMag * (1 + MAG_SLACK)}
     */
    public static double downsample(double sourceMag, double mag) {
        if (mag > sourceMag * (1 + MAG_SLACK)) {
            throw new LowMagException(
                    "cannot cut at "
                            + Magnification.format(mag)
                            + "x, above the source's "
                            + String.format(java.util.Locale.ROOT, "%.4g", sourceMag)
                            + "x (LowMag never upsamples): drop it from --mags");
        }
        return Math.max(1.0, sourceMag / mag);
    }

    /**
     * Cuts a tissue whose pixels are all in memory at {@code sourceMag}.
     *
     * @param id tissue id
     * @param source the tissue's pixels at the source magnification
     * @param sourceMag the source magnification
     * @return the images by formatted magnification
     * @throws IOException when writing fails
     */
    public Map<String, TissueRecord.TissueImage> cut(
            String id, BufferedImage source, double sourceMag) throws IOException {
        return cut(
                id,
                sourceMag,
                (todo, sink) -> {
                    for (double mag : todo) {
                        double factor = downsample(sourceMag, mag);
                        sink.accept(
                                mag, factor == 1.0 ? source : resampler.downsample(source, factor));
                    }
                });
    }

    /**
     * Cuts a tissue, rendering only the magnifications not already on disk.
     *
     * @param id tissue id
     * @param sourceMag the source magnification
     * @param renderer makes the missing images
     * @return the images by formatted magnification, in the order of the magnifications
     * @throws IOException when reading or writing fails
     * @throws LowMagException naming the tissue when a magnification is above the source's
     */
    public Map<String, TissueRecord.TissueImage> cut(String id, double sourceMag, Renderer renderer)
            throws IOException {
        Map<Double, int[]> sizes = new HashMap<>();
        List<Double> todo = new ArrayList<>();
        for (double mag : mags) {
            try {
                downsample(sourceMag, mag);
            } catch (LowMagException e) {
                throw new LowMagException(id + ": " + e.getMessage(), e);
            }
            int[] size = force ? null : existingSize(out.resolve(relativePath(id, mag)));
            if (size == null) {
                todo.add(mag);
            } else {
                sizes.put(mag, size);
            }
        }
        if (!todo.isEmpty()) {
            renderer.render(
                    List.copyOf(todo),
                    (mag, img) -> {
                        checkSize(id, mag, img);
                        ImageFiles.writePng(out.resolve(relativePath(id, mag)), img);
                        written.incrementAndGet();
                        sizes.put(mag, new int[] {img.getWidth(), img.getHeight()});
                    });
        }
        Map<String, TissueRecord.TissueImage> images = new LinkedHashMap<>();
        for (double mag : mags) {
            int[] size = sizes.get(mag);
            if (size == null) {
                throw new IllegalStateException(
                        id + ": no image was rendered at " + Magnification.format(mag) + "x");
            }
            images.put(
                    Magnification.format(mag),
                    new TissueRecord.TissueImage(relativePath(id, mag), size[0], size[1]));
        }
        return images;
    }

    /**
     * @return the images this cutter has written (0 after a slide whose images were all on disk:
     *     resumed)
     */
    public int written() {
        return written.get();
    }

    /**
     * Refuses a tissue image too small to hold anything a network could classify (a magnification
     * like {@code --mags 0.001} gives 1x1 px tissues, which would otherwise train).
     */
    static void checkSize(String id, double mag, BufferedImage img) {
        if (img.getWidth() < MIN_SIDE_PX || img.getHeight() < MIN_SIDE_PX) {
            throw new LowMagException(
                    String.format(
                            java.util.Locale.ROOT,
                            "%s: at %sx the tissue is only %dx%d px (under %d px a side): drop %sx"
                                    + " from --mags",
                            id,
                            Magnification.format(mag),
                            img.getWidth(),
                            img.getHeight(),
                            MIN_SIDE_PX,
                            Magnification.format(mag)));
        }
    }

    /** The size of an already written image, from its header, or null. */
    static int[] existingSize(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            var readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                return null;
            }
            ImageReader r = readers.next();
            try {
                r.setInput(in);
                return new int[] {r.getWidth(0), r.getHeight(0)};
            } finally {
                r.dispose();
            }
        } catch (IOException e) {
            return null;
        }
    }
}
