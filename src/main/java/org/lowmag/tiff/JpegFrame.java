package org.lowmag.tiff;

/**
 * The frame size a JPEG stream declares in its start-of-frame marker ({@code SOF0..SOF15}, not
 * {@code DHT}, {@code JPG} or {@code DAC}): {@code FF Cn, length(2), precision(1), height(2),
 * width(2)}, big-endian. Used to check a TIFF's JPEG tiles against its TileWidth and TileLength: a
 * decoder crops a tile to the size the TIFF claims, so a wrong claim would lose pixels silently.
 */
public final class JpegFrame {

    private JpegFrame() {}

    /**
     * @param jpeg a JPEG stream (a tile's bytes)
     * @return {@code {width, height}}, or null when the stream has no frame header before its scan
     *     data or is not a JPEG
     */
    static int[] size(byte[] jpeg) {
        if (jpeg.length < 4 || (jpeg[0] & 0xFF) != 0xFF || (jpeg[1] & 0xFF) != 0xD8) {
            return null;
        }
        int p = 2;
        while (p + 4 <= jpeg.length) {
            if ((jpeg[p] & 0xFF) != 0xFF) {
                return null;
            }
            int marker = jpeg[p + 1] & 0xFF;
            if (marker == 0xFF) {
                p++;
                continue;
            }
            if (marker == 0xDA || marker == 0xD9) {
                return null;
            }
            int length = ((jpeg[p + 2] & 0xFF) << 8) | (jpeg[p + 3] & 0xFF);
            boolean sof = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8;
            if (sof && marker != 0xCC && p + 9 <= jpeg.length) {
                int height = ((jpeg[p + 5] & 0xFF) << 8) | (jpeg[p + 6] & 0xFF);
                int width = ((jpeg[p + 7] & 0xFF) << 8) | (jpeg[p + 8] & 0xFF);
                return new int[] {width, height};
            }
            p += 2 + length;
        }
        return null;
    }
}
