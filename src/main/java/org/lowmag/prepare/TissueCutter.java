package org.lowmag.prepare;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.lowmag.dataset.ImageFiles;
import org.lowmag.dataset.Magnification;
import org.lowmag.dataset.TissueRecord;
import org.lowmag.resample.LanczosResampler;
import org.lowmag.util.LowMagException;

/**
 * Writes one tissue at every requested magnification, each resampled directly from the source
 * pixels with Lanczos-3 (never from another magnification), as {@code tissues/Mx/ID.png}.
 */
public final class TissueCutter {

    private final Path out;
    private final List<Double> mags;
    private final LanczosResampler resampler;
    private final boolean force;

    /**
     * @param out dataset folder
     * @param mags magnifications
     * @param resampler the resampler
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
     * Cuts a tissue whose pixels are at {@code sourceMag}.
     *
     * @param id tissue id
     * @param source the tissue's pixels at the source magnification
     * @param sourceMag the source magnification
     * @return the written images by formatted magnification
     * @throws IOException when writing fails
     */
    public Map<String, TissueRecord.TissueImage> cut(
            String id, BufferedImage source, double sourceMag) throws IOException {
        Map<String, TissueRecord.TissueImage> images = new LinkedHashMap<>();
        for (double mag : mags) {
            double factor = sourceMag / mag;
            if (factor < 1 - 1e-9) {
                throw new LowMagException(
                        id
                                + ": cannot cut at "
                                + Magnification.format(mag)
                                + "x, above the source's "
                                + Magnification.format(sourceMag)
                                + "x (LowMag never upsamples): drop it from --mags");
            }
            String rel = relativePath(id, mag);
            Path file = out.resolve(rel);
            int[] size = force ? null : existingSize(file);
            if (size == null) {
                BufferedImage img =
                        Math.abs(factor - 1) < 1e-9 ? source : resampler.downsample(source, factor);
                ImageFiles.writePng(file, img);
                size = new int[] {img.getWidth(), img.getHeight()};
            }
            images.put(
                    Magnification.format(mag), new TissueRecord.TissueImage(rel, size[0], size[1]));
        }
        return images;
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
