package org.lowmag.model;

import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.pytorch.jni.LibUtils;

/**
 * The one seam to PyTorch's native calls that DJL keeps internal ({@code ai.djl.pytorch.jni}): grad
 * mode, backward from an upstream gradient, the fused Adam update, layer and batch norm, adaptive
 * max pooling, the intra-op thread count and libtorch's location. Everything else in LowMag goes
 * through DJL's public API, so an engine upgrade that moves these calls is fixed here alone.
 */
public final class TorchOps {

    private TorchOps() {}

    /**
     * Grad mode for a block, restored on close:
     *
     * <pre>
     *   try (TorchOps.GradMode g = TorchOps.gradMode(false)) { ... }
     * </pre>
     */
    public static final class GradMode implements AutoCloseable {
        private final boolean previous;

        private GradMode(boolean enabled) {
            this.previous = JniUtils.isGradMode();
            JniUtils.setGradMode(enabled);
        }

        /** Restores the grad mode that was on before. */
        @Override
        public void close() {
            JniUtils.setGradMode(previous);
        }
    }

    /**
     * @param enabled whether autograd records operations inside the block
     * @return a guard that restores the previous grad mode when closed
     */
    public static GradMode gradMode(boolean enabled) {
        return new GradMode(enabled);
    }

    /**
     * Backpropagates {@code upstream = dL/d out} through the graph that produced {@code out},
     * accumulating into the leaves' gradients (graph not retained, no higher-order graph).
     *
     * @param out a recorded output
     * @param upstream the gradient of the loss with respect to it, same shape
     */
    public static void backward(PtNDArray out, PtNDArray upstream) {
        JniUtils.backward(out, upstream, false, false);
    }

    /**
     * PyTorch's fused Adam step on one parameter, in place (see {@code train.Adam} for the formula
     * and the meaning of the scaled rate and epsilon).
     *
     * @param weight the parameter
     * @param gradient its gradient
     * @param mean the first moment
     * @param variance the second moment
     * @param learningRate lr (used only by the decoupled AdamW variant)
     * @param scaledRate lr times the bias corrections
     * @param weightDecay L2 weight decay added to the gradient
     * @param rescaleGrad gradient rescale factor
     * @param clipGrad gradient clipping bound, negative for none
     * @param beta1 first-moment decay
     * @param beta2 second-moment decay
     * @param scaledEps epsilon times the second bias correction
     * @param adamw whether to decouple weight decay (AdamW)
     */
    public static void adamUpdate(
            PtNDArray weight,
            PtNDArray gradient,
            PtNDArray mean,
            PtNDArray variance,
            float learningRate,
            float scaledRate,
            float weightDecay,
            float rescaleGrad,
            float clipGrad,
            float beta1,
            float beta2,
            float scaledEps,
            boolean adamw) {
        JniUtils.adamUpdate(
                weight,
                gradient,
                mean,
                variance,
                learningRate,
                scaledRate,
                weightDecay,
                rescaleGrad,
                clipGrad,
                beta1,
                beta2,
                scaledEps,
                adamw);
    }

    /**
     * @param weight a parameter whose gradient is zeroed in place
     */
    public static void zeroGrad(PtNDArray weight) {
        JniUtils.zeroGrad(weight);
    }

    /**
     * @param input the array, normalised over its trailing {@code normalizedShape}
     * @param normalizedShape the trailing dimensions
     * @param gamma scale, that shape
     * @param beta shift, that shape
     * @param eps added to the variance
     * @return {@code (x - mean) / sqrt(var + eps) * gamma + beta}
     */
    public static PtNDArray layerNorm(
            PtNDArray input, Shape normalizedShape, PtNDArray gamma, PtNDArray beta, double eps) {
        return JniUtils.layerNorm(input, normalizedShape, gamma, beta, eps);
    }

    /**
     * Batch norm in inference form with the given running statistics (no update).
     *
     * @param input {@code [N, C, ...]}
     * @param runningMean per channel
     * @param runningVar per channel
     * @param gamma scale per channel
     * @param beta shift per channel
     * @param training whether to use batch statistics
     * @param momentum running-statistics momentum
     * @param eps added to the variance
     * @return the normalised array
     */
    public static PtNDArray batchNorm(
            PtNDArray input,
            PtNDArray runningMean,
            PtNDArray runningVar,
            PtNDArray gamma,
            PtNDArray beta,
            boolean training,
            double momentum,
            double eps) {
        return JniUtils.batchNorm(
                input, runningMean, runningVar, gamma, beta, training, momentum, eps);
    }

    /**
     * @param input {@code [N, C, H, W]}
     * @param outputSize {@code (h, w)}
     * @return {@code [N, C, h, w]}, each cell the maximum of its adaptive window
     */
    public static PtNDArray adaptiveMaxPool(PtNDArray input, Shape outputSize) {
        return JniUtils.adaptiveMaxPool(input, outputSize);
    }

    /**
     * @param threads libtorch's intra-op thread count
     */
    public static void setNumThreads(int threads) {
        JniUtils.setNumThreads(threads);
    }

    /**
     * @return libtorch's intra-op thread count
     */
    public static int getNumThreads() {
        return JniUtils.getNumThreads();
    }

    /**
     * @return the folder of the loaded libtorch (after the PyTorch engine has been loaded)
     */
    public static String libtorchPath() {
        return LibUtils.getLibtorchPath();
    }
}
