package org.lowmag.arch;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The shape of a ResNet with GroupNorm, as data: what the model builder constructs and what the
 * FLOP counter walks, so that both always describe the same network.
 *
 * <p>Every architecture has the torchvision layout: a {@code 7x7} stride-2 convolution stem, a
 * {@code 3x3} stride-2 max-pool, four stages (the first at stride 1, the others halving the size in
 * their first block), global average pooling and one fully connected layer. Convolutions have no
 * bias; each is followed by GroupNorm with {@code min(32, channels)} groups.
 *
 * @param name the name users give ({@code paper}, {@code resnet18}, ...)
 * @param block the residual block type
 * @param blocksPerStage how many blocks each of the four stages has
 * @param widths the base width (channels before expansion) of each stage
 * @param stemWidth the output channels of the stem convolution
 */
public record Architecture(
        String name,
        BlockType block,
        List<Integer> blocksPerStage,
        List<Integer> widths,
        int stemWidth) {

    /** Maximum number of GroupNorm groups (Wu and He's default). */
    public static final int MAX_GROUPS = 32;

    /** The residual block types of He et al. */
    public enum BlockType {
        /** Two {@code 3x3} convolutions; expansion 1. */
        BASIC(1),
        /** {@code 1x1}, {@code 3x3}, {@code 1x1} convolutions; expansion 4. */
        BOTTLENECK(4);

        private final int expansion;

        BlockType(int expansion) {
            this.expansion = expansion;
        }

        /**
         * @return output channels of a block divided by its base width
         */
        public int expansion() {
            return expansion;
        }
    }

    /**
     * The authors' network: BasicBlock, one block per stage, widths 32/64/128/256. The stem has the
     * first stage's width (32), so the whole network is half as wide as ResNet-18's first stage.
     */
    public static final Architecture PAPER =
            new Architecture(
                    "paper", BlockType.BASIC, List.of(1, 1, 1, 1), List.of(32, 64, 128, 256), 32);

    /** ResNet-18 (He et al. 2016) with GroupNorm. */
    public static final Architecture RESNET18 =
            new Architecture(
                    "resnet18",
                    BlockType.BASIC,
                    List.of(2, 2, 2, 2),
                    List.of(64, 128, 256, 512),
                    64);

    /** ResNet-34 with GroupNorm. */
    public static final Architecture RESNET34 =
            new Architecture(
                    "resnet34",
                    BlockType.BASIC,
                    List.of(3, 4, 6, 3),
                    List.of(64, 128, 256, 512),
                    64);

    /** ResNet-50 with GroupNorm. */
    public static final Architecture RESNET50 =
            new Architecture(
                    "resnet50",
                    BlockType.BOTTLENECK,
                    List.of(3, 4, 6, 3),
                    List.of(64, 128, 256, 512),
                    64);

    private static final Map<String, Architecture> BY_NAME = new TreeMap<>();

    static {
        for (Architecture a : List.of(PAPER, RESNET18, RESNET34, RESNET50)) {
            BY_NAME.put(a.name(), a);
        }
    }

    /** Validates the shape. */
    public Architecture {
        blocksPerStage = List.copyOf(blocksPerStage);
        widths = List.copyOf(widths);
        if (blocksPerStage.size() != widths.size() || widths.isEmpty()) {
            throw new IllegalArgumentException(
                    "architecture " + name + ": blocksPerStage and widths must have equal length");
        }
        for (int i = 0; i < widths.size(); i++) {
            if (widths.get(i) <= 0 || blocksPerStage.get(i) <= 0) {
                throw new IllegalArgumentException(
                        "architecture " + name + ": stage " + i + " has no blocks or no width");
            }
        }
    }

    /**
     * Looks an architecture up by name.
     *
     * @param name {@code paper}, {@code resnet18}, {@code resnet34} or {@code resnet50}
     * @return the architecture
     * @throws IllegalArgumentException naming the known architectures when the name is unknown
     */
    public static Architecture byName(String name) {
        Architecture a = BY_NAME.get(name.toLowerCase(Locale.ROOT));
        if (a == null) {
            throw new IllegalArgumentException(
                    "unknown architecture '" + name + "': choose one of " + names());
        }
        return a;
    }

    /**
     * @return the known architecture names
     */
    public static List<String> names() {
        return List.copyOf(BY_NAME.keySet());
    }

    /**
     * @return channels of the final convolutional feature map
     */
    public int featureChannels() {
        return widths.get(widths.size() - 1) * block.expansion();
    }

    /**
     * Total stride of the network: the stem (2), the max-pool (2) and every stage after the first
     * (2 each). An input side smaller than this yields a 1-pixel feature map.
     *
     * @return the ratio of input size to final feature-map size
     */
    public int totalStride() {
        return 4 << (widths.size() - 1);
    }

    /**
     * GroupNorm groups for a number of channels: {@code min(32, channels)}, reduced to a divisor of
     * the channel count.
     *
     * @param channels the channels normalised
     * @return the number of groups
     */
    public static int groupsFor(int channels) {
        int g = Math.min(MAX_GROUPS, channels);
        while (channels % g != 0) {
            g--;
        }
        return g;
    }

    /**
     * Spatial output size of a convolution or pooling window (PyTorch's floor rule).
     *
     * @param sizePx input side in pixels
     * @param kernel window side
     * @param stride the stride
     * @param padding zero padding on each side
     * @return the output side in pixels
     */
    public static int outSize(int sizePx, int kernel, int stride, int padding) {
        return Math.floorDiv(sizePx + 2 * padding - kernel, stride) + 1;
    }
}
