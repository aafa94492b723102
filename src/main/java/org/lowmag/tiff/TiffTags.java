package org.lowmag.tiff;

import com.twelvemonkeys.imageio.metadata.Directory;
import com.twelvemonkeys.imageio.metadata.Entry;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Typed access to the entries of one TIFF directory (IFD), with errors naming the file. */
public final class TiffTags {

    public static final int NEW_SUBFILE_TYPE = 254;
    public static final int IMAGE_WIDTH = 256;
    public static final int IMAGE_LENGTH = 257;
    public static final int BITS_PER_SAMPLE = 258;
    public static final int COMPRESSION = 259;
    public static final int PHOTOMETRIC = 262;
    public static final int FILL_ORDER = 266;
    public static final int IMAGE_DESCRIPTION = 270;
    public static final int MAKE = 271;
    public static final int MODEL = 272;
    public static final int STRIP_OFFSETS = 273;
    public static final int SAMPLES_PER_PIXEL = 277;
    public static final int ROWS_PER_STRIP = 278;
    public static final int STRIP_BYTE_COUNTS = 279;
    public static final int X_RESOLUTION = 282;
    public static final int Y_RESOLUTION = 283;
    public static final int PLANAR_CONFIGURATION = 284;
    public static final int RESOLUTION_UNIT = 296;
    public static final int SOFTWARE = 305;
    public static final int DATE_TIME = 306;
    public static final int PREDICTOR = 317;
    public static final int COLOR_MAP = 320;
    public static final int TILE_WIDTH = 322;
    public static final int TILE_LENGTH = 323;
    public static final int TILE_OFFSETS = 324;
    public static final int TILE_BYTE_COUNTS = 325;
    public static final int EXTRA_SAMPLES = 338;
    public static final int SAMPLE_FORMAT = 339;
    public static final int SUB_IFDS = 330;
    public static final int JPEG_TABLES = 347;
    public static final int YCBCR_SUBSAMPLING = 530;
    public static final int YCBCR_POSITIONING = 531;

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
        long[] values = values(v);
        if (values != null) {
            return values;
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
     * A raw numeric value as TwelveMonkeys gives it ({@link #raw}, {@link TiffPage}'s decode tags)
     * as unsigned longs.
     *
     * @param v a {@code Number}, {@code long[]}, {@code int[]} or {@code short[]}
     * @return its values (a new array), or null for anything else
     */
    static long[] values(Object v) {
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
        return null;
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
     * @return the directories of the SubIFDs tag (330), which TwelveMonkeys' reader follows, in
     *     order; empty when absent
     */
    List<TiffTags> subIfds() {
        Object v = raw(SUB_IFDS);
        Directory[] dirs =
                v instanceof Directory[] a
                        ? a
                        : v instanceof Directory d ? new Directory[] {d} : new Directory[0];
        List<TiffTags> out = new ArrayList<>();
        for (int i = 0; i < dirs.length; i++) {
            out.add(new TiffTags(dirs[i], where + " SubIFD " + i));
        }
        return out;
    }

    /**
     * @return the file and IFD, for messages
     */
    String where() {
        return where;
    }
}
