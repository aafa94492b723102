package org.lowmag.cost;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The cost of one layer for one input.
 *
 * @param name the layer's path in the network ({@code stage2.block0.conv1})
 * @param kind {@code conv}, {@code fc}, {@code groupnorm}, {@code relu}, {@code maxpool}, {@code
 *     add} or {@code avgpool}
 * @param outChannels output channels
 * @param outHeight output height in pixels
 * @param outWidth output width in pixels
 * @param macs multiply-accumulates (convolutions and the FC layer only; 0 for other layers)
 * @param params learnable parameters
 * @param otherFlops estimated floating-point operations of norms, activations, pooling and residual
 *     additions (0 for convolutions and the FC layer); never part of {@link #flops()}
 */
public record LayerCost(
        String name,
        String kind,
        int outChannels,
        int outHeight,
        int outWidth,
        long macs,
        long params,
        long otherFlops) {

    /**
     * @return FLOPs of the multiply-accumulates: {@code 2 x MACs}
     */
    public long flops() {
        return 2 * macs;
    }

    /**
     * @return the output shape as {@code CxHxW}
     */
    public String outShape() {
        return outChannels + "x" + outHeight + "x" + outWidth;
    }

    /**
     * @return the layer as {@code lowmag flops --json} prints it, keys in a fixed order
     */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("kind", kind);
        m.put("output", List.of(outChannels, outHeight, outWidth));
        m.put("macs", macs);
        m.put("flops", flops());
        m.put("params", params);
        m.put("other_flops", otherFlops);
        return m;
    }
}
