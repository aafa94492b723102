package org.lowmag.tiff;

/**
 * Box means of packed RGB: block {@code (i, j)} of side {@code b} becomes, per channel,
 *
 * <pre>
 *   out(i, j) = floor(S / n + 1/2) = floor((2 S + n) / (2 n))
 * </pre>
 *
 * with {@code S} the sum of the channel over {@code [bi, bi + b) x [bj, bj + b)} and {@code n} the
 * pixels the block has (edge blocks average what exists). Serves the pyramid writer's level
 * reduction and the golden of the JPEG DC thumbnail ({@link JpegDcDecoder}).
 */
public final class BoxMean {

    private BoxMean() {}

    /**
     * @param rgb packed {@code 0xRRGGBB}, row-major
     * @param width its width
     * @param block the block side {@code b}, positive
     * @return {@code ceil(width / b) x ceil(height / b)} packed pixels
     */
    public static int[] of(int[] rgb, int width, int block) {
        int height = rgb.length / width;
        int w = (width + block - 1) / block;
        int[] out = new int[w * ((height + block - 1) / block)];
        into(rgb, width, height, block, out, 0, w);
        return out;
    }

    /**
     * Writes the box means of a {@code width x height} image into {@code out}: block {@code (i, j)}
     * at {@code out[offset + j * stride + i]}.
     *
     * @param rgb packed {@code 0xRRGGBB}, row-major
     * @param width its width
     * @param height its height
     * @param block the block side {@code b}, positive
     * @param out where the means go
     * @param offset index of block {@code (0, 0)} in {@code out}
     * @param stride elements per row of {@code out}
     */
    static void into(
            int[] rgb, int width, int height, int block, int[] out, int offset, int stride) {
        int w = (width + block - 1) / block;
        int h = (height + block - 1) / block;
        for (int j = 0; j < h; j++) {
            for (int i = 0; i < w; i++) {
                long r = 0;
                long g = 0;
                long b = 0;
                int n = 0;
                for (int y = j * block; y < Math.min(height, j * block + block); y++) {
                    for (int x = i * block; x < Math.min(width, i * block + block); x++) {
                        int p = rgb[y * width + x];
                        r += p >> 16 & 0xFF;
                        g += p >> 8 & 0xFF;
                        b += p & 0xFF;
                        n++;
                    }
                }
                out[offset + j * stride + i] =
                        (int) ((2 * r + n) / (2 * n)) << 16
                                | (int) ((2 * g + n) / (2 * n)) << 8
                                | (int) ((2 * b + n) / (2 * n));
            }
        }
    }
}
