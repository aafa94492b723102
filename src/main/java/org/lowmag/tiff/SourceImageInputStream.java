package org.lowmag.tiff;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Objects;
import javax.imageio.stream.ImageInputStreamImpl;

/**
 * A {@link RandomAccessSource} as an ImageIO stream, for TwelveMonkeys' TIFF directory reader:
 * reads go through a buffer of {@link #BUFFER_BYTES} filled by one positional read, so the many
 * small reads of directory entries cost one read of the source per block (on a remote source, one
 * request). Closing the stream leaves the source open (its owner closes it).
 */
final class SourceImageInputStream extends ImageInputStreamImpl {

    /** Bytes fetched per source read. */
    static final int BUFFER_BYTES = 64 << 10;

    private final RandomAccessSource source;
    private final long size;
    private final byte[] buffer = new byte[BUFFER_BYTES];
    private long bufferStart;
    private int bufferBytes;

    /**
     * @param source the bytes
     * @throws IOException when the source's size cannot be read
     */
    SourceImageInputStream(RandomAccessSource source) throws IOException {
        this.source = source;
        this.size = source.size();
    }

    @Override
    public int read() throws IOException {
        checkClosed();
        bitOffset = 0;
        if (!fill()) {
            return -1;
        }
        return buffer[(int) (streamPos++ - bufferStart)] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        checkClosed();
        Objects.checkFromIndexSize(off, len, b.length);
        bitOffset = 0;
        if (len == 0) {
            return 0;
        }
        if (!fill()) {
            return -1;
        }
        int at = (int) (streamPos - bufferStart);
        int n = Math.min(len, bufferBytes - at);
        System.arraycopy(buffer, at, b, off, n);
        streamPos += n;
        return n;
    }

    @Override
    public long length() {
        return size;
    }

    /** Makes the buffer hold {@code streamPos}; false at the end of the source. */
    private boolean fill() throws IOException {
        if (streamPos >= bufferStart && streamPos < bufferStart + bufferBytes) {
            return true;
        }
        if (streamPos >= size) {
            return false;
        }
        int want = (int) Math.min(buffer.length, size - streamPos);
        bufferStart = streamPos;
        bufferBytes = source.readUpTo(streamPos, ByteBuffer.wrap(buffer, 0, want));
        return bufferBytes > 0;
    }
}
