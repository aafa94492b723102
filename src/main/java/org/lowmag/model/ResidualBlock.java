package org.lowmag.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.lowmag.arch.Architecture;

/**
 * A residual block of He et al. with GroupNorm: {@code y = relu(F(x) + S(x))}, where {@code F} is
 * the main path (BasicBlock: conv3x3-GN-ReLU-conv3x3-GN; Bottleneck: conv1x1-GN-ReLU-conv3x3-GN-
 * ReLU-conv1x1-GN, stride on the 3x3 as in torchvision) and {@code S} is the identity, or a
 * conv1x1-GN projection when the stride or the channel count changes. Convolutions have no bias.
 */
final class ResidualBlock extends AbstractBlock {

    private static final byte VERSION = 1;

    private final SequentialBlock main;
    private final SequentialBlock shortcut;

    ResidualBlock(Architecture.BlockType type, int inChannels, int width, int stride) {
        super(VERSION);
        int outChannels = width * type.expansion();
        SequentialBlock m = new SequentialBlock();
        if (type == Architecture.BlockType.BASIC) {
            m.add(conv(width, 3, stride)).add(norm(width)).add(ai.djl.nn.Activation::relu);
            m.add(conv(width, 3, 1)).add(norm(width));
        } else {
            m.add(conv(width, 1, 1)).add(norm(width)).add(ai.djl.nn.Activation::relu);
            m.add(conv(width, 3, stride)).add(norm(width)).add(ai.djl.nn.Activation::relu);
            m.add(conv(outChannels, 1, 1)).add(norm(outChannels));
        }
        main = addChildBlock("main", m);
        if (stride != 1 || inChannels != outChannels) {
            SequentialBlock s = new SequentialBlock();
            s.add(conv(outChannels, 1, stride)).add(norm(outChannels));
            shortcut = addChildBlock("shortcut", s);
        } else {
            shortcut = null;
        }
    }

    /**
     * A bias-free convolution with "same"-style padding {@code k / 2}.
     *
     * @param filters output channels
     * @param kernel kernel side
     * @param stride the stride
     * @return the block
     */
    static Block conv(int filters, int kernel, int stride) {
        return Conv2d.builder()
                .setFilters(filters)
                .setKernelShape(new Shape(kernel, kernel))
                .optStride(new Shape(stride, stride))
                .optPadding(new Shape(kernel / 2, kernel / 2))
                .optBias(false)
                .build();
    }

    /**
     * GroupNorm with {@code min(32, channels)} groups.
     *
     * @param channels the channels
     * @return the block
     */
    static Block norm(int channels) {
        return new GroupNorm(Architecture.groupsFor(channels), channels, GroupNorm.DEFAULT_EPSILON);
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        NDArray f = main.forward(ps, inputs, training, params).singletonOrThrow();
        NDArray s = shortcut == null ? x : shortcut.forward(ps, inputs, training, params).head();
        return new NDList(ai.djl.nn.Activation.relu(f.add(s)));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return main.getOutputShapes(inputShapes);
    }

    @Override
    protected void initializeChildBlocks(
            NDManager manager, DataType dataType, Shape... inputShapes) {
        main.initialize(manager, dataType, inputShapes);
        if (shortcut != null) {
            shortcut.initialize(manager, dataType, inputShapes);
        }
    }
}
