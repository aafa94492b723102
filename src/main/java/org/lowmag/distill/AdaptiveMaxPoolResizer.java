package org.lowmag.distill;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.engine.PtNDArray;
import org.lowmag.model.TorchOps;

/**
 * {@code g_1} of the paper: adaptive max pooling to an exact output size, as PyTorch's {@code
 * F.adaptive_max_pool2d} (this calls libtorch's own operator through DJL's JNI).
 *
 * <p>Formula, per axis with input length {@code H} and output length {@code h}: output cell {@code
 * i} is the maximum over input rows {@code [floor(i * H / h), ceil((i + 1) * H / h))}, likewise for
 * columns. Bins overlap when {@code H / h} is not an integer. When {@code h > H} (teacher map
 * smaller than the student's), bins hold one row each and rows repeat, as in PyTorch.
 *
 * <p>Needs the PyTorch engine; the gradient flows to the arg-max of each bin.
 */
public final class AdaptiveMaxPoolResizer implements FeatureResizer {

    /** The single instance (the resizer is stateless). */
    public static final AdaptiveMaxPoolResizer INSTANCE = new AdaptiveMaxPoolResizer();

    private AdaptiveMaxPoolResizer() {}

    @Override
    public NDArray resize(NDArray mapNchw, int heightPx, int widthPx) {
        FeatureResizer.checkArguments(mapNchw, heightPx, widthPx);
        if (!(mapNchw instanceof PtNDArray pt)) {
            throw new IllegalArgumentException(
                    "adaptive max pooling needs the PyTorch engine, got an array of engine "
                            + mapNchw.getManager().getEngine().getEngineName());
        }
        return TorchOps.adaptiveMaxPool(pt, new Shape(heightPx, widthPx));
    }

    @Override
    public String name() {
        return "maxpool";
    }
}
