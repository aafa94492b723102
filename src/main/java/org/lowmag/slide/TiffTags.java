package org.lowmag.slide;

import com.twelvemonkeys.imageio.metadata.Directory;
import com.twelvemonkeys.imageio.metadata.Entry;
import java.io.IOException;

/** Typed access to the entries of one TIFF directory (IFD), with errors naming the file. */
final class TiffTags {

    static final int NEW_SUBFILE_TYPE = 254;
    static final int IMAGE_WIDTH = 256;
    static final int IMAGE_LENGTH = 257;
    static final int BITS_PER_SAMPLE = 258;
    static final int COMPRESSION = 259;
    static final int PHOTOMETRIC = 262;
    static final int FILL_ORDER = 266;
    static final int IMAGE_DESCRIPTION = 270;
    static final int MAKE = 271;
    static final int MODEL = 272;
    static final int STRIP_OFFSETS = 273;
    static final int SAMPLES_PER_PIXEL = 277;
    static final int ROWS_PER_STRIP = 278;
    static final int STRIP_BYTE_COUNTS = 279;
    static final int X_RESOLUTION = 282;
    static final int Y_RESOLUTION = 283;
    static final int PLANAR_CONFIGURATION = 284;
    static final int RESOLUTION_UNIT = 296;
    static final int SOFTWARE = 305;
    static final int DATE_TIME = 306;
    static final int PREDICTOR = 317;
    static final int COLOR_MAP = 320;
    static final int TILE_WIDTH = 322;
    static final int TILE_LENGTH = 323;
    static final int TILE_OFFSETS = 324;
    static final int TILE_BYTE_COUNTS = 325;
    static final int EXTRA_SAMPLES = 338;
    static final int SAMPLE_FORMAT = 339;
    static final int JPEG_TABLES = 347;
    static final int YCBCR_SUBSAMPLING = 530;
    static final int YCBCR_POSITIONING = 531;

    private final Directory directory;
    private final String where;

    /**
     * @param directory the IFD
     * @param where the file and IFD index, for messages
     */
    TiffTags(Directory directory, String where) {
        this.directory = directory;
        this.where = where;
    }

    /**
     * @param tag the tag number
     * @return whether the IFD has it
     */
    boolean has(int tag) {
        return directory.getEntryById(tag) != null;
    }

    /**
     * @param tag the tag number
     * @return the raw value (Integer, Long, int[], long[], byte[], String, Rational ...) or null
     */
    Object raw(int tag) {
        Entry e = directory.getEntryById(tag);
        return e == null ? null : e.getValue();
    }

    /**
     * @param tag a numeric tag
     * @return its values as longs, or null when absent
     * @throws IOException when the tag is not numeric
     */
    long[] longs(int tag) throws IOException {
        Object v = raw(tag);
        if (v == null) {
            return null;
        }
        if (v instanceof Number n) {
            return new long[] {n.longValue()};
        }
        if (v instanceof long[] a) {
            return a.clone();
        }
        if (v instanceof int[] a) {
            long[] out = new long[a.length];
            for (int i = 0; i < a.length; i++) {
                out[i] = a[i] & 0xFFFFFFFFL;
            }
            return out;
        }
        if (v instanceof short[] a) {
            long[] out = new long[a.length];
            for (int i = 0; i < a.length; i++) {
                out[i] = a[i] & 0xFFFFL;
            }
            return out;
        }
        if (v instanceof Exception e) {
            // TwelveMonkeys keeps the error it met reading the values in their place
            throw new IOException(
                    where
                            + ": TIFF tag "
                            + tag
                            + " cannot be read ("
                            + e
                            + "): the file is truncated or corrupt",
                    e);
        }
        throw new IOException(
                where
                        + ": TIFF tag "
                        + tag
                        + " should be numeric, found "
                        + v.getClass().getName());
    }

    /**
     * @param tag a numeric tag
     * @param fallback value when absent
     * @return its first value
     * @throws IOException when the tag is not numeric or empty
     */
    long first(int tag, long fallback) throws IOException {
        long[] v = longs(tag);
        if (v == null) {
            return fallback;
        }
        if (v.length == 0) {
            throw new IOException(where + ": TIFF tag " + tag + " is empty");
        }
        return v[0];
    }

    /**
     * @param tag a numeric tag that must be present
     * @return its first value
     * @throws IOException when absent
     */
    long required(int tag) throws IOException {
        if (!has(tag)) {
            throw new IOException(where + ": required TIFF tag " + tag + " is missing");
        }
        return first(tag, 0);
    }

    /**
     * @param tag an ASCII tag
     * @return its text (trailing NULs removed), or null when absent
     */
    String text(int tag) {
        Object v = raw(tag);
        if (v == null) {
            return null;
        }
        String s = v instanceof String[] a ? String.join("\n", a) : String.valueOf(v);
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == '\0') {
            end--;
        }
        return s.substring(0, end);
    }

    /**
     * @param tag a RATIONAL (or numeric) tag
     * @return its value, or NaN when absent or not a number
     */
    double real(int tag) {
        Object v = raw(tag);
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        if (v instanceof Number[] a && a.length > 0) {
            return a[0].doubleValue();
        }
        return Double.NaN;
    }

    /**
     * @return the file and IFD, for messages
     */
    String where() {
        return where;
    }
}
