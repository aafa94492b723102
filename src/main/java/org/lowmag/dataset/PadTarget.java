package org.lowmag.dataset;

import java.util.Locale;

/**
 * The size an input is padded to, with the network's total stride {@code s}: {@link #STRIDE} pads a
 * side {@code n} to {@code max(n, s)}, {@link #MULTIPLE} to {@code s * ceil(n / s)}.
 */
public enum PadTarget {
    /** Only sides below the stride, up to the stride. */
    STRIDE,
    /** Every side up to the next multiple of the stride. */
    MULTIPLE;

    /**
     * @return the flag spelling ({@code stride} or {@code multiple})
     */
    public String flag() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @param flag {@code stride} or {@code multiple} (case-insensitive)
     * @return the target
     * @throws IllegalArgumentException naming the bad value and the choices
     */
    public static PadTarget parse(String flag) {
        for (PadTarget t : values()) {
            if (t.flag().equalsIgnoreCase(flag.trim())) {
                return t;
            }
        }
        throw new IllegalArgumentException("pad-to '" + flag + "' is not one of stride, multiple");
    }
}
