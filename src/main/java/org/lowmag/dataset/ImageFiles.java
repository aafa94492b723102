package org.lowmag.dataset;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.lowmag.util.AtomicFiles;
import org.lowmag.util.LowMagException;

/** Reading and (atomically) writing tissue images as PNG. */
public final class ImageFiles {

    private ImageFiles() {}

    /**
     * Reads an image file.
     *
     * @param file a PNG, JPEG, TIFF or BMP file
     * @return the image
     * @throws IOException when it cannot be read
     * @throws LowMagException when it is not a decodable image
     */
    public static BufferedImage read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new LowMagException("image " + file + " is missing");
        }
        BufferedImage img = ImageIO.read(file.toFile());
        if (img == null) {
            throw new LowMagException(
                    "image "
                            + file
                            + " cannot be decoded (not a PNG, JPEG, TIFF or BMP file, or"
                            + " truncated)");
        }
        return img;
    }

    /**
     * Reads an image file as planar RGB.
     *
     * @param file the file
     * @return the image
     * @throws IOException when it cannot be read
     */
    public static RgbImage readRgb(Path file) throws IOException {
        return RgbImage.of(read(file));
    }

    /**
     * Writes a PNG atomically.
     *
     * @param file the target
     * @param img the image
     * @throws IOException when writing fails
     */
    public static void writePng(Path file, BufferedImage img) throws IOException {
        AtomicFiles.write(
                file,
                out -> {
                    if (!ImageIO.write(img, "png", out)) {
                        throw new IOException("no PNG writer available");
                    }
                });
    }
}
