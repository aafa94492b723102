package org.lowmag.slide;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lowmag.tiff.FileChannelSource;
import org.lowmag.tiff.RandomAccessSource;

/**
 * {@link SlideReaders#open(SlideLocation)}: a TIFF pyramid read in place through the location's
 * random-access bytes gives the pixels and metadata {@link SlideReaders#open(Path)} gives, reads a
 * fraction of the file for a coarse level, and never asks for a local file; other formats are
 * opened from the local file.
 */
class SlideLocationTest {

    @TempDir Path tmp;

    /** A local file seen through a counting source, as a remote filesystem would be. */
    private static final class CountingLocation implements SlideLocation {
        final Path file;
        final AtomicLong bytesRead = new AtomicLong();
        final AtomicInteger localFiles = new AtomicInteger();

        CountingLocation(Path file) {
            this.file = file;
        }

        @Override
        public String name() {
            return "remote://" + file;
        }

        @Override
        public RandomAccessSource openSource() throws IOException {
            FileChannelSource local = FileChannelSource.open(file);
            return new RandomAccessSource() {
                @Override
                public String name() {
                    return CountingLocation.this.name();
                }

                @Override
                public long size() throws IOException {
                    return local.size();
                }

                @Override
                public int read(long position, ByteBuffer dst) throws IOException {
                    // at most 1000 bytes a call, as a network stream may return
                    ByteBuffer part = dst.slice();
                    part.limit(Math.min(part.limit(), 1000));
                    int n = local.read(position, part);
                    if (n > 0) {
                        dst.position(dst.position() + n);
                        bytesRead.addAndGet(n);
                    }
                    return n;
                }

                @Override
                public void close() throws IOException {
                    local.close();
                }
            };
        }

        @Override
        public Path localFile() {
            localFiles.incrementAndGet();
            return file;
        }
    }

    @Test
    void aTiffIsReadInPlaceWithTheSamePixels() throws IOException {
        Path file = SyntheticTiffs.writeJdk(tmp.resolve("p.tif"), 2048, 1536, 4, 256, "Deflate");
        CountingLocation remote = new CountingLocation(file);
        try (SlideReader local = SlideReaders.open(file);
                SlideReader far = SlideReaders.open(remote)) {
            assertEquals("tiff", far.backend());
            assertEquals(remote.name(), far.metadata().path());
            assertEquals(local.metadata().levelWidthsPx(), far.metadata().levelWidthsPx());
            assertEquals(local.metadata().properties(), far.metadata().properties());
            int[] a = local.readLevelPixels(3, 0, 0, 256, 192);
            int[] b = far.readLevelPixels(3, 0, 0, 256, 192);
            assertArrayEquals(a, b);
            // the coarsest level (1/64 of the pixels) and the directories, not the whole file
            assertTrue(
                    remote.bytesRead.get() < Files.size(file) / 4,
                    remote.bytesRead.get() + " of " + Files.size(file));
            BufferedImage r1 = local.readRegion(new RegionRequest(100, 50, 900, 700, 3.0));
            BufferedImage r2 = far.readRegion(new RegionRequest(100, 50, 900, 700, 3.0));
            assertArrayEquals(
                    r1.getRGB(0, 0, 300, 233, null, 0, 300),
                    r2.getRGB(0, 0, 300, 233, null, 0, 300));
        }
        assertEquals(0, remote.localFiles.get(), "a TIFF needs no local file");
    }

    @Test
    void otherFormatsAreOpenedFromTheLocalFile() throws IOException {
        Path png = tmp.resolve("p.png");
        ImageIO.write(SyntheticTiffs.image(64, 48, 0), "png", png.toFile());
        CountingLocation remote = new CountingLocation(png);
        try (SlideReader r = SlideReaders.open(remote)) {
            assertEquals("image", r.backend());
            assertEquals(64, r.metadata().widthPx());
        }
        assertEquals(1, remote.localFiles.get());
    }

    @Test
    void anEmptyOrMissingSlideIsNamed() throws IOException {
        Path empty = Files.createFile(tmp.resolve("empty.svs"));
        IOException e =
                assertThrows(
                        IOException.class, () -> SlideReaders.open(new CountingLocation(empty)));
        assertTrue(e.getMessage().contains("remote://" + empty + " is empty"), e.getMessage());
        assertThrows(
                NoSuchFileException.class,
                () -> SlideReaders.open(new CountingLocation(tmp.resolve("gone.svs"))));
    }
}
