package org.lowmag.slide;

import java.util.Locale;
import org.lowmag.util.Decimals;

/**
 * Magnification values, their conversion to micrometres per pixel and their text form: the one
 * place that formats a magnification (folder names such as {@code 2.5x}, report text, JSON). LowMag
 * follows the paper: {@code n x} means the original scan downsampled to {@code n}-fold objective
 * magnification, with 10x = 1 um/px, so {@code mag = 10 / mpp}. A slide's resolved level-0
 * magnification and its source are a {@link ScanMagnification}.
 */
public final class Magnification {

    /** Micrometre-per-pixel x magnification in the paper's convention. */
    public static final double UM_TIMES_MAGNIFICATION = 10.0;

    private Magnification() {}

    /**
     * Formats a magnification without trailing zeros: 10, 2.5, 0.625.
     *
     * @param mag the magnification
     * @return its text
     */
    public static String format(double mag) {
        return Decimals.plain(mag);
    }

    /**
     * Formats a magnification with at most 4 significant digits and no trailing zeros: 20, 2.5,
     * 20.04 (a recorded 0.499 um/px gives 20.04, not 20.040080160320642).
     *
     * @param mag the magnification
     * @return its text
     */
    public static String formatShort(double mag) {
        return Decimals.significant(mag, 4);
    }

    /**
     * Parses a magnification such as {@code 10}, {@code 2.5x} or {@code 0.625}.
     *
     * @param text the text
     * @return the magnification
     * @throws IllegalArgumentException when it is not a positive number
     */
    public static double parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.endsWith("x")) {
            t = t.substring(0, t.length() - 1);
        }
        double m;
        try {
            m = Double.parseDouble(t);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "magnification '" + text + "' is not a number (e.g. 10, 2.5, 0.625)", e);
        }
        if (!(m > 0) || Double.isInfinite(m)) {
            throw new IllegalArgumentException("magnification '" + text + "' must be positive");
        }
        return m;
    }

    /**
     * @param mag a magnification
     * @return micrometres per pixel: {@code 10 / mag}
     */
    public static double toMpp(double mag) {
        return UM_TIMES_MAGNIFICATION / mag;
    }

    /**
     * @param mpp micrometres per pixel
     * @return magnification: {@code 10 / mpp}
     */
    public static double fromMpp(double mpp) {
        return UM_TIMES_MAGNIFICATION / mpp;
    }

    /**
     * Whether two magnifications are the same up to rounding in files (relative 1e-6).
     *
     * @param a one
     * @param b the other
     * @return true when equal
     */
    public static boolean same(double a, double b) {
        return Math.abs(a - b) <= 1e-6 * Math.max(Math.abs(a), Math.abs(b));
    }
}
