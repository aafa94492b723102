package org.lowmag.tissue;

/** Shared checks for row-major binary masks. */
final class Masks {

    private Masks() {}

    static void checkSize(boolean[] mask, int widthPx, int heightPx) {
        if (widthPx < 0 || heightPx < 0 || mask.length != (long) widthPx * heightPx) {
            throw new IllegalArgumentException(
                    "mask has " + mask.length + " pixels, expected " + widthPx + "x" + heightPx);
        }
    }
}
