package org.lowmag.dataset;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lowmag.slide.SlideReaders;

class ImageFilesTest {

    @TempDir Path dir;

    /**
     * A JPEG cut in half decodes in the JDK with a warning only ("Premature end of JPEG file") and
     * a grey lower half; as a tissue it must be refused, and as a slide too.
     */
    @Test
    void aTruncatedJpegIsRefusedNotFilledWithGrey() throws IOException {
        BufferedImage img = new BufferedImage(128, 128, BufferedImage.TYPE_INT_RGB);
        Random r = new Random(2);
        for (int y = 0; y < 128; y++) {
            for (int x = 0; x < 128; x++) {
                img.setRGB(x, y, r.nextInt());
            }
        }
        Path full = dir.resolve("full.jpg");
        ImageIO.write(img, "jpeg", full.toFile());
        assertTrue(ImageFiles.read(full).getWidth() == 128, "the whole file reads");
        byte[] bytes = Files.readAllBytes(full);
        Path cut = Files.write(dir.resolve("cut.jpg"), Arrays.copyOf(bytes, bytes.length / 2));
        IOException e = assertThrows(IOException.class, () -> ImageFiles.read(cut));
        assertTrue(
                e.getMessage().contains("image " + cut + " is truncated or corrupt"),
                e::getMessage);
        IOException s = assertThrows(IOException.class, () -> SlideReaders.open(cut).close());
        assertTrue(s.getMessage().contains("truncated or corrupt"), s::getMessage);
    }

    /**
     * A noisy PNG cut in half: the decoder's error ("Error reading PNG image data") names no file.
     */
    @Test
    void aTruncatedPngIsReportedWithItsFileName() throws IOException {
        BufferedImage img = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
        Random r = new Random(1);
        for (int y = 0; y < 64; y++) {
            for (int x = 0; x < 64; x++) {
                img.setRGB(x, y, r.nextInt());
            }
        }
        Path full = dir.resolve("full.png");
        ImageIO.write(img, "png", full.toFile());
        byte[] bytes = Files.readAllBytes(full);
        Path cut =
                Files.write(dir.resolve("tissue_t01.png"), Arrays.copyOf(bytes, bytes.length / 2));
        Exception e = assertThrows(Exception.class, () -> ImageFiles.read(cut));
        assertTrue(e.getMessage().contains(cut.toString()), e::getMessage);
        assertTrue(
                e instanceof IOException || e instanceof org.lowmag.util.LowMagException,
                e::toString);
    }
}
