package org.lowmag.spark;

import java.io.IOException;
import java.nio.ByteBuffer;
import org.apache.hadoop.fs.FSDataInputStream;
import org.lowmag.tiff.RandomAccessSource;

/**
 * A file of a Hadoop FileSystem as the core's {@link RandomAccessSource}: positioned reads ({@link
 * org.apache.hadoop.fs.PositionedReadable#read(long, byte[], int, int)}) of one open {@link
 * FSDataInputStream}, which leave the stream's own position alone and may run from several threads
 * at once (HDFS and S3A implement them for that; the default implementation synchronises). Only the
 * bytes asked for are fetched: the TIFF reader asks for the header, the directories and the tiles
 * of the regions it reads.
 */
final class HadoopSource implements RandomAccessSource {

    private final FSDataInputStream in;
    private final long sizeBytes;
    private final String name;

    /**
     * @param in the open file; closed with this
     * @param sizeBytes its length ({@link org.apache.hadoop.fs.FileStatus#getLen()})
     * @param name its URI, for messages
     */
    HadoopSource(FSDataInputStream in, long sizeBytes, String name) {
        this.in = in;
        this.sizeBytes = sizeBytes;
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public long size() {
        return sizeBytes;
    }

    @Override
    public int read(long position, ByteBuffer dst) throws IOException {
        if (position >= sizeBytes) {
            return -1;
        }
        int want = (int) Math.min(dst.remaining(), sizeBytes - position);
        if (want == 0) {
            return 0;
        }
        if (dst.hasArray()) {
            int n = in.read(position, dst.array(), dst.arrayOffset() + dst.position(), want);
            if (n > 0) {
                dst.position(dst.position() + n);
            }
            return n;
        }
        byte[] bytes = new byte[want];
        int n = in.read(position, bytes, 0, want);
        if (n > 0) {
            dst.put(bytes, 0, n);
        }
        return n;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
