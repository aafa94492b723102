package org.lowmag.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.pooling.Pool;

/**
 * The stem's 3 x 3 max-pool with stride 2 and padding 1, for {@code [N, C, H, W]} maps:
 *
 * <pre>
 *   out[n, c, i, j] = max over dy, dx in {0, 1, 2} of x[n, c, 2i + dy - 1, 2j + dx - 1]
 *   (outside the map: -infinity),  i &lt; Ho = floor((H - 1) / 2) + 1,  j &lt; Wo = floor((W - 1) / 2) + 1
 * </pre>
 *
 * When no gradient is wanted (inference, validation) it is computed separably on the map padded
 * with -infinity: first {@code r[., ., y, j] = max(p[y, 2j], p[y, 2j + 1], p[y, 2j + 2])} over all
 * padded rows, then {@code out[., ., i, j] = max(r[2i, j], r[2i + 1, j], r[2i + 2, j])}: four
 * element-wise maxima of strided views, which libtorch vectorises, where its {@code max_pool2d}
 * (always with indices on the CPU) runs a scalar loop per output pixel; on the CPU that loop was
 * the largest single libtorch kernel in a 10x prediction profile (about a ninth of the process's
 * CPU time). A maximum is exact, so both paths give the same values (NaN propagates in both). With
 * a gradient, libtorch's {@code max_pool2d} runs, so its backward (all gradient to the first
 * maximum of a window) is kept.
 */
public final class StemMaxPool {

    private static final Shape KERNEL = new Shape(3, 3);
    private static final Shape STRIDE = new Shape(2, 2);
    private static final Shape PADDING = new Shape(1, 1);

    private StemMaxPool() {}

    /**
     * @return the block (a parameterless {@link LambdaBlock}, saved as the plain max-pool was)
     */
    public static Block block() {
        return new LambdaBlock(list -> new NDList(apply(list.singletonOrThrow())));
    }

    /**
     * @param x a map {@code [N, C, H, W]}
     * @return the pooled map {@code [N, C, Ho, Wo]} (see the class formula)
     */
    public static NDArray apply(NDArray x) {
        if (x.hasGradient()) {
            return Pool.maxPool2d(x, KERNEL, STRIDE, PADDING, false);
        }
        return separable(x);
    }

    /** The separable form, whatever the gradient (package-private for the equality test). */
    static NDArray separable(NDArray x) {
        Shape s = x.getShape();
        long ho = (s.get(2) - 1) / 2 + 1;
        long wo = (s.get(3) - 1) / 2 + 1;
        NDArray p = x.pad(new Shape(1, 1, 1, 1), Float.NEGATIVE_INFINITY);
        NDArray rows = column(p, 0, wo).maximum(column(p, 1, wo)).maximum(column(p, 2, wo));
        return row(rows, 0, ho).maximum(row(rows, 1, ho)).maximum(row(rows, 2, ho));
    }

    /** Columns {@code dx, dx + 2, ..., dx + 2 (n - 1)}. */
    private static NDArray column(NDArray p, long dx, long n) {
        return p.get(new NDIndex(":, :, :, {}:{}:2", dx, dx + 2 * (n - 1) + 1));
    }

    /** Rows {@code dy, dy + 2, ..., dy + 2 (n - 1)}. */
    private static NDArray row(NDArray r, long dy, long n) {
        return r.get(new NDIndex(":, :, {}:{}:2", dy, dy + 2 * (n - 1) + 1));
    }
}
