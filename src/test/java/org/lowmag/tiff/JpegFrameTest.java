package org.lowmag.tiff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.ByteArrayOutputStream;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link JpegFrame} on hand-made marker sequences (SOI, optional APP0/APP14, SOF0 of three
 * components, SOS) and {@link JpegColourTags} on the frames.
 */
class JpegFrameTest {

    /** SOI [APP0 JFIF] [APP14 Adobe transform] SOF0 64x32 with the given ids and samplings, SOS. */
    private static byte[] stream(boolean jfif, int adobe, int[] ids, int[] samplings) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0xFF);
        out.write(0xD8);
        if (jfif) {
            write(out, 0xFF, 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0, 1, 1, 0, 0, 1, 0, 1, 0, 0);
        }
        if (adobe >= 0) {
            write(out, 0xFF, 0xEE, 0, 14, 'A', 'd', 'o', 'b', 'e', 0, 100, 0, 0, 0, 0, adobe);
        }
        write(out, 0xFF, 0xC0, 0, 17, 8, 0, 32, 0, 64, 3);
        for (int c = 0; c < 3; c++) {
            write(out, ids[c], samplings[c], 0);
        }
        write(out, 0xFF, 0xDA, 0, 2);
        return out.toByteArray();
    }

    private static void write(ByteArrayOutputStream out, int... bytes) {
        for (int b : bytes) {
            out.write(b);
        }
    }

    private static final int[] IDS_123 = {1, 2, 3};
    private static final int[] IDS_RGB = {'R', 'G', 'B'};
    private static final int[] S420 = {0x22, 0x11, 0x11};
    private static final int[] S444 = {0x11, 0x11, 0x11};

    @Test
    void jfifMarkerMeansYcbcrWithItsSubsampling() {
        JpegFrame f = JpegFrame.parse(stream(true, -1, IDS_123, S420));
        assertEquals(64, f.widthPx());
        assertEquals(32, f.heightPx());
        assertEquals(JpegFrame.ColourSpace.YCBCR, f.colourSpace());
        assertArrayEquals(new int[] {2, 2}, f.chromaSubsampling());
        assertEquals(
                JpegFrame.ColourSpace.YCBCR,
                JpegFrame.parse(stream(true, -1, IDS_123, S444)).colourSpace());
    }

    @Test
    void adobeTransformDecidesBeforeJfifAndIds() {
        assertEquals(
                JpegFrame.ColourSpace.RGB,
                JpegFrame.parse(stream(true, 0, IDS_123, S444)).colourSpace());
        assertEquals(
                JpegFrame.ColourSpace.YCBCR,
                JpegFrame.parse(stream(false, 1, IDS_RGB, S444)).colourSpace());
    }

    @Test
    void rgbIdsMeanRgbAndSubsampledChromaMeansYcbcr() {
        assertEquals(
                JpegFrame.ColourSpace.RGB,
                JpegFrame.parse(stream(false, -1, IDS_RGB, S444)).colourSpace());
        JpegFrame sub = JpegFrame.parse(stream(false, -1, IDS_123, new int[] {0x21, 0x11, 0x11}));
        assertEquals(JpegFrame.ColourSpace.YCBCR, sub.colourSpace());
        assertArrayEquals(new int[] {2, 1}, sub.chromaSubsampling());
    }

    @Test
    void aStreamThatSaysNothingLeavesTheTagsAlone() {
        JpegFrame silent = JpegFrame.parse(stream(false, -1, IDS_123, S444));
        assertNull(silent.colourSpace());
        Map<Integer, Object> rgb = Map.of(TiffTags.PHOTOMETRIC, 2, TiffTags.COMPRESSION, 7);
        assertSame(rgb, JpegColourTags.corrected(rgb, silent));
        assertSame(rgb, JpegColourTags.corrected(rgb, null));
    }

    @Test
    void jfifUnderRgbTagBecomesYcbcrAndRgbUnderYcbcrTagBecomesRgb() {
        Map<Integer, Object> rgb = Map.of(TiffTags.PHOTOMETRIC, 2, TiffTags.COMPRESSION, 7);
        Map<Integer, Object> fixed =
                JpegColourTags.corrected(rgb, JpegFrame.parse(stream(true, -1, IDS_123, S420)));
        assertEquals(6, fixed.get(TiffTags.PHOTOMETRIC));
        assertArrayEquals(new int[] {2, 2}, (int[]) fixed.get(TiffTags.YCBCR_SUBSAMPLING));

        Map<Integer, Object> ycc =
                Map.of(TiffTags.PHOTOMETRIC, 6, TiffTags.YCBCR_SUBSAMPLING, new int[] {2, 2});
        Map<Integer, Object> back =
                JpegColourTags.corrected(ycc, JpegFrame.parse(stream(false, 0, IDS_123, S444)));
        assertEquals(2, back.get(TiffTags.PHOTOMETRIC));
        assertNull(back.get(TiffTags.YCBCR_SUBSAMPLING));
    }

    @Test
    void notAJpegHasNoFrame() {
        assertNull(JpegFrame.parse(new byte[] {1, 2, 3, 4, 5}));
        assertNull(
                JpegFrame.parse(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xDA}));
    }
}
