package org.lowmag.model;

/**
 * Which libtorch kernels GroupNorm and Adam use on PyTorch arrays.
 *
 * <p>{@link #FUSED} (the default, and all that LowMag's commands ever use) runs GroupNorm as {@code
 * layer_norm} plus a per-channel {@code batch_norm} and Adam as one native update per parameter;
 * {@link #COMPOSITE} runs both operator by operator as their class formulas are written, the way
 * LowMag computed them before. The two give the same values up to float rounding (tested); the
 * composite form exists so that the benchmarks can measure what the fused one gains, and is chosen
 * explicitly by them ({@code --kernels composite}), never by a hidden system property.
 */
public enum Kernels {
    /** Fused native operators (the default). */
    FUSED,
    /** Operator-by-operator composites of the class formulas. */
    COMPOSITE;

    private static volatile Kernels current = FUSED;

    /**
     * @return the kernels in use in this JVM
     */
    public static Kernels current() {
        return current;
    }

    /**
     * Chooses the kernels for every GroupNorm forward pass and every Adam update that follows;
     * meant for benchmarks, which set it once before building models.
     *
     * @param kernels the kernels to use
     */
    public static void use(Kernels kernels) {
        current = java.util.Objects.requireNonNull(kernels, "kernels");
    }

    /**
     * @param name {@code fused} or {@code composite}, any case
     * @return the kernels of that name
     * @throws IllegalArgumentException for another name
     */
    public static Kernels parse(String name) {
        for (Kernels k : values()) {
            if (k.name().equalsIgnoreCase(name)) {
                return k;
            }
        }
        throw new IllegalArgumentException(
                "unknown kernels '" + name + "': use fused or composite");
    }
}
