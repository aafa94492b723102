package org.lowmag.cli;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.lowmag.util.AtomicFiles;
import org.lowmag.util.LowMagException;

/** Reading and atomically writing plain images (PNG, JPEG, TIFF) for the commands. */
final class ImageFiles {

    private ImageFiles() {}

    /**
     * @param path an image file
     * @return the decoded image
     * @throws IOException when it cannot be read
     */
    static BufferedImage read(Path path) throws IOException {
        if (!Files.isRegularFile(path)) {
            throw new NoSuchFileException(path.toString());
        }
        BufferedImage img = ImageIO.read(path.toFile());
        if (img == null) {
            throw new LowMagException(
                    path + " is not an image ImageIO can decode: give a PNG, JPEG or TIFF file");
        }
        return img;
    }

    /**
     * @param path the output file name
     * @return the ImageIO format for its extension ({@code png}, {@code jpeg}, {@code tiff})
     */
    static String formatOf(Path path) {
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
     * Writes an image atomically, in the format given by the file's extension.
     *
     * @param path the output file
     * @param image the image
     * @throws IOException when writing fails
     */
    static void write(Path path, BufferedImage image) throws IOException {
        String format = formatOf(path);
        AtomicFiles.write(
                path,
                out -> {
                    if (!ImageIO.write(image, format, out)) {
                        throw new IOException(
                                "no ImageIO writer for " + format + " (" + path + ")");
                    }
                });
    }
}
