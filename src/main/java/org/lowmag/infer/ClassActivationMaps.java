package org.lowmag.infer;

/**
 * Class-activation maps (Zhou et al., "Learning Deep Features for Discriminative Localization",
 * CVPR 2016) of a network that ends in global average pooling and one fully connected layer:
 *
 * <pre>
 *   CAM_k(h, w) = sum_c W[k, c] F[c, h, w]
 * </pre>
 *
 * with {@code W} the FC weight {@code [K, C]} and {@code F} the final feature map {@code [C, H,
 * W]}. Since the logit is {@code z_k = sum_c W[k, c] mean_hw F[c, h, w] + b_k}, the mean of {@code
 * CAM_k} over positions plus {@code b_k} is the logit {@code z_k}. Maps are sampled between cells
 * with {@link #bilinear}.
 */
public final class ClassActivationMaps {

    private ClassActivationMaps() {}

    /**
     * @param fcWeight the FC weight, row-major {@code [classes, channels]}
     * @param classes K
     * @param featureMap the feature map, row-major {@code [channels, heightPx, widthPx]}
     * @param channels C
     * @param heightPx H
     * @param widthPx W
     * @return {@code [K][H * W]}: each class's map, row-major
     */
    public static float[][] compute(
            float[] fcWeight,
            int classes,
            float[] featureMap,
            int channels,
            int heightPx,
            int widthPx) {
        int cells = heightPx * widthPx;
        if (fcWeight.length != classes * channels || featureMap.length != channels * cells) {
            throw new IllegalArgumentException(
                    "FC weight has "
                            + fcWeight.length
                            + " values for "
                            + classes
                            + "x"
                            + channels
                            + ", feature map "
                            + featureMap.length
                            + " for "
                            + channels
                            + "x"
                            + heightPx
                            + "x"
                            + widthPx);
        }
        float[][] cam = new float[classes][cells];
        for (int k = 0; k < classes; k++) {
            double[] acc = new double[cells];
            for (int c = 0; c < channels; c++) {
                double wkc = fcWeight[k * channels + c];
                int base = c * cells;
                for (int p = 0; p < cells; p++) {
                    acc[p] += wkc * featureMap[base + p];
                }
            }
            for (int p = 0; p < cells; p++) {
                cam[k][p] = (float) acc[p];
            }
        }
        return cam;
    }

    /**
     * Bilinear sample of a map whose cell {@code (i, j)} has its centre at {@code (i, j)}:
     * coordinates are clamped to {@code [0, W - 1] x [0, H - 1]}, then {@code v = (1 - ty)((1 - tx)
     * m[y0, x0] + tx m[y0, x1]) + ty((1 - tx) m[y1, x0] + tx m[y1, x1])} with {@code x0 = floor(x),
     * tx = x - x0} (PyTorch's {@code align_corners=False} upsampling when {@code x = (u + 0.5) W /
     * U - 0.5} for output pixel {@code u} of {@code U}).
     *
     * @param map row-major {@code [heightPx, widthPx]}
     * @param heightPx H
     * @param widthPx W
     * @param y row coordinate in cells
     * @param x column coordinate in cells
     * @return the interpolated value
     */
    public static double bilinear(float[] map, int heightPx, int widthPx, double y, double x) {
        double cx = Math.min(Math.max(x, 0), widthPx - 1);
        double cy = Math.min(Math.max(y, 0), heightPx - 1);
        int x0 = (int) Math.floor(cx);
        int y0 = (int) Math.floor(cy);
        int x1 = Math.min(x0 + 1, widthPx - 1);
        int y1 = Math.min(y0 + 1, heightPx - 1);
        double tx = cx - x0;
        double ty = cy - y0;
        double top = (1 - tx) * map[y0 * widthPx + x0] + tx * map[y0 * widthPx + x1];
        double bottom = (1 - tx) * map[y1 * widthPx + x0] + tx * map[y1 * widthPx + x1];
        return (1 - ty) * top + ty * bottom;
    }
}
