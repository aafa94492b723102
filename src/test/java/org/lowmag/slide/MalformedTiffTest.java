package org.lowmag.slide;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.lowmag.tiff.TiffTags;

/**
 * Broken TIFF files (the hostile test run's) fail at open with a message that names the file and
 * what is wrong, instead of hanging, contradicting itself or losing pixels without a word. The
 * files are a small tiled JPEG pyramid (128 px tiles, 2 levels) with bytes changed.
 */
class MalformedTiffTest {

    @TempDir Path dir;

    private Path good() throws IOException {
        return SyntheticTiffs.writeJdk(dir.resolve("good.tif"), 512, 384, 2, 128, "JPEG");
    }

    private static ByteBuffer bytes(Path f) throws IOException {
        return ByteBuffer.wrap(Files.readAllBytes(f)).order(ByteOrder.BIG_ENDIAN);
    }

    /** Position of IFD 0's entry for {@code tag}. */
    private static int entry(ByteBuffer b, int tag) {
        int ifd = b.getInt(4);
        int n = b.getShort(ifd) & 0xFFFF;
        for (int i = 0; i < n; i++) {
            int p = ifd + 2 + 12 * i;
            if ((b.getShort(p) & 0xFFFF) == tag) {
                return p;
            }
        }
        throw new AssertionError("no tag " + tag);
    }

    private Path write(String name, ByteBuffer b) throws IOException {
        return Files.write(dir.resolve(name), b.array());
    }

    private static String openFails(Path f) {
        return assertThrows(IOException.class, () -> SlideReaders.open(f).close()).getMessage();
    }

    @Test
    void theGoodFileOpens() throws IOException {
        assertEquals("MM", new String(Files.readAllBytes(good()), 0, 2), "big-endian JDK TIFF");
        try (SlideReader r = SlideReaders.open(good())) {
            assertEquals(2, r.metadata().levelCount());
        }
    }

    @Test
    void aFirstDirectoryAtByteZeroIsNamedAsInsideTheHeader() throws IOException {
        ByteBuffer b = bytes(good());
        b.putInt(4, 0);
        String m = openFails(write("ifd0.tif", b));
        assertTrue(m.contains("puts the first TIFF directory at byte 0, inside the header"), m);
        assertFalse(m.contains("should start at byte 0 but the file has"), m);
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void aChainOfDirectoriesThatLoopsIsRefused() throws IOException {
        ByteBuffer b = bytes(good());
        int ifd = b.getInt(4);
        int n = b.getShort(ifd) & 0xFFFF;
        b.putInt(ifd + 2 + 12 * n, ifd);
        String m = openFails(write("loop.tif", b));
        assertTrue(m.contains("the chain of directories loops"), m);
    }

    @Test
    void aFileCutBeforeItsLastDirectoryIsTruncatedNotShorter() throws IOException {
        byte[] all = Files.readAllBytes(good());
        ByteBuffer b = ByteBuffer.wrap(all).order(ByteOrder.BIG_ENDIAN);
        int ifd = b.getInt(4);
        int n = b.getShort(ifd) & 0xFFFF;
        int second = b.getInt(ifd + 2 + 12 * n);
        assertTrue(second > 0, "two directories");
        Path cut = dir.resolve("cut.tif");
        Files.write(cut, java.util.Arrays.copyOf(all, second + 4));
        String m = openFails(cut);
        assertTrue(m.contains("is truncated or corrupt: its TIFF directory 1"), m);
    }

    @Test
    void aHugeTileOffsetsCountIsReportedAsTruncationNotAsAWrongType() throws IOException {
        ByteBuffer b = bytes(good());
        b.putInt(entry(b, TiffTags.TILE_OFFSETS) + 4, 0x3FFFFFFF);
        String m = openFails(write("count.tif", b));
        assertTrue(m.contains("is truncated or corrupt: its TIFF directory 0 has tag 324"), m);
        assertFalse(m.contains("should be numeric"), m);
    }

    /** 500 px wide: 4 tiles of 128 or of 125 px across, so the tile count does not give it away. */
    @Test
    void tilesLargerThanTheirTileWidthAreRefusedNotCropped() throws IOException {
        ByteBuffer b =
                bytes(SyntheticTiffs.writeJdk(dir.resolve("w500.tif"), 500, 384, 2, 128, "JPEG"));
        int p = entry(b, TiffTags.TILE_WIDTH);
        int type = b.getShort(p + 2);
        if (type == 3) {
            b.putShort(p + 8, (short) 125);
        } else {
            b.putInt(p + 8, 125);
        }
        Path f = write("narrow.tif", b);
        IOException e =
                assertThrows(
                        IOException.class,
                        () -> {
                            try (SlideReader r = SlideReaders.open(f)) {
                                r.readRegion(new RegionRequest(0, 0, 256, 256, 1));
                            }
                        });
        assertTrue(
                e.getMessage().contains("holds a 128x128 JPEG but the file says"), e::getMessage);
    }

    /** The real JPEG 2000 slide cut to 90%: a truncation, not a missing OpenSlide. */
    @Test
    void aTruncatedJpeg2000SlideIsCalledTruncatedNotToldToInstallOpenSlide() throws IOException {
        RealSlides.requireOpenSlide();
        byte[] all = Files.readAllBytes(RealSlides.require(RealSlides.TCGA));
        Path cut = dir.resolve("tcga-cut.svs");
        Files.write(cut, java.util.Arrays.copyOf(all, all.length * 9 / 10));
        String m = openFails(cut);
        assertTrue(m.contains("truncated"), m);
        assertFalse(m.contains("install"), m);
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void aFifoNamedAsASlideFailsAtOnceInsteadOfBlocking() throws Exception {
        Path fifo = dir.resolve("fifo.svs");
        Process p = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assertEquals(0, p.waitFor());
        String m = openFails(fifo);
        assertTrue(m.contains("is not a regular file"), m);
    }
}
