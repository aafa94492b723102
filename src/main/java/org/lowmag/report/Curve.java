package org.lowmag.report;

import java.util.Arrays;

/**
 * One series of a training-curve chart: a metric against the epoch.
 *
 * @param name the legend entry, e.g. "train loss"
 * @param epochs x values (epochs, possibly fractional), same length as {@code values}
 * @param values y values; NaN leaves a gap (e.g. an epoch without validation)
 * @param rightAxis whether the series is plotted against the right-hand axis (e.g. accuracy beside
 *     a loss on the left)
 */
public record Curve(String name, double[] epochs, double[] values, boolean rightAxis) {

    /** Copies the arrays and checks their lengths. */
    public Curve {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("curve name is empty");
        }
        if (epochs.length != values.length) {
            throw new IllegalArgumentException(
                    "curve "
                            + name
                            + " has "
                            + epochs.length
                            + " epochs but "
                            + values.length
                            + " values");
        }
        epochs = epochs.clone();
        values = values.clone();
    }

    /**
     * @param name the legend entry
     * @param values one value per epoch, epochs numbered from 1
     * @param rightAxis whether to plot against the right-hand axis
     * @return the curve
     */
    public static Curve perEpoch(String name, double[] values, boolean rightAxis) {
        double[] epochs = new double[values.length];
        Arrays.setAll(epochs, i -> i + 1);
        return new Curve(name, epochs, values, rightAxis);
    }

    @Override
    public double[] epochs() {
        return epochs.clone();
    }

    @Override
    public double[] values() {
        return values.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Curve c
                && name.equals(c.name)
                && rightAxis == c.rightAxis
                && Arrays.equals(epochs, c.epochs)
                && Arrays.equals(values, c.values);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * name.hashCode() + Arrays.hashCode(epochs)) + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "Curve[" + name + ", " + epochs.length + " points]";
    }
}
