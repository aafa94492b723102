package org.lowmag.dataset;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.lowmag.slide.StrictImages;
import org.lowmag.util.AtomicFiles;
import org.lowmag.util.LowMagException;

/**
 * Reading images with clear errors, and writing them atomically (a partial file never appears under
 * the final name) as PNG, JPEG or TIFF, chosen by the file's extension.
 */
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
        BufferedImage img = StrictImages.read(file);
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
     * @param path an output file name
     * @return the ImageIO format for its extension: {@code png}, {@code jpeg} ({@code .jpg}, {@code
     *     .jpeg}) or {@code tiff} ({@code .tif}, {@code .tiff})
     * @throws IllegalArgumentException for any other extension
     */
    public static String formatOf(Path path) {
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".png")) {
            return "png";
        }
        if (name.endsWith(".jpg") || name.endsWith(".jpeg")) {
            return "jpeg";
        }
        if (name.endsWith(".tif") || name.endsWith(".tiff")) {
            return "tiff";
        }
        throw new IllegalArgumentException(
                "output " + path + " must end in .png, .jpg, .jpeg, .tif or .tiff");
    }

    /**
     * Writes an image atomically in the format its extension names ({@link #formatOf}).
     *
     * @param file the target
     * @param img the image
     * @throws IOException when writing fails
     * @throws IllegalArgumentException when the extension is not a known format
     */
    public static void write(Path file, BufferedImage img) throws IOException {
        String format = formatOf(file);
        AtomicFiles.write(
                file,
                out -> {
                    if (!ImageIO.write(img, format, out)) {
                        throw new IOException(
                                "no ImageIO writer for " + format + " (" + file + ")");
                    }
                });
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
