package org.lowmag.infer;

/**
 * A tissue's class-activation maps with the geometry that places them on the tissue: the network
 * saw the tissue image ({@code imageWidthPx x imageHeightPx} at the model's magnification) at
 * offset {@code (offsetXPx, offsetYPx)} inside a white-padded input of {@code inputWidthPx x
 * inputHeightPx}, and its feature map has {@code mapHeight x mapWidth} cells over that input.
 *
 * <p>A tissue-image point {@code u} (pixels, continuous) lies at feature cell coordinate {@code (u
 * + offset) mapWidth / inputWidth - 0.5} (cell centres at integers), likewise vertically.
 *
 * <p>The FC bias {@code b} rides along: {@code CAM_k + b_k} is the local logit whose mean over the
 * map is the tissue's logit {@code z_k}.
 *
 * @param maps {@code [classes][mapHeight * mapWidth]}, row-major
 * @param bias the FC bias {@code [classes]}
 * @param mapHeight feature-map rows
 * @param mapWidth feature-map columns
 * @param imageWidthPx tissue image width
 * @param imageHeightPx tissue image height
 * @param inputWidthPx network input width (after padding)
 * @param inputHeightPx network input height
 * @param offsetXPx left padding
 * @param offsetYPx top padding
 */
public record TissueCam(
        float[][] maps,
        float[] bias,
        int mapHeight,
        int mapWidth,
        int imageWidthPx,
        int imageHeightPx,
        int inputWidthPx,
        int inputHeightPx,
        int offsetXPx,
        int offsetYPx) {

    /** Checks that there is one bias per map. */
    public TissueCam {
        if (bias.length != maps.length) {
            throw new IllegalArgumentException(
                    maps.length + " class-activation maps but " + bias.length + " FC biases");
        }
    }

    /**
     * Samples class {@code k}'s map at a point of the tissue image, bilinearly.
     *
     * @param k the class
     * @param u column in tissue-image pixels (continuous; pixel centres at {@code i + 0.5})
     * @param v row in tissue-image pixels
     * @return the CAM value there
     */
    public double sample(int k, double u, double v) {
        double x = (u + offsetXPx) * mapWidth / inputWidthPx - 0.5;
        double y = (v + offsetYPx) * mapHeight / inputHeightPx - 0.5;
        return ClassActivationMaps.bilinear(maps[k], mapHeight, mapWidth, y, x);
    }
}
