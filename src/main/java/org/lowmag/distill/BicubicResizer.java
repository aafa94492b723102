package org.lowmag.distill;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * {@code g_2} of the paper: plain bicubic resizing as PyTorch's {@code F.interpolate(x, size,
 * mode="bicubic", align_corners=False)}, written as two matrix products so that it is
 * differentiable with respect to the map.
 *
 * <p>Formula, per image and channel: {@code out = Wy . X . Wx^T} with {@code Wy = } {@link
 * BicubicWeights#matrix BicubicWeights.matrix(Hin, Hout)} ({@code [Hout, Hin]}) and {@code Wx =
 * BicubicWeights.matrix(Win, Wout)}. Works for down- and upsampling (teacher map smaller than the
 * student's). DJL's own {@code interpolation(size, 3, false)} is antialiased and must not be used
 * here. The weight matrices are created in the map's NDManager, in the map's data type.
 */
public final class BicubicResizer implements FeatureResizer {

    /** The single instance (the resizer is stateless). */
    public static final BicubicResizer INSTANCE = new BicubicResizer();

    private BicubicResizer() {}

    @Override
    public NDArray resize(NDArray mapNchw, int heightPx, int widthPx) {
        FeatureResizer.checkArguments(mapNchw, heightPx, widthPx);
        Shape shape = mapNchw.getShape();
        NDArray wy = weights(mapNchw, (int) shape.get(2), heightPx);
        NDArray wxT = weights(mapNchw, (int) shape.get(3), widthPx).transpose();
        // [Hout, Hin] @ [N, C, Hin, Win] broadcasts to [N, C, Hout, Win]; then @ [Win, Wout].
        return wy.matMul(mapNchw).matMul(wxT);
    }

    private static NDArray weights(NDArray like, int inSize, int outSize) {
        NDManager manager = like.getManager();
        double[] flat = BicubicWeights.rowMajor(BicubicWeights.matrix(inSize, outSize));
        NDArray w = manager.create(flat, new Shape(outSize, inSize));
        if (w.getDataType() == like.getDataType()) {
            return w;
        }
        NDArray cast = w.toType(like.getDataType(), false);
        w.close();
        return cast;
    }

    @Override
    public String name() {
        return "bicubic";
    }
}
