package org.lowmag.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Group normalisation (Wu and He, ECCV 2018) for NCHW feature maps; DJL has no such block.
 *
 * <p>The {@code C} channels are split into {@code G} groups of {@code C/G} consecutive channels;
 * each sample and group is normalised over its channels and all pixels, then each channel is scaled
 * and shifted:
 *
 * <pre>
 *   mu_{n,g}      = mean over c in g, h, w of x[n,c,h,w]
 *   sigma2_{n,g}  = mean over c in g, h, w of (x[n,c,h,w] - mu_{n,g})^2      (biased variance)
 *   y[n,c,h,w]    = gamma_c * (x[n,c,h,w] - mu_{n,g}) / sqrt(sigma2_{n,g} + eps) + beta_c
 * </pre>
 *
 * <p>As in PyTorch's {@code nn.GroupNorm}: {@code eps = 1e-5}, gamma initialised to 1 and beta to
 * 0. The statistics never mix samples, so a batch of several tissues gives each the same result as
 * a forward pass of one, and gradient accumulation over single tissues is exact.
 */
public final class GroupNorm extends AbstractBlock {

    private static final byte VERSION = 1;

    /** PyTorch's default epsilon. */
    public static final float DEFAULT_EPSILON = 1e-5f;

    private final int groups;
    private final int channels;
    private final float epsilon;
    private final Parameter gamma;
    private final Parameter beta;
    private final NormConstants constants = new NormConstants();

    /**
     * @param groups number of groups {@code G}
     * @param channels number of channels {@code C}, a multiple of {@code G}
     * @param epsilon added to the variance
     */
    public GroupNorm(int groups, int channels, float epsilon) {
        super(VERSION);
        if (groups <= 0 || channels <= 0 || channels % groups != 0) {
            throw new IllegalArgumentException(
                    "GroupNorm: channels ("
                            + channels
                            + ") must be a multiple of groups ("
                            + groups
                            + ")");
        }
        this.groups = groups;
        this.channels = channels;
        this.epsilon = epsilon;
        gamma =
                addParameter(
                        Parameter.builder()
                                .setName("gamma")
                                .setType(Parameter.Type.GAMMA)
                                .optShape(new Shape(channels))
                                .build());
        beta =
                addParameter(
                        Parameter.builder()
                                .setName("beta")
                                .setType(Parameter.Type.BETA)
                                .optShape(new Shape(channels))
                                .build());
    }

    /**
     * @return number of groups
     */
    public int groups() {
        return groups;
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore parameterStore,
            NDList inputs,
            boolean training,
            PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        NDArray g = parameterStore.getValue(gamma, x.getDevice(), training);
        NDArray b = parameterStore.getValue(beta, x.getDevice(), training);
        return new NDList(groupNorm(x, groups, g, b, epsilon, constants));
    }

    /**
     * The group normalisation of {@code x} (see the class formula), through libtorch's fused
     * kernels when the arrays are PyTorch arrays: the statistics and the normalisation by {@code
     * layer_norm} over the last axis of {@code x} viewed as {@code [N, G, C/G*H*W]} (weight 1, bias
     * 0: exactly {@code (x - mu) / sqrt(sigma2 + eps)} with the biased variance), then the
     * per-channel scale and shift by {@code batch_norm} in inference mode with mean 0, variance 1
     * and epsilon 0 ({@code y = x * gamma + beta}). Two native operators forward and two backward
     * instead of the composite's ten of each, and fewer saved intermediates; the same maths as
     * {@link #groupNormComposite}, equal to it up to float rounding. Other engines' arrays take the
     * composite path.
     *
     * @param x input {@code [N, C, H, W]}
     * @param groups number of groups
     * @param gamma per-channel scale {@code [C]}
     * @param beta per-channel shift {@code [C]}
     * @param epsilon added to the variance
     * @return the normalised array, same shape as {@code x}, in {@code x}'s manager
     */
    public static NDArray groupNorm(
            NDArray x, int groups, NDArray gamma, NDArray beta, float epsilon) {
        return groupNorm(x, groups, gamma, beta, epsilon, null);
    }

    private static NDArray groupNorm(
            NDArray x,
            int groups,
            NDArray gamma,
            NDArray beta,
            float epsilon,
            NormConstants constants) {
        if (Kernels.current() == Kernels.COMPOSITE
                || !(x instanceof PtNDArray px)
                || !(gamma instanceof PtNDArray pg)
                || !(beta instanceof PtNDArray pb)) {
            return groupNormComposite(x, groups, gamma, beta, epsilon);
        }
        Shape shape = x.getShape();
        long n = shape.get(0);
        long perGroup = shape.size() / (n * groups);
        PtNDArray[] row = zerosOnes(constants, perGroup, x, gamma);
        PtNDArray normed =
                TorchOps.layerNorm(
                                px.reshape(new Shape(n, groups, perGroup)),
                                new Shape(perGroup),
                                row[1],
                                row[0],
                                epsilon)
                        .reshape(shape);
        PtNDArray[] channel = zerosOnes(constants, shape.get(1), x, gamma);
        return TorchOps.batchNorm(normed, channel[0], channel[1], pg, pb, false, 0.0, 0.0);
    }

    private static PtNDArray[] zerosOnes(
            NormConstants constants, long length, NDArray x, NDArray gamma) {
        NDManager m = x.getManager();
        DataType t = x.getDataType();
        if (constants == null) {
            Shape s = new Shape(length);
            return new PtNDArray[] {(PtNDArray) m.zeros(s, t), (PtNDArray) m.ones(s, t)};
        }
        return constants.zerosOnes(length, t, gamma.getManager(), m);
    }

    /**
     * The group normalisation of {@code x} composed of elementary operators (reshape, mean,
     * subtract, square, mean, add, sqrt, divide, multiply, add): the reference the fused {@link
     * #groupNorm} is tested against, and the path for engines other than PyTorch.
     *
     * @param x input {@code [N, C, H, W]}
     * @param groups number of groups
     * @param gamma per-channel scale {@code [C]}
     * @param beta per-channel shift {@code [C]}
     * @param epsilon added to the variance
     * @return the normalised array, same shape as {@code x}
     */
    public static NDArray groupNormComposite(
            NDArray x, int groups, NDArray gamma, NDArray beta, float epsilon) {
        Shape shape = x.getShape();
        long n = shape.get(0);
        long c = shape.get(1);
        NDArray grouped = x.reshape(n, groups, -1);
        NDArray mean = grouped.mean(new int[] {2}, true);
        NDArray centred = grouped.sub(mean);
        NDArray var = centred.square().mean(new int[] {2}, true);
        NDArray normed = centred.div(var.add(epsilon).sqrt()).reshape(shape);
        Shape perChannel = new Shape(1, c, 1, 1);
        // Views of the parameters would otherwise attach to the model's long-lived manager and
        // leak one handle per forward pass: attach them to the input's (short-lived) manager.
        NDArray g = gamma.reshape(perChannel);
        g.attach(x.getManager());
        NDArray b = beta.reshape(perChannel);
        b.attach(x.getManager());
        return normed.mul(g).add(b);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }

    @Override
    public String toString() {
        return "GroupNorm(groups=" + groups + ", channels=" + channels + ")";
    }
}
