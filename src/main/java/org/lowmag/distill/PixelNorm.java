package org.lowmag.distill;

import ai.djl.ndarray.NDArray;

/**
 * The distance {@code D} of the pixel loss, averaged over all {@code N * C * H * W} elements (as
 * PyTorch's {@code F.mse_loss} / {@code F.l1_loss} with the default reduction {@code "mean"}).
 */
public enum PixelNorm {
    /** {@code D(a, b) = mean((a - b)^2)}: the paper's squared error. */
    L2("l2"),
    /** {@code D(a, b) = mean(|a - b|)}. */
    L1("l1");

    private final String flag;

    PixelNorm(String flag) {
        this.flag = flag;
    }

    /**
     * @return the flag spelling ({@code l2} or {@code l1})
     */
    public String flag() {
        return flag;
    }

    /**
     * Computes the mean distance.
     *
     * @param a one array
     * @param b an array of the same shape
     * @return a scalar NDArray
     */
    public NDArray distance(NDArray a, NDArray b) {
        NDArray diff = a.sub(b);
        return this == L2 ? diff.square().mean() : diff.abs().mean();
    }

    /**
     * Parses a flag value.
     *
     * @param flag {@code l2} or {@code l1} (case-insensitive)
     * @return the norm
     * @throws IllegalArgumentException naming the bad value
     */
    public static PixelNorm fromFlag(String flag) {
        for (PixelNorm norm : values()) {
            if (norm.flag.equalsIgnoreCase(flag.strip())) {
                return norm;
            }
        }
        throw new IllegalArgumentException("unknown pixel norm '" + flag + "': expected l2 or l1");
    }

    @Override
    public String toString() {
        return flag;
    }
}
