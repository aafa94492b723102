package org.lowmag.distill;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;

/**
 * The distillation loss and its two terms, all scalar NDArrays: {@code total = soft + pixel}. Call
 * {@code backward} on {@link #total()}; log the parts.
 *
 * @param total {@code soft + pixel}
 * @param soft the KL term (equation 2)
 * @param pixel the feature-map term (equation 3)
 */
public record LossParts(NDArray total, NDArray soft, NDArray pixel) {

    /**
     * @return the parts as doubles {@code {total, soft, pixel}}, for logging
     */
    public double[] values() {
        return new double[] {scalar(total), scalar(soft), scalar(pixel)};
    }

    private static double scalar(NDArray x) {
        if (x.getDataType() == DataType.FLOAT64) {
            return x.getDouble();
        }
        try (NDArray wide = x.toType(DataType.FLOAT64, true)) {
            return wide.getDouble();
        }
    }
}
