package org.lowmag.slide;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lowmag.tiff.PyramidTiffWriter;

class PyramidTiffWriterTest {

    @TempDir Path dir;

    private static PyramidTiffWriter.Builder base() {
        return PyramidTiffWriter.builder().setMpp(0.5, 0.5).optTopLevelMaxSidePx(128);
    }

    @Test
    void levelSizesDivideByTheFactorRoundingUpUntilTheTopFits() {
        PyramidTiffWriter four = PyramidTiffWriter.builder().setMpp(0.5, 0.5).build();
        List<int[]> s = four.levelSizes(3000, 2100);
        // 3000x2100 -> ceil(/4) = 750x525 <= 1024: two levels
        assertEquals(2, s.size());
        assertArrayEquals(new int[] {750, 525}, s.get(1));
        PyramidTiffWriter two =
                PyramidTiffWriter.builder().setMpp(0.5, 0.5).optLevelFactor(2).build();
        List<int[]> t = two.levelSizes(3001, 2100);
        // 3001 -> 1501 -> 751; 2100 -> 1050 -> 525
        assertEquals(3, t.size());
        assertArrayEquals(new int[] {1501, 1050}, t.get(1));
        assertArrayEquals(new int[] {751, 525}, t.get(2));
        assertEquals(1, four.levelSizes(1024, 10).size());
    }

    @Test
    void descriptionIsAperioStyle() {
        PyramidTiffWriter w =
                PyramidTiffWriter.builder()
                        .setMpp(0.5, 0.5)
                        .optTitle("LowMag synthetic")
                        .optField("Generator", "test")
                        .build();
        assertEquals(
                "Aperio Image Library LowMag synthetic\r\n3000x2100 [0,0 3000x2100] (256x256)"
                        + " JPEG/YCC Q=90|AppMag = 20|MPP = 0.5|Generator = test",
                w.aperioDescription(3000, 2100));
    }

    @Test
    void deflateRoundTripIsLosslessAndLevelsAreAreaAverages() throws IOException {
        BufferedImage img = TiffTestImages.pattern(700, 530);
        Path file = dir.resolve("d.tif");
        base().optCompression(PyramidTiffWriter.Compression.DEFLATE).build().write(file, img);
        List<BufferedImage> levels = TiffTestImages.readAll(file);
        // 700x530 -> 175x133 -> 44x34 (top <= 128)
        assertEquals(3, levels.size());
        assertArrayEquals(new double[] {0, 0}, TiffTestImages.diff(img, levels.get(0)));
        BufferedImage l1 = TiffTestImages.areaAverage(img, 4);
        assertArrayEquals(new double[] {0, 0}, TiffTestImages.diff(l1, levels.get(1)));
        BufferedImage l2 = TiffTestImages.areaAverage(l1, 4);
        assertArrayEquals(new double[] {0, 0}, TiffTestImages.diff(l2, levels.get(2)));
    }

    @Test
    void uncompressedRoundTripIsLossless() throws IOException {
        BufferedImage img = TiffTestImages.pattern(300, 260);
        Path file = dir.resolve("u.tif");
        base().optCompression(PyramidTiffWriter.Compression.NONE)
                .optTileSizePx(64)
                .build()
                .write(file, img);
        List<BufferedImage> levels = TiffTestImages.readAll(file);
        assertEquals(2, levels.size());
        assertArrayEquals(new double[] {0, 0}, TiffTestImages.diff(img, levels.get(0)));
    }

    @Test
    void jpegRoundTripIsCloseAndTagsAreSet() throws IOException {
        BufferedImage img = TiffTestImages.pattern(700, 530);
        Path file = dir.resolve("j.svs");
        base().optTitle("LowMag test").build().write(file, img);
        List<BufferedImage> levels = TiffTestImages.readAll(file);
        assertEquals(3, levels.size());
        double[] d0 = TiffTestImages.diff(img, levels.get(0));
        assertTrue(d0[0] < 2.0, "mean |diff| at level 0 " + d0[0]);
        double[] d1 = TiffTestImages.diff(TiffTestImages.areaAverage(img, 4), levels.get(1));
        // level 1 has 4x the spatial frequencies of level 0: JPEG (4:2:0 chroma) errs more
        assertTrue(d1[0] < 4.0, "mean |diff| at level 1 " + d1[0]);
        String desc = TiffTestImages.field(file, 0, 270);
        assertTrue(desc.startsWith("Aperio Image Library LowMag test"), desc);
        assertTrue(desc.contains("|MPP = 0.5"), desc);
        assertEquals("3", TiffTestImages.field(file, 0, 296), "resolution unit = centimetre");
        assertEquals("7", TiffTestImages.field(file, 0, 259), "JPEG compression");
        assertEquals("6", TiffTestImages.field(file, 0, 262), "YCbCr photometric");
        assertEquals("1", TiffTestImages.field(file, 1, 254), "reduced-resolution subfile");
    }

    @Test
    void renderedSourceGivesTheSameBytesWhateverTheThreadCount() throws IOException {
        BufferedImage img = TiffTestImages.pattern(900, 600);
        PyramidTiffWriter.TileSource source = (x, y, w, h) -> img.getSubimage(x, y, w, h);
        Path one = dir.resolve("one.svs");
        Path four = dir.resolve("four.svs");
        base().optThreads(1).build().write(one, 900, 600, source);
        base().optThreads(4).build().write(four, 900, 600, source);
        assertArrayEquals(Files.readAllBytes(one), Files.readAllBytes(four));
    }

    @Test
    void writesAtomicallyAndReplacesAnExistingFile() throws IOException {
        Path file = dir.resolve("a.svs");
        Files.writeString(file, "old");
        base().build().write(file, TiffTestImages.pattern(100, 80));
        byte[] head = Files.readAllBytes(file);
        assertEquals('I', head[0]);
        assertEquals(42, head[2]);
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList(), "no temporary file left behind");
        }
    }

    @Test
    void sourceReturningTheWrongSizeFails() {
        PyramidTiffWriter w = base().build();
        Path file = dir.resolve("bad.svs");
        assertThrows(
                IllegalStateException.class,
                () ->
                        w.write(
                                file,
                                300,
                                300,
                                (x, y, wd, h) ->
                                        new BufferedImage(10, 10, BufferedImage.TYPE_INT_RGB)));
        assertTrue(Files.notExists(file));
    }

    @Test
    void builderRejectsBadSettings() {
        assertThrows(IllegalArgumentException.class, () -> PyramidTiffWriter.builder().build());
        assertThrows(IllegalArgumentException.class, () -> base().optLevelFactor(3).build());
        assertThrows(IllegalArgumentException.class, () -> base().optTileSizePx(100).build());
        assertThrows(IllegalArgumentException.class, () -> base().optJpegQuality(0).build());
        assertThrows(IllegalArgumentException.class, () -> base().optThreads(0).build());
        assertThrows(IllegalArgumentException.class, () -> base().optField("a|b", "c").build());
        assertThrows(IllegalArgumentException.class, () -> base().optField("a", "c\r\n").build());
    }
}
