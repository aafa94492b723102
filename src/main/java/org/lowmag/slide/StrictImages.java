package org.lowmag.slide;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Decodes images with ImageIO but refuses what ImageIO only warns about: the JDK's JPEG reader
 * decodes a truncated file ("Premature end of JPEG file") into an image whose missing part is grey,
 * and {@link ImageIO#read} passes that on as a good image. Any warning a reader reports while
 * decoding, and any error, becomes an {@link IOException} naming the file.
 */
public final class StrictImages {

    private StrictImages() {}

    /**
     * @param file an image file
     * @return the image, or null when no ImageIO reader recognises the format
     * @throws IOException when the file cannot be read, or decodes only with warnings (truncated or
     *     corrupt)
     */
    public static BufferedImage read(Path file) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            if (in == null) {
                throw new IOException(file + ": cannot open the file for reading");
            }
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                return null;
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                return decode(reader, file);
            } finally {
                reader.dispose();
            }
        }
    }

    /**
     * Decodes image 0 of a reader whose input is set.
     *
     * @param reader the reader
     * @param file the file, for messages
     * @return the image
     * @throws IOException when decoding fails or the reader warns
     */
    static BufferedImage decode(ImageReader reader, Path file) throws IOException {
        List<String> warnings = new ArrayList<>();
        reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
        BufferedImage image;
        try {
            image = reader.read(0);
        } catch (IOException
                | IllegalArgumentException
                | IllegalStateException
                | IndexOutOfBoundsException e) {
            throw new IOException(
                    "image " + file + " cannot be read, it is truncated or corrupt: " + e, e);
        }
        if (!warnings.isEmpty()) {
            throw new IOException(
                    "image "
                            + file
                            + " is truncated or corrupt: the decoder warns '"
                            + warnings.get(0)
                            + "'");
        }
        return image;
    }
}
