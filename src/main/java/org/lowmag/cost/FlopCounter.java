package org.lowmag.cost;

import java.util.ArrayList;
import java.util.List;
import org.lowmag.arch.Architecture;

/**
 * Analytic cost of a GroupNorm ResNet forward pass, layer by layer.
 *
 * <p>Convention (the one of the paper's Figure 3 and of most FLOP tables):
 *
 * <ul>
 *   <li>A convolution with {@code C_in} input and {@code C_out} output channels, a {@code k x k}
 *       kernel and an {@code H_out x W_out} output costs {@code MACs = C_out * H_out * W_out * C_in
 *       * k * k} (no bias, one group).
 *   <li>The fully connected layer costs {@code MACs = in * out}.
 *   <li>{@code FLOPs = 2 x MACs}; GFLOPs = FLOPs / 1e9. Only convolutions and the FC layer count.
 *   <li>Norms, activations, pooling and residual additions are estimated in a separate {@code
 *       other} column and never added to the total: GroupNorm {@code 8} FLOPs per element (mean,
 *       variance, normalise, scale and shift), ReLU and addition {@code 1} per element, max-pool
 *       {@code k*k - 1} comparisons per output, average pooling {@code H*W} per channel.
 * </ul>
 *
 * <p>Output sizes follow PyTorch: {@code floor((n + 2p - k) / s) + 1}.
 */
public final class FlopCounter {

    private static final int GN_FLOPS_PER_ELEMENT = 8;

    private final Architecture arch;
    private final int classes;
    private final List<LayerCost> layers = new ArrayList<>();
    private int c;
    private int h;
    private int w;

    private FlopCounter(Architecture arch, int classes) {
        this.arch = arch;
        this.classes = classes;
    }

    /**
     * Counts the cost of one forward pass.
     *
     * @param arch the architecture
     * @param inChannels input channels (3 for RGB)
     * @param heightPx input height in pixels
     * @param widthPx input width in pixels
     * @param classes number of classes of the FC layer
     * @return the per-layer cost
     */
    public static NetworkCost count(
            Architecture arch, int inChannels, int heightPx, int widthPx, int classes) {
        if (inChannels <= 0 || heightPx <= 0 || widthPx <= 0) {
            throw new IllegalArgumentException(
                    "input must be positive, got " + inChannels + "x" + heightPx + "x" + widthPx);
        }
        if (classes < 2) {
            throw new IllegalArgumentException("need at least 2 classes, got " + classes);
        }
        FlopCounter fc = new FlopCounter(arch, classes);
        fc.c = inChannels;
        fc.h = heightPx;
        fc.w = widthPx;
        fc.walk();
        return new NetworkCost(arch.name(), inChannels, heightPx, widthPx, classes, fc.layers);
    }

    private void walk() {
        conv("stem.conv", arch.stemWidth(), 7, 2, 3);
        norm("stem.gn");
        relu("stem.relu");
        maxPool("stem.maxpool", 3, 2, 1);
        for (int s = 0; s < arch.widths().size(); s++) {
            for (int b = 0; b < arch.blocksPerStage().get(s); b++) {
                int stride = (s > 0 && b == 0) ? 2 : 1;
                block("stage" + (s + 1) + ".block" + b, arch.widths().get(s), stride);
            }
        }
        long avgOps = (long) c * h * w;
        layers.add(new LayerCost("avgpool", "avgpool", c, 1, 1, 0, 0, avgOps));
        h = 1;
        w = 1;
        long fcMacs = (long) c * classes;
        layers.add(new LayerCost("fc", "fc", classes, 1, 1, fcMacs, fcMacs + classes, 0));
    }

    private void block(String name, int width, int stride) {
        int inC = c;
        int inH = h;
        int inW = w;
        int outC = width * arch.block().expansion();
        if (arch.block() == Architecture.BlockType.BASIC) {
            conv(name + ".conv1", width, 3, stride, 1);
            norm(name + ".gn1");
            relu(name + ".relu1");
            conv(name + ".conv2", width, 3, 1, 1);
            norm(name + ".gn2");
        } else {
            conv(name + ".conv1", width, 1, 1, 0);
            norm(name + ".gn1");
            relu(name + ".relu1");
            conv(name + ".conv2", width, 3, stride, 1);
            norm(name + ".gn2");
            relu(name + ".relu2");
            conv(name + ".conv3", outC, 1, 1, 0);
            norm(name + ".gn3");
        }
        int mainC = c;
        int mainH = h;
        int mainW = w;
        if (stride != 1 || inC != outC) {
            c = inC;
            h = inH;
            w = inW;
            conv(name + ".downsample.conv", outC, 1, stride, 0);
            norm(name + ".downsample.gn");
        }
        c = mainC;
        h = mainH;
        w = mainW;
        long elements = (long) c * h * w;
        layers.add(new LayerCost(name + ".add", "add", c, h, w, 0, 0, elements));
        relu(name + ".relu");
    }

    private void conv(String name, int outC, int k, int stride, int pad) {
        int outH = Architecture.outSize(h, k, stride, pad);
        int outW = Architecture.outSize(w, k, stride, pad);
        if (outH <= 0 || outW <= 0) {
            throw new IllegalArgumentException(
                    "input "
                            + h
                            + "x"
                            + w
                            + " px is too small for "
                            + name
                            + " of "
                            + arch.name()
                            + ": use at least "
                            + arch.totalStride()
                            + " px per side");
        }
        long weights = (long) outC * c * k * k;
        long macs = weights * outH * outW;
        layers.add(new LayerCost(name, "conv", outC, outH, outW, macs, weights, 0));
        c = outC;
        h = outH;
        w = outW;
    }

    private void norm(String name) {
        long elements = (long) c * h * w;
        layers.add(
                new LayerCost(
                        name, "groupnorm", c, h, w, 0, 2L * c, GN_FLOPS_PER_ELEMENT * elements));
    }

    private void relu(String name) {
        layers.add(new LayerCost(name, "relu", c, h, w, 0, 0, (long) c * h * w));
    }

    private void maxPool(String name, int k, int stride, int pad) {
        h = Architecture.outSize(h, k, stride, pad);
        w = Architecture.outSize(w, k, stride, pad);
        layers.add(new LayerCost(name, "maxpool", c, h, w, 0, 0, (long) c * h * w * (k * k - 1)));
    }
}
