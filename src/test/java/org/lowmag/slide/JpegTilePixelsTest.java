package org.lowmag.slide;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lowmag.tiff.FileChannelSource;
import org.lowmag.tiff.PyramidTiffWriter;
import org.lowmag.tiff.TiffFile;
import org.lowmag.tiff.TiffLayout;
import org.lowmag.tiff.TiffPage;
import org.lowmag.tiff.TiffTileDecoder;

/**
 * {@link TiffTileDecoder#decodeRgb} (JPEG blocks straight through the JDK's libjpeg, colour
 * converted as libjpeg does) gives exactly the pixels of the full decode through the TIFF reader
 * ({@link TiffTileDecoder#decode}, then {@link RgbPixels#toRgb}), block by block: YCbCr and grey
 * JPEG pyramids from the JDK's TIFF writer (tiles and strips), LowMag's own SVS writer, a
 * Bio-Formats-style OME-TIFF whose tags say RGB over YCbCr streams, and the shared real slides.
 */
class JpegTilePixelsTest {

    @TempDir Path dir;

    /**
     * @return how many blocks were compared through the fast path
     */
    private static int assertSamePixels(Path file, int maxBlocksPerLevel) throws IOException {
        int fast = 0;
        try (FileChannelSource source = FileChannelSource.open(file)) {
            long size = Files.size(file);
            ByteOrder order = TiffFile.readHeader(source, size);
            TiffLayout layout = TiffLayout.of(TiffFile.readDirectories(source), size);
            try (TiffTileDecoder decoder = new TiffTileDecoder(source, order)) {
                for (TiffPage page : layout.levels()) {
                    int blocks = page.tilesAcross() * page.tilesDown();
                    int step = Math.max(1, blocks / maxBlocksPerLevel);
                    for (int tile = 0; tile < blocks; tile += step) {
                        int[] direct = decoder.decodeRgb(page, tile);
                        if (direct == null) {
                            continue;
                        }
                        int[] full = RgbPixels.toRgb(decoder.decode(page, tile));
                        assertArrayEquals(
                                full, direct, file.getFileName() + " IFD " + page.ifd + " " + tile);
                        fast++;
                    }
                }
            }
        }
        return fast;
    }

    @Test
    void jdkTiffWriterJpegTilesAndStrips() throws IOException {
        Path tiles = SyntheticTiffs.writeJdk(dir.resolve("t.tif"), 320, 224, 3, 64, "JPEG");
        assertTrue(assertSamePixels(tiles, 1000) > 20);
        Path strips = SyntheticTiffs.writeJdk(dir.resolve("s.tif"), 320, 224, 2, 0, "JPEG");
        assertTrue(assertSamePixels(strips, 1000) > 0);
    }

    @Test
    void greyJpeg() throws IOException {
        BufferedImage grey = new BufferedImage(200, 150, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < 150; y++) {
            for (int x = 0; x < 200; x++) {
                grey.getRaster().setSample(x, y, 0, (x * 7 + y * 3) % 256);
            }
        }
        Path file = SyntheticTiffs.writeLevels(dir.resolve("g.tif"), List.of(grey), 64, "JPEG");
        assertTrue(assertSamePixels(file, 1000) > 0);
    }

    @Test
    void lowMagSvsWriter() throws IOException {
        Path file = dir.resolve("w.svs");
        PyramidTiffWriter.builder()
                .setMpp(0.5, 0.5)
                .optTopLevelMaxSidePx(128)
                .build()
                .write(file, TiffTestImages.pattern(700, 530));
        assertTrue(assertSamePixels(file, 1000) > 6);
    }

    @Test
    void omeTiffWithRgbTagsOverYcbcrStreams() throws IOException {
        Path file = OmeTiffSlideTest.write(dir.resolve("o.ome.tif"));
        assertTrue(assertSamePixels(file, 1000) > 0);
    }

    @Test
    void deflateTilesAreLeftToTheTiffReader() throws IOException {
        Path file = SyntheticTiffs.writeJdk(dir.resolve("d.tif"), 128, 128, 1, 64, "Deflate");
        try (FileChannelSource source = FileChannelSource.open(file)) {
            long size = Files.size(file);
            ByteOrder order = TiffFile.readHeader(source, size);
            TiffLayout layout = TiffLayout.of(TiffFile.readDirectories(source), size);
            try (TiffTileDecoder decoder = new TiffTileDecoder(source, order)) {
                assertNull(decoder.decodeRgb(layout.levels().get(0), 0));
                assertNotNull(decoder.decode(layout.levels().get(0), 0));
            }
        }
    }

    @Test
    void realSlides() throws IOException {
        // CMU-1's region is Aperio JPEG/YCC; the TCGA slide's levels are JPEG 2000 (not JPEG)
        assertTrue(assertSamePixels(RealSlides.require(RealSlides.CMU1), 1000) > 100);
    }
}
