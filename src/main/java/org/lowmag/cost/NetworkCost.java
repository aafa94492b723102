package org.lowmag.cost;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The analytic cost of one forward pass of a network on one input.
 *
 * @param architecture the architecture's name
 * @param inChannels input channels
 * @param inHeight input height in pixels
 * @param inWidth input width in pixels
 * @param classes number of output classes
 * @param layers every layer in execution order
 */
public record NetworkCost(
        String architecture,
        int inChannels,
        int inHeight,
        int inWidth,
        int classes,
        List<LayerCost> layers) {

    /** Copies the layer list. */
    public NetworkCost {
        layers = List.copyOf(layers);
    }

    /**
     * @return multiply-accumulates of the convolutions and the FC layer
     */
    public long macs() {
        return layers.stream().mapToLong(LayerCost::macs).sum();
    }

    /**
     * @return {@code 2 x MACs}
     */
    public long flops() {
        return 2 * macs();
    }

    /**
     * @return {@link #flops()} in billions
     */
    public double gflops() {
        return flops() / 1e9;
    }

    /**
     * @return learnable parameters (convolution and FC weights, FC bias, GroupNorm gamma and beta)
     */
    public long params() {
        return layers.stream().mapToLong(LayerCost::params).sum();
    }

    /**
     * @return estimated FLOPs of norms, activations, pooling and additions (not in {@link
     *     #flops()})
     */
    public long otherFlops() {
        return layers.stream().mapToLong(LayerCost::otherFlops).sum();
    }

    /**
     * @return the final convolutional feature map's layer (the last layer before pooling)
     */
    public LayerCost featureMap() {
        for (int i = layers.size() - 1; i >= 0; i--) {
            if (!layers.get(i).kind().equals("avgpool") && !layers.get(i).kind().equals("fc")) {
                return layers.get(i);
            }
        }
        throw new IllegalStateException("network has no convolutional layer");
    }

    /**
     * @return the cost as {@code lowmag flops --json} prints it: totals, the FLOP convention and
     *     one entry per layer, keys in a fixed order
     */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("architecture", architecture());
        m.put("input", List.of(inChannels(), inHeight(), inWidth()));
        m.put("classes", classes());
        m.put("macs", macs());
        m.put("flops", flops());
        m.put("gflops", gflops());
        m.put("params", params());
        m.put("other_flops", otherFlops());
        m.put(
                "convention",
                "FLOPs = 2 x MACs of convolutions and FC; other_flops (norms, activations,"
                        + " pooling, additions) estimated separately and not in the total");
        m.put("layers", layers.stream().map(LayerCost::toMap).toList());
        return m;
    }
}
