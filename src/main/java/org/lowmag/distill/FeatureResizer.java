package org.lowmag.distill;

import ai.djl.ndarray.NDArray;

/**
 * A resizing function {@code g} of the pixel loss: maps a feature map {@code [N, C, Hin, Win]} to
 * {@code [N, C, heightPx, widthPx]}. Implementations are differentiable through DJL autograd and
 * attach their result (and any temporary) to the input's NDManager.
 */
public interface FeatureResizer {

    /**
     * Resizes a feature map.
     *
     * @param mapNchw the map, {@code [N, C, Hin, Win]}
     * @param heightPx the output height, at least 1
     * @param widthPx the output width, at least 1
     * @return the resized map, {@code [N, C, heightPx, widthPx]}, same data type as the input
     * @throws IllegalArgumentException when the map is not 4-D or a size is below 1
     */
    NDArray resize(NDArray mapNchw, int heightPx, int widthPx);

    /**
     * @return a short name for logs ({@code maxpool}, {@code bicubic})
     */
    String name();

    /**
     * Checks the common preconditions of {@link #resize}.
     *
     * @param mapNchw the map
     * @param heightPx the output height
     * @param widthPx the output width
     * @throws IllegalArgumentException when the map is not 4-D or a size is below 1
     */
    static void checkArguments(NDArray mapNchw, int heightPx, int widthPx) {
        if (mapNchw.getShape().dimension() != 4) {
            throw new IllegalArgumentException(
                    "feature map must be NCHW (4-D), got shape " + mapNchw.getShape());
        }
        if (heightPx < 1 || widthPx < 1) {
            throw new IllegalArgumentException(
                    "resize target must be at least 1x1, got " + heightPx + "x" + widthPx);
        }
    }
}
