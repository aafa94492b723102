package org.lowmag.spark;

import java.io.File;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FSInputStream;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;

/**
 * A Hadoop FileSystem for tests under its own scheme ({@code counted:///abs/path}): the local disk,
 * but every byte read through {@link #open} is counted ({@link #BYTES_READ}), so a test can show
 * that a slide is read with random access rather than copied whole. Registered with {@code
 * spark.hadoop.fs.counted.impl}.
 */
public final class CountingFileSystem extends RawLocalFileSystem {

    /** The scheme. */
    static final String SCHEME = "counted";

    /** Bytes read through every stream this class opened. */
    static final AtomicLong BYTES_READ = new AtomicLong();

    /** Streams opened. */
    static final AtomicLong OPENS = new AtomicLong();

    @Override
    public URI getUri() {
        return URI.create(SCHEME + ":///");
    }

    @Override
    public String getScheme() {
        return SCHEME;
    }

    @Override
    public FSDataInputStream open(Path f, int bufferSize) throws IOException {
        File file = pathToFile(f);
        if (!file.isFile()) {
            throw new FileNotFoundException(f.toString());
        }
        OPENS.incrementAndGet();
        return new FSDataInputStream(new Counting(FileChannel.open(file.toPath())));
    }

    /** Reads a local file, counting the bytes. */
    private static final class Counting extends FSInputStream {
        private final FileChannel channel;
        private long pos;

        Counting(FileChannel channel) {
            this.channel = channel;
        }

        @Override
        public synchronized void seek(long position) {
            pos = position;
        }

        @Override
        public synchronized long getPos() {
            return pos;
        }

        @Override
        public boolean seekToNewSource(long targetPos) {
            return false;
        }

        @Override
        public synchronized int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public synchronized int read(byte[] b, int off, int len) throws IOException {
            int n = read(pos, b, off, len);
            if (n > 0) {
                pos += n;
            }
            return n;
        }

        @Override
        public int read(long position, byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            int n = channel.read(ByteBuffer.wrap(b, off, len), position);
            if (n > 0) {
                BYTES_READ.addAndGet(n);
            }
            return n;
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }
}
