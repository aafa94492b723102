package org.lowmag.tiff;

/**
 * The 1/8-scale image of a JPEG stream ({@link JpegDcDecoder}); {@link #toRgb} converts YCbCr with
 * JFIF's formulas in libjpeg's 16-bit fixed point.
 *
 * @param width output width {@code ceil(frameWidth / 8)}
 * @param height output height {@code ceil(frameHeight / 8)}
 * @param components 1 (grey) or 3
 * @param samples per component, {@code width * height} samples 0-255, row-major
 */
public record DcImage(int width, int height, int components, int[][] samples) {

    private static final int HALF = 1 << 15;
    private static final int[] CR_R = new int[256];
    private static final int[] CB_B = new int[256];
    private static final int[] CR_G = new int[256];
    private static final int[] CB_G = new int[256];

    static {
        // JFIF's conversion in 16-bit fixed point, as libjpeg's jdcolor.c tabulates it
        for (int i = 0; i < 256; i++) {
            int x = i - 128;
            CR_R[i] = (int) Math.round(1.402 * x);
            CB_B[i] = (int) Math.round(1.772 * x);
            CR_G[i] = -(int) Math.round(0.714136 * (1 << 16)) * x;
            CB_G[i] = -(int) Math.round(0.344136 * (1 << 16)) * x;
        }
    }

    /**
     * @param ycbcr whether three components are Y, Cb, Cr (else R, G, B)
     * @return packed {@code 0xRRGGBB} pixels, row-major
     */
    public int[] toRgb(boolean ycbcr) {
        int n = width * height;
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            if (components == 1) {
                int g = samples[0][i];
                out[i] = g << 16 | g << 8 | g;
            } else if (ycbcr) {
                int y = samples[0][i];
                int cb = samples[1][i];
                int cr = samples[2][i];
                int r = JpegDcDecoder.clampByte(y + CR_R[cr]);
                int g = JpegDcDecoder.clampByte(y + ((CB_G[cb] + CR_G[cr] + HALF) >> 16));
                int b = JpegDcDecoder.clampByte(y + CB_B[cb]);
                out[i] = r << 16 | g << 8 | b;
            } else {
                out[i] = samples[0][i] << 16 | samples[1][i] << 8 | samples[2][i];
            }
        }
        return out;
    }
}
