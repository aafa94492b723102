package org.lowmag.tiff;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * The bytes of a file read at any position, without a stream's cursor: what the TIFF reader needs
 * from a slide, whether it is a local file ({@link FileChannelSource}) or an object in a
 * distributed filesystem (the {@code lowmag-spark} module's Hadoop adapter). Implementations allow
 * concurrent {@link #read} calls from several threads.
 */
public interface RandomAccessSource extends Closeable {

    /**
     * @return the file as messages name it (a path or URI)
     */
    String name();

    /**
     * @return the size in bytes
     * @throws IOException when it cannot be read
     */
    long size() throws IOException;

    /**
     * Reads bytes starting at {@code position} into {@code dst} (from its position up to its limit)
     * like {@link java.nio.channels.FileChannel#read(ByteBuffer, long)}: possibly fewer than asked.
     *
     * @param position the first byte's offset, {@code >= 0}
     * @param dst where the bytes go; its position advances by the count read
     * @return the bytes read, or -1 when {@code position} is at or past the end
     * @throws IOException when reading fails
     */
    int read(long position, ByteBuffer dst) throws IOException;

    /**
     * Reads until {@code dst} is full or the file ends.
     *
     * @param position the first byte's offset
     * @param dst where the bytes go
     * @return the bytes read ({@code dst.remaining()} before the call unless the file ends first)
     * @throws IOException when reading fails
     */
    default int readUpTo(long position, ByteBuffer dst) throws IOException {
        int total = 0;
        while (dst.hasRemaining()) {
            int n = read(position + total, dst);
            if (n < 0) {
                break;
            }
            total += n;
        }
        return total;
    }

    /**
     * Reads exactly {@code dst.remaining()} bytes.
     *
     * @param position the first byte's offset
     * @param dst where the bytes go
     * @throws EOFException when the file ends first, naming the file and the byte
     * @throws IOException when reading fails
     */
    default void readFully(long position, ByteBuffer dst) throws IOException {
        int want = dst.remaining();
        int n = readUpTo(position, dst);
        if (n < want) {
            throw new EOFException(
                    name()
                            + ": unexpected end of file at byte "
                            + (position + n)
                            + ": truncated file?");
        }
    }
}
