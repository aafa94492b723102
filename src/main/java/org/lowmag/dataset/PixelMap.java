package org.lowmag.dataset;

/**
 * Where each input pixel of a flip/rotation lands in the output, as an affine index map: input
 * pixel {@code (x, y)} goes to output index {@code origin + x * stepX + y * stepY} of an output
 * image {@code widthPx x heightPx}.
 *
 * <p>The input {@code w x h} is first flipped ({@code x -> w-1-x} horizontally, {@code y -> h-1-y}
 * vertically), then rotated by {@code k} quarter turns counter-clockwise as seen on screen (y
 * pointing down), like {@code numpy.rot90(img, k)} / {@code torch.rot90(img, k, dims=(-2, -1))}:
 *
 * <pre>
 * k = 0: (x, y) -> (x, y)                  output w x h
 * k = 1: (x, y) -> (y, w-1-x)              output h x w
 * k = 2: (x, y) -> (w-1-x, h-1-y)          output w x h
 * k = 3: (x, y) -> (h-1-y, x)              output h x w
 * </pre>
 *
 * @param widthPx output width
 * @param heightPx output height
 * @param origin output index of input pixel (0, 0)
 * @param stepX output index change per input column
 * @param stepY output index change per input row
 */
record PixelMap(int widthPx, int heightPx, int origin, int stepX, int stepY) {

    /**
     * @param widthPx input width
     * @param heightPx input height
     * @param flipHorizontal mirror left-right first
     * @param flipVertical mirror top-bottom first
     * @param quarterTurns counter-clockwise quarter turns after the flips, 0-3
     * @return the map
     */
    static PixelMap of(
            int widthPx,
            int heightPx,
            boolean flipHorizontal,
            boolean flipVertical,
            int quarterTurns) {
        boolean swap = quarterTurns % 2 == 1;
        int outW = swap ? heightPx : widthPx;
        int outH = swap ? widthPx : heightPx;
        int d00 = index(widthPx, heightPx, flipHorizontal, flipVertical, quarterTurns, 0, 0);
        int d10 = index(widthPx, heightPx, flipHorizontal, flipVertical, quarterTurns, 1, 0);
        int d01 = index(widthPx, heightPx, flipHorizontal, flipVertical, quarterTurns, 0, 1);
        return new PixelMap(outW, outH, d00, d10 - d00, d01 - d00);
    }

    /** The (affine) output index of input (x, y); also valid for x, y just outside the image. */
    private static int index(int w, int h, boolean fh, boolean fv, int k, int x, int y) {
        int x1 = fh ? w - 1 - x : x;
        int y1 = fv ? h - 1 - y : y;
        return switch (k) {
            case 0 -> y1 * w + x1;
            case 1 -> (w - 1 - x1) * h + y1;
            case 2 -> (h - 1 - y1) * w + (w - 1 - x1);
            case 3 -> x1 * h + (h - 1 - y1);
            default -> throw new IllegalArgumentException("quarter turns must be 0-3, got " + k);
        };
    }

    /**
     * Copies every plane of {@code in} to its place in {@code out}.
     *
     * @param in the input image
     * @param out the output planes, {@code widthPx * heightPx} each
     */
    void permute(RgbImage in, byte[][] out) {
        int w = in.widthPx();
        int h = in.heightPx();
        for (int c = 0; c < 3; c++) {
            byte[] src = in.planes()[c];
            byte[] dst = out[c];
            if (stepX == 1 && stepY == w) {
                System.arraycopy(src, 0, dst, 0, src.length);
                continue;
            }
            for (int y = 0; y < h; y++) {
                int d = origin + y * stepY;
                int i = y * w;
                for (int x = 0; x < w; x++, i++, d += stepX) {
                    dst[d] = src[i];
                }
            }
        }
    }
}
