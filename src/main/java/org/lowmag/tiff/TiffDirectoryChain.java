package org.lowmag.tiff;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HashSet;
import java.util.Set;

/**
 * Walks a TIFF's chain of directories (IFDs) before any library reads it, and refuses a file whose
 * chain a truncation or corruption broke: a directory, an entry's values or a next-directory offset
 * past the end of the file, or a chain that loops. Libraries stop quietly at such a link (the slide
 * then opens with levels or images missing) or report an end-of-file error as a wrong tag type;
 * this names the file and the directory instead.
 *
 * <p>Layout (TIFF 6.0, BigTIFF): a directory is an entry count (2 bytes; BigTIFF 8), entries of 12
 * bytes (tag 2, type 2, count 4, value or offset 4; BigTIFF 20: count 8, value 8), then the next
 * directory's offset (4; BigTIFF 8), 0 at the end. Values longer than the value field lie at the
 * offset it holds.
 */
public final class TiffDirectoryChain {

    /** More directories than any slide has: a longer chain is corrupt. */
    static final int MAX_DIRECTORIES = 100_000;

    private TiffDirectoryChain() {}

    /**
     * @param source the file
     * @param order its byte order
     * @param size its size in bytes
     * @return the number of directories
     * @throws IOException when the chain is broken, with the directory and what is wrong
     */
    public static int check(RandomAccessSource source, ByteOrder order, long size)
            throws IOException {
        String path = source.name();
        ByteBuffer head = read(source, 0, 16, order);
        boolean big = head.getShort(2) == 43;
        long next = big ? head.getLong(8) : head.getInt(4) & 0xFFFFFFFFL;
        Set<Long> seen = new HashSet<>();
        int n = 0;
        while (next != 0) {
            if (!seen.add(next) || n >= MAX_DIRECTORIES) {
                throw new IOException(
                        String.format(
                                "%s is corrupt: its TIFF directory %d (at byte %d) %s",
                                path,
                                n,
                                next,
                                n >= MAX_DIRECTORIES
                                        ? "is one too many"
                                        : "was met before: the chain of directories loops"));
            }
            next = directory(source, order, size, big, n, next);
            n++;
        }
        return n;
    }

    /** Checks one directory; returns the next one's offset. */
    private static long directory(
            RandomAccessSource source, ByteOrder order, long size, boolean big, int n, long at)
            throws IOException {
        String path = source.name();
        int countBytes = big ? 8 : 2;
        int entryBytes = big ? 20 : 12;
        int fieldBytes = big ? 8 : 4;
        if (at + countBytes > size) {
            throw truncated(path, n, "starts at byte " + at, size);
        }
        ByteBuffer c = read(source, at, countBytes, order);
        long entries = big ? c.getLong(0) : c.getShort(0) & 0xFFFF;
        long end = at + countBytes + entries * entryBytes + fieldBytes;
        if (entries < 0 || end > size) {
            throw truncated(path, n, "of " + entries + " entries ends at byte " + end, size);
        }
        ByteBuffer d = read(source, at + countBytes, (int) (end - at - countBytes), order);
        for (int i = 0; i < entries; i++) {
            int p = i * entryBytes;
            int tag = d.getShort(p) & 0xFFFF;
            int type = d.getShort(p + 2) & 0xFFFF;
            long count = big ? d.getLong(p + 4) : d.getInt(p + 4) & 0xFFFFFFFFL;
            long valueBytes = count * typeBytes(type);
            if (count < 0 || valueBytes < 0 || (typeBytes(type) > 0 && count > size)) {
                throw truncated(path, n, "has tag " + tag + " with " + count + " values", size);
            }
            if (valueBytes > fieldBytes) {
                long offset = big ? d.getLong(p + 4 + 8) : d.getInt(p + 8) & 0xFFFFFFFFL;
                if (offset < 0 || offset + valueBytes > size) {
                    throw truncated(
                            path,
                            n,
                            "has tag "
                                    + tag
                                    + " whose "
                                    + count
                                    + " values need bytes "
                                    + offset
                                    + ".."
                                    + (offset + valueBytes),
                            size);
                }
            }
        }
        int q = (int) (entries * entryBytes);
        long next = big ? d.getLong(q) : d.getInt(q) & 0xFFFFFFFFL;
        if (next < 0 || next >= size) {
            throw truncated(path, n, "points to a next directory at byte " + next, size);
        }
        return next;
    }

    /** Bytes per value of a TIFF field type; 0 for types a reader must skip (unknown). */
    private static long typeBytes(int type) {
        return switch (type) {
            case 1, 2, 6, 7 -> 1;
            case 3, 8 -> 2;
            case 4, 9, 11, 13 -> 4;
            case 5, 10, 12, 16, 17, 18 -> 8;
            default -> 0;
        };
    }

    private static IOException truncated(String path, int n, String what, long size) {
        return new IOException(
                String.format(
                        "%s is truncated or corrupt: its TIFF directory %d %s, but the file has %d"
                                + " bytes",
                        path, n, what, size));
    }

    private static ByteBuffer read(RandomAccessSource source, long at, int bytes, ByteOrder order)
            throws IOException {
        ByteBuffer b = ByteBuffer.allocate(bytes).order(order);
        source.readUpTo(at, b);
        return b;
    }
}
