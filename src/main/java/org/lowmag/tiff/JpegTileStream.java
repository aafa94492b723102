package org.lowmag.tiff;

import java.io.ByteArrayOutputStream;

/**
 * A JPEG stream made fit for a TIFF tile: JFIF APP0 removed, chroma subsampling read.
 *
 * @param data the stream without APP0
 * @param subsampling horizontal and vertical chroma subsampling of the frame
 */
record JpegTileStream(byte[] data, int[] subsampling) {

    static JpegTileStream of(byte[] jpeg) {
        if ((jpeg[0] & 0xFF) != 0xFF || (jpeg[1] & 0xFF) != 0xD8) {
            throw new IllegalStateException("JPEG encoder output does not start with SOI");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(jpeg.length);
        out.write(jpeg, 0, 2);
        int i = 2;
        int[] sub = null;
        while (i + 4 <= jpeg.length && (jpeg[i] & 0xFF) == 0xFF) {
            int marker = jpeg[i + 1] & 0xFF;
            int len = ((jpeg[i + 2] & 0xFF) << 8) | (jpeg[i + 3] & 0xFF);
            if (marker == 0xC0 || marker == 0xC1) {
                int luma = jpeg[i + 11] & 0xFF;
                int chroma = jpeg[i + 14] & 0xFF;
                sub = new int[] {(luma >> 4) / (chroma >> 4), (luma & 15) / (chroma & 15)};
            }
            if (marker == 0xDA) {
                break;
            }
            if (marker != 0xE0) {
                out.write(jpeg, i, len + 2);
            }
            i += len + 2;
        }
        if (sub == null) {
            throw new IllegalStateException("JPEG encoder output has no baseline frame header");
        }
        out.write(jpeg, i, jpeg.length - i);
        return new JpegTileStream(out.toByteArray(), sub);
    }
}
