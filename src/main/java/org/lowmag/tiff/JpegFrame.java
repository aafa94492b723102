package org.lowmag.tiff;

/**
 * What a JPEG stream's markers before its first scan say about its frame: the size and components
 * of the start-of-frame marker ({@code SOF0..SOF15}, not {@code DHT}, {@code JPG} or {@code DAC}),
 * and the colour markers {@code APP0 "JFIF"} and {@code APP14 "Adobe"}.
 *
 * <p>Layout (ITU T.81, big-endian): {@code FF Cn, length(2), precision(1), height(2), width(2),
 * components(1)}, then per component {@code id(1), sampling(1) = H << 4 | V, table(1)}. {@code FF
 * E0 length "JFIF\0" ...}; {@code FF EE length "Adobe" version(2) flags0(2) flags1(2)
 * transform(1)}.
 *
 * <p>Used for two checks of a TIFF's JPEG tiles: the size against TileWidth and TileLength (a
 * decoder crops a tile to the size the TIFF claims, so a wrong claim would lose pixels silently),
 * and the colour space against PhotometricInterpretation ({@link #colourSpace}).
 *
 * @param widthPx the frame's width
 * @param heightPx the frame's height
 * @param componentIds the component identifiers, in frame order
 * @param hSampling each component's horizontal sampling factor
 * @param vSampling each component's vertical sampling factor
 * @param jfif whether a JFIF APP0 marker precedes the frame
 * @param adobeTransform the Adobe APP14 marker's transform (0 none, 1 YCbCr, 2 YCCK), -1 when
 *     absent
 */
public record JpegFrame(
        int widthPx,
        int heightPx,
        int[] componentIds,
        int[] hSampling,
        int[] vSampling,
        boolean jfif,
        int adobeTransform) {

    /** A colour space a stream can declare. */
    public enum ColourSpace {
        /** Samples are R, G, B. */
        RGB,
        /** Samples are Y, Cb, Cr (to be converted to RGB). */
        YCBCR
    }

    /**
     * Reads the markers up to the frame header.
     *
     * @param jpeg a JPEG stream (a tile's bytes)
     * @return the frame, or null when the stream has no frame header before its scan data or is not
     *     a JPEG
     */
    static JpegFrame parse(byte[] jpeg) {
        if (jpeg.length < 4 || (jpeg[0] & 0xFF) != 0xFF || (jpeg[1] & 0xFF) != 0xD8) {
            return null;
        }
        boolean jfif = false;
        int adobe = -1;
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
            int length = u16(jpeg, p + 2);
            if (marker == 0xE0 && startsWith(jpeg, p + 4, "JFIF\0")) {
                jfif = true;
            }
            if (marker == 0xEE && startsWith(jpeg, p + 4, "Adobe") && p + 15 < jpeg.length) {
                adobe = jpeg[p + 15] & 0xFF;
            }
            boolean sof = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8;
            if (sof && marker != 0xCC && p + 10 <= jpeg.length) {
                return frame(jpeg, p, jfif, adobe);
            }
            p += 2 + length;
        }
        return null;
    }

    private static JpegFrame frame(byte[] jpeg, int p, boolean jfif, int adobe) {
        int height = u16(jpeg, p + 5);
        int width = u16(jpeg, p + 7);
        int n = jpeg[p + 9] & 0xFF;
        if (p + 10 + 3 * n > jpeg.length) {
            n = 0;
        }
        int[] ids = new int[n];
        int[] h = new int[n];
        int[] v = new int[n];
        for (int c = 0; c < n; c++) {
            int q = p + 10 + 3 * c;
            ids[c] = jpeg[q] & 0xFF;
            h[c] = (jpeg[q + 1] & 0xFF) >> 4;
            v[c] = jpeg[q + 1] & 0x0F;
        }
        return new JpegFrame(width, height, ids, h, v, jfif, adobe);
    }

    /**
     * The colour space the stream itself declares, by the rules libjpeg follows (and a decoder that
     * reads the stream alone): for three components, an Adobe marker's transform (0 RGB, 1 YCbCr)
     * first, then a JFIF marker (always YCbCr), then component ids {@code 'R' 'G' 'B'} (RGB);
     * beyond libjpeg, chroma subsampling (component 0 sampled more finely than components 1 and 2,
     * which no encoder does to G and B) means YCbCr.
     *
     * @return the declared colour space, or null when the stream says nothing (then the TIFF's
     *     PhotometricInterpretation decides)
     */
    public ColourSpace colourSpace() {
        if (componentIds.length != 3) {
            return null;
        }
        if (adobeTransform == 0 || adobeTransform == 1) {
            return adobeTransform == 0 ? ColourSpace.RGB : ColourSpace.YCBCR;
        }
        if (jfif) {
            return ColourSpace.YCBCR;
        }
        if (componentIds[0] == 'R' && componentIds[1] == 'G' && componentIds[2] == 'B') {
            return ColourSpace.RGB;
        }
        return chromaSubsampling()[0] > 1 || chromaSubsampling()[1] > 1 ? ColourSpace.YCBCR : null;
    }

    /**
     * @return {@code {H0 / H1, V0 / V1}}: how many luma samples share one chroma sample across and
     *     down ({@code {2, 2}} for 4:2:0); {@code {1, 1}} when components 1 and 2 differ or are not
     *     coarser
     */
    public int[] chromaSubsampling() {
        if (componentIds.length != 3
                || hSampling[1] != hSampling[2]
                || vSampling[1] != vSampling[2]
                || hSampling[1] == 0
                || vSampling[1] == 0
                || hSampling[0] % hSampling[1] != 0
                || vSampling[0] % vSampling[1] != 0) {
            return new int[] {1, 1};
        }
        return new int[] {hSampling[0] / hSampling[1], vSampling[0] / vSampling[1]};
    }

    private static int u16(byte[] b, int at) {
        return at + 1 < b.length ? ((b[at] & 0xFF) << 8) | (b[at + 1] & 0xFF) : 0;
    }

    private static boolean startsWith(byte[] b, int at, String text) {
        if (at + text.length() > b.length) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (b[at + i] != (byte) text.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
