package org.lowmag.tissue;

/** Masks drawn as text for tests: {@code #} is foreground, anything else background. */
final class Grids {

    private Grids() {}

    static boolean[] parse(String... rows) {
        int w = rows[0].replace(" ", "").length();
        boolean[] m = new boolean[w * rows.length];
        for (int y = 0; y < rows.length; y++) {
            String r = rows[y].replace(" ", "");
            if (r.length() != w) {
                throw new IllegalArgumentException("ragged grid row " + y);
            }
            for (int x = 0; x < w; x++) {
                m[y * w + x] = r.charAt(x) == '#';
            }
        }
        return m;
    }

    static int width(String... rows) {
        return rows[0].replace(" ", "").length();
    }
}
