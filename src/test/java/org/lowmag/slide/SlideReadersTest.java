package org.lowmag.slide;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Backend choice and the messages for files no backend can read. */
class SlideReadersTest {

    @TempDir Path dir;

    @Test
    void tiffGoesToThePureJavaReaderAndPngToTheImageReader() throws IOException {
        Path tif = SyntheticTiffs.writeJdk(dir.resolve("a.tif"), 128, 96, 1, 32, "Deflate");
        try (SlideReader r = SlideReaders.open(tif)) {
            assertEquals("tiff", r.backend());
        }
        Path png = dir.resolve("a.png");
        ImageIO.write(SyntheticTiffs.image(40, 30, 0), "png", png.toFile());
        try (SlideReader r = SlideReaders.open(png)) {
            assertEquals("image", r.backend());
            assertEquals(40, r.metadata().widthPx());
        }
    }

    @Test
    void missingFile() {
        Path missing = dir.resolve("nope.svs");
        NoSuchFileException e =
                assertThrows(NoSuchFileException.class, () -> SlideReaders.open(missing));
        assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
    }

    @Test
    void truncatedTiff() throws IOException {
        Path tif = SyntheticTiffs.writeJdk(dir.resolve("t.tif"), 256, 192, 2, 64, "Deflate");
        byte[] bytes = Files.readAllBytes(tif);
        Path cut = dir.resolve("cut.tif");
        Files.write(cut, Arrays.copyOf(bytes, bytes.length * 2 / 3));
        IOException e = assertThrows(IOException.class, () -> SlideReaders.open(cut));
        assertFalse(e instanceof UnsupportedSlideException, e.toString());
        assertTrue(e.getMessage().contains(cut.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Deflate", "JPEG"})
    void corruptTileNamesTheFileAndTile(String compression) throws IOException {
        Path tif = SyntheticTiffs.writeJdk(dir.resolve("c.tif"), 256, 192, 1, 64, compression);
        try (SlideReader r = SlideReaders.open(tif)) {
            r.readRegion(new RegionRequest(0, 0, 8, 8, 1)); // fine before the damage
        }
        // Overwrite the middle of the file (tile data) with garbage.
        try (RandomAccessFile raf = new RandomAccessFile(tif.toFile(), "rw")) {
            byte[] junk = new byte[(int) (raf.length() / 2)];
            Arrays.fill(junk, (byte) 0x5A);
            raf.seek(raf.length() / 4);
            raf.write(junk);
        }
        try (SlideReader r = SlideReaders.open(tif)) {
            IOException e =
                    assertThrows(
                            IOException.class,
                            () -> r.readRegion(new RegionRequest(0, 0, 256, 192, 1)));
            assertTrue(e.getMessage().contains(tif.toString()), e.getMessage());
            assertTrue(e.getMessage().contains("cannot decode tile"), e.getMessage());
        }
    }

    @Test
    void textFileWithSvsExtension() throws IOException {
        Path fake = Files.writeString(dir.resolve("fake.svs"), "this is not a slide\n");
        UnsupportedSlideException e =
                assertThrows(UnsupportedSlideException.class, () -> SlideReaders.open(fake));
        assertTrue(e.getMessage().contains(fake.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("unsupported"), e.getMessage());
        assertTrue(e.getMessage().contains("tiff: no TIFF header"), e.getMessage());
        assertTrue(e.getMessage().contains("openslide"), e.getMessage());
    }

    @Test
    void emptyFileAndDirectory() throws IOException {
        Path empty = Files.createFile(dir.resolve("empty.svs"));
        IOException e = assertThrows(IOException.class, () -> SlideReaders.open(empty));
        assertTrue(e.getMessage().contains("empty"), e.getMessage());
        IOException d = assertThrows(IOException.class, () -> SlideReaders.open(dir));
        assertTrue(d.getMessage().contains("directory"), d.getMessage());
    }

    @Test
    void openSlideOnlyFormatsNeedOpenSlide() throws IOException {
        Path ndpi = Files.writeString(dir.resolve("x.ndpi"), "not really");
        UnsupportedSlideException e =
                assertThrows(UnsupportedSlideException.class, () -> SlideReaders.open(ndpi));
        assertTrue(e.getMessage().contains("openslide"), e.getMessage());
    }

    @Test
    void signatures() {
        assertEquals(SlideReaders.Signature.TIFF, SlideReaders.classify(bytes("II*\0")));
        assertEquals(SlideReaders.Signature.TIFF, SlideReaders.classify(bytes("MM\0*")));
        assertEquals(SlideReaders.Signature.TIFF, SlideReaders.classify(bytes("II+\0")));
        assertEquals(
                SlideReaders.Signature.IMAGE,
                SlideReaders.classify(new byte[] {(byte) 0x89, 'P', 'N', 'G'}));
        assertEquals(
                SlideReaders.Signature.IMAGE,
                SlideReaders.classify(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0}));
        assertEquals(SlideReaders.Signature.IMAGE, SlideReaders.classify(bytes("BM")));
        assertEquals(SlideReaders.Signature.UNKNOWN, SlideReaders.classify(bytes("this")));
    }

    @Test
    void badRequests() throws IOException {
        assertThrows(IllegalArgumentException.class, () -> new RegionRequest(0, 0, 0, 10, 1));
        assertThrows(IllegalArgumentException.class, () -> new RegionRequest(0, 0, 10, 10, 0.5));
        assertThrows(
                IllegalArgumentException.class, () -> new RegionRequest(0, 0, 10, 10, Double.NaN));
        Path tif = SyntheticTiffs.writeJdk(dir.resolve("r.tif"), 128, 96, 1, 32, null);
        try (SlideReader r = SlideReaders.open(tif)) {
            assertThrows(
                    IllegalArgumentException.class,
                    () -> r.readRegion(new RegionRequest(-50, 0, 50, 10, 1)));
            assertThrows(
                    IllegalArgumentException.class,
                    () -> r.readRegion(new RegionRequest(0, 0, 1L << 20, 1L << 20, 1)));
            IllegalArgumentException e =
                    assertThrows(
                            IllegalArgumentException.class, () -> r.readAssociatedImage("label"));
            assertTrue(e.getMessage().contains("no associated image 'label'"), e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> r.thumbnail(0));
            BufferedImage t = r.thumbnail(1000); // never upsamples
            assertEquals(128, t.getWidth());
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    }
}
