package org.lowmag.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;
import org.lowmag.arch.Architecture;

/**
 * A ResNet with GroupNorm for inputs of any size ({@code [N, 3, H, W]}), built from an {@link
 * Architecture}. The forward pass returns two arrays: the logits {@code [N, classes]} and the final
 * convolutional feature map {@code [N, C, H/s, W/s]} (before global average pooling), which the
 * distillation's pixel loss compares.
 *
 * <p>Layout: conv7x7/2 - GN - ReLU - maxpool3x3/2 - stages - global average pool - FC. Weights of
 * convolutions and the FC layer are drawn as {@link WeightInit} says (default He initialisation,
 * Kaiming normal, fan-in, gain 2: {@code w ~ N(0, 2 / fan_in)}, FC bias 0); GroupNorm starts at
 * gamma = 1, beta = 0.
 */
public final class GnResNet extends AbstractBlock {

    private static final byte VERSION = 1;

    private final Architecture architecture;
    private final int classes;
    private final SequentialBlock features;
    private final Linear fc;
    private final List<int[]> segments;

    /**
     * @param architecture the shape of the network
     * @param classes number of output classes (at least 2)
     */
    public GnResNet(Architecture architecture, int classes) {
        this(architecture, classes, WeightInit.HE);
    }

    /**
     * @param architecture the shape of the network
     * @param classes number of output classes (at least 2)
     * @param init how convolution and FC weights are drawn
     */
    public GnResNet(Architecture architecture, int classes, WeightInit init) {
        super(VERSION);
        if (classes < 2) {
            throw new IllegalArgumentException("need at least 2 classes, got " + classes);
        }
        this.architecture = architecture;
        this.classes = classes;
        SequentialBlock f = new SequentialBlock();
        f.add(ResidualBlock.conv(architecture.stemWidth(), 7, 2))
                .add(ResidualBlock.norm(architecture.stemWidth()))
                .add(Activation::relu)
                .add(StemMaxPool.block());
        int in = architecture.stemWidth();
        for (int s = 0; s < architecture.widths().size(); s++) {
            int width = architecture.widths().get(s);
            for (int b = 0; b < architecture.blocksPerStage().get(s); b++) {
                int stride = (s > 0 && b == 0) ? 2 : 1;
                f.add(new ResidualBlock(architecture.block(), in, width, stride));
                in = width * architecture.block().expansion();
            }
        }
        features = addChildBlock("features", f);
        segments = segmentsOf(f.getChildren().size());
        fc = addChildBlock("fc", Linear.builder().setUnits(classes).build());
        init.applyTo(this, in);
    }

    /**
     * @return the architecture
     */
    public Architecture architecture() {
        return architecture;
    }

    /**
     * @return number of classes
     */
    public int classes() {
        return classes;
    }

    /**
     * @return the fully connected layer (the only one trained when fine-tuning)
     */
    public Linear fc() {
        return fc;
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray map = features.forward(ps, inputs, training, params).singletonOrThrow();
        return head(ps, map, training, params);
    }

    /** Global average pooling and the FC layer: the logits, and the map itself. */
    private NDList head(
            ParameterStore ps, NDArray map, boolean training, PairList<String, Object> params) {
        Shape s = map.getShape();
        NDArray pooled = map.reshape(s.get(0), s.get(1), -1).mean(new int[] {2});
        NDArray logits = fc.forward(ps, new NDList(pooled), training, params).singletonOrThrow();
        return new NDList(logits, map);
    }

    /**
     * The boundaries of activation checkpointing (see {@link TrainingPass}): the stem's convolution
     * and GroupNorm, the stem's ReLU and max-pool, then each residual block; the last segment (the
     * last residual block) also runs the head.
     */
    private static List<int[]> segmentsOf(int children) {
        List<int[]> out = new ArrayList<>();
        out.add(new int[] {0, 2});
        out.add(new int[] {2, 4});
        for (int i = 4; i < children; i++) {
            out.add(new int[] {i, i + 1});
        }
        return out;
    }

    /**
     * @return how many segments the network is cut into for activation checkpointing
     */
    int segmentCount() {
        return segments.size();
    }

    /**
     * Runs one segment: together, segments {@code 0..segmentCount()-1} are exactly {@link
     * #forward}. Every segment but the last maps one array to the next; the last returns the logits
     * and the final feature map.
     *
     * @param ps the parameter store
     * @param segment the segment index
     * @param input the segment's input (the network's input for segment 0)
     * @param training whether in training mode
     * @return the segment's output
     */
    NDList forwardSegment(ParameterStore ps, int segment, NDArray input, boolean training) {
        int[] range = segments.get(segment);
        NDList x = new NDList(input);
        for (int i = range[0]; i < range[1]; i++) {
            x = features.getChildren().get(i).getValue().forward(ps, x, training, null);
        }
        return segment == segments.size() - 1 ? head(ps, x.singletonOrThrow(), training, null) : x;
    }

    /**
     * Runs one segment with its intermediate arrays in a sub-manager of {@code manager} that is
     * closed at its end, so that only the segment's outputs remain (attached to {@code manager}).
     * The operators create their results in their input's manager, so the segment reads its input
     * through a view owned by the sub-manager.
     *
     * @param manager the manager that will own the outputs
     * @param segment the segment index
     * @param input the segment's input
     * @param training whether in training mode
     * @return the segment's outputs
     */
    NDList forwardSegmentScoped(NDManager manager, int segment, NDArray input, boolean training) {
        try (NDManager scope = manager.newSubManager()) {
            NDArray in = input.stopGradient();
            in.attach(scope);
            NDList out = forwardSegment(new ParameterStore(scope, false), segment, in, training);
            for (NDArray a : out) {
                a.attach(manager);
            }
            return out;
        }
    }

    /**
     * The forward pass segment by segment, each segment's intermediate arrays freed at its end: the
     * outputs of {@link #forward}, holding the arrays of one segment at a time instead of the whole
     * network's (for passes without gradients: a recorded graph would keep them anyway).
     *
     * @param manager the manager that will own the outputs
     * @param input the network's input
     * @param training whether in training mode
     * @return the logits and the final feature map
     */
    NDList forwardSegmented(NDManager manager, NDArray input, boolean training) {
        NDArray x = input;
        for (int k = 0; k < segments.size() - 1; k++) {
            NDArray next = forwardSegmentScoped(manager, k, x, training).singletonOrThrow();
            if (x != input) {
                x.close();
            }
            x = next;
        }
        NDList out = forwardSegmentScoped(manager, segments.size() - 1, x, training);
        if (x != input) {
            x.close();
        }
        return out;
    }

    /**
     * @param segment a segment index
     * @return the parameters of that segment (the last one's include the FC layer's)
     */
    List<Parameter> segmentParameters(int segment) {
        int[] range = segments.get(segment);
        List<Parameter> out = new ArrayList<>();
        for (int i = range[0]; i < range[1]; i++) {
            features.getChildren().get(i).getValue().getParameters().values().forEach(out::add);
        }
        if (segment == segments.size() - 1) {
            fc.getParameters().values().forEach(out::add);
        }
        return out;
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape map = features.getOutputShapes(inputShapes)[0];
        return new Shape[] {new Shape(map.get(0), classes), map};
    }

    @Override
    protected void initializeChildBlocks(
            NDManager manager, DataType dataType, Shape... inputShapes) {
        features.initialize(manager, dataType, inputShapes);
        Shape map = features.getOutputShapes(inputShapes)[0];
        fc.initialize(manager, dataType, new Shape(map.get(0), map.get(1)));
    }
}
