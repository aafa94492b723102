package org.lowmag.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lowmag.util.Json;
import org.lowmag.util.LowMagException;
import org.lowmag.util.Progress;

class SyntheticDatasetWriterTest {

    @TempDir Path dir;

    private static SyntheticDatasetWriter.Settings settings(long seed) {
        return new SyntheticDatasetWriter.Settings(
                seed, 1, 1, new SynthesisParams(1.0, 1000, 800, 1, 2, 300, 500), 0.9);
    }

    private static SyntheticDatasetWriter.Summary write(SyntheticDatasetWriter.Settings s, Path dir)
            throws IOException {
        try (Progress p = new Progress("test", 4, "slides")) {
            return new SyntheticDatasetWriter(s, 2).write(dir, p);
        }
    }

    @Test
    void writesSlidesLabelsTissuesAndDescription() throws IOException {
        SyntheticDatasetWriter.Summary s = write(settings(4), dir);
        assertEquals(4, s.written());
        List<String> labels = Files.readAllLines(dir.resolve("labels.csv"));
        assertEquals("slide,patient,label", labels.get(0));
        assertEquals(5, labels.size());
        assertEquals(1, labels.stream().filter(l -> l.endsWith(",")).count(), "one unlabelled");
        for (String line : labels.subList(1, labels.size())) {
            String[] f = line.split(",", -1);
            assertTrue(Files.isRegularFile(dir.resolve(f[0])), f[0]);
            assertTrue(f[0].startsWith("slides/" + f[1] + "-") && f[0].endsWith(".svs"), line);
        }
        List<String> tissues = Files.readAllLines(dir.resolve("tissues.csv"));
        assertEquals("slide,tissue,x,y,width,height,label", tissues.get(0));
        assertTrue(tissues.size() >= 5);
        JsonObject meta = Json.readTree(dir.resolve("synthetic.json")).getAsJsonObject();
        assertEquals(4, meta.get("seed").getAsLong());
        assertEquals(4, meta.get("slides").getAsInt());
        assertTrue(meta.getAsJsonObject("classes").has("dysplasia"));
        assertTrue(meta.getAsJsonObject("provenance").has("lowmag_version"));
    }

    @Test
    void slidesReadBackCloseToTheRenderedPixels() throws IOException {
        write(settings(4), dir);
        SyntheticSlides.Spec spec = SyntheticSlides.specs(4, 1, 1).get(0);
        SynthesisParams p = settings(4).params();
        SlideRenderer r =
                new SlideRenderer(
                        new SlidePlanner(p).plan(spec.tissueClass(), spec.seed()), p.mpp());
        BufferedImage expected = r.renderAll();
        BufferedImage read = readFirstIfd(dir.resolve("slides/" + spec.slideId() + ".svs"));
        assertEquals(expected.getWidth(), read.getWidth());
        assertEquals(expected.getHeight(), read.getHeight());
        double sum = 0;
        for (int y = 0; y < read.getHeight(); y++) {
            for (int x = 0; x < read.getWidth(); x++) {
                int a = expected.getRGB(x, y);
                int b = read.getRGB(x, y);
                for (int sh = 0; sh <= 16; sh += 8) {
                    sum += Math.abs(((a >> sh) & 255) - ((b >> sh) & 255));
                }
            }
        }
        double mean = sum / (3.0 * read.getWidth() * read.getHeight());
        assertTrue(mean < 3.0, "mean |diff| after JPEG " + mean);
    }

    @Test
    void repeatingARunKeepsTheSlidesAndAnotherSeedIsRefused() throws IOException {
        write(settings(4), dir);
        Path slide;
        try (Stream<Path> slides = Files.list(dir.resolve("slides"))) {
            slide = slides.findFirst().orElseThrow();
        }
        FileTime before = Files.getLastModifiedTime(slide);
        SyntheticDatasetWriter.Summary again = write(settings(4), dir);
        assertEquals(0, again.written());
        assertEquals(4, again.skipped());
        assertEquals(before, Files.getLastModifiedTime(slide));
        LowMagException e = assertThrows(LowMagException.class, () -> write(settings(5), dir));
        assertTrue(e.getMessage().contains("seed"), e.getMessage());
    }

    private static BufferedImage readFirstIfd(Path file) throws IOException {
        Iterator<ImageReader> it = ImageIO.getImageReadersByFormatName("tiff");
        ImageReader reader = it.next();
        while (!reader.getClass().getName().startsWith("com.twelvemonkeys") && it.hasNext()) {
            reader = it.next();
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            reader.setInput(in);
            return reader.read(0);
        } finally {
            reader.dispose();
        }
    }
}
