package org.lowmag.dataset;

/** Tiny synthetic images for the dataset tests. */
final class TestImages {

    private TestImages() {}

    /** An image from row-major R, G, B values 0-255. */
    static RgbImage of(int widthPx, int heightPx, int[] r, int[] g, int[] b) {
        byte[][] planes = new byte[3][widthPx * heightPx];
        int[][] src = {r, g, b};
        for (int c = 0; c < 3; c++) {
            for (int i = 0; i < planes[c].length; i++) {
                planes[c][i] = (byte) src[c][i];
            }
        }
        return new RgbImage(widthPx, heightPx, planes);
    }

    /** One pixel. */
    static RgbImage pixel(int r, int g, int b) {
        return of(1, 1, new int[] {r}, new int[] {g}, new int[] {b});
    }

    /** Row-major values of one channel, 0-255. */
    static int[] channel(RgbImage img, int c) {
        int[] out = new int[img.widthPx() * img.heightPx()];
        for (int i = 0; i < out.length; i++) {
            out[i] = img.planes()[c][i] & 255;
        }
        return out;
    }

    /** 2x area downsample: each output pixel is round(mean of its 2x2 block). */
    static RgbImage downsample2(RgbImage in) {
        int w = in.widthPx() / 2;
        int h = in.heightPx() / 2;
        byte[][] out = new byte[3][w * h];
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int sum =
                            in.get(c, 2 * x, 2 * y)
                                    + in.get(c, 2 * x + 1, 2 * y)
                                    + in.get(c, 2 * x, 2 * y + 1)
                                    + in.get(c, 2 * x + 1, 2 * y + 1);
                    out[c][y * w + x] = (byte) ((sum + 2) / 4);
                }
            }
        }
        return new RgbImage(w, h, out);
    }
}
