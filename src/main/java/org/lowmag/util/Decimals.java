package org.lowmag.util;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Decimal text of a {@code double} without trailing zeros or exponent, for file names, reports and
 * metadata ({@code 2.5}, {@code 0.625}, {@code 20}). Both forms start from {@link
 * Double#toString(double)}, the shortest decimal that reads back as the same {@code double}.
 */
public final class Decimals {

    private Decimals() {}

    /**
     * @param value a finite number
     * @return its shortest decimal, plain and without trailing zeros: {@code 2.5}, {@code 20}
     */
    public static String plain(double value) {
        return new BigDecimal(Double.toString(value)).stripTrailingZeros().toPlainString();
    }

    /**
     * Rounds the shortest decimal half-up to {@code digits} significant digits (as {@code
     * String.format("%.4g")} does for 4), then drops trailing zeros: {@code 20.04008} gives {@code
     * 20.04}, {@code 20.0} gives {@code 20}.
     *
     * @param value a finite number
     * @param digits significant digits, positive
     * @return the rounded decimal, plain
     */
    public static String significant(double value, int digits) {
        return new BigDecimal(Double.toString(value))
                .round(new MathContext(digits, RoundingMode.HALF_UP))
                .stripTrailingZeros()
                .toPlainString();
    }
}
