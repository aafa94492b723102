package org.lowmag.tiff;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A local file as a {@link RandomAccessSource}: positional {@link FileChannel} reads, which are
 * safe from several threads at once. Named by the path as given.
 */
public final class FileChannelSource implements RandomAccessSource {

    private final FileChannel channel;
    private final String name;

    private FileChannelSource(FileChannel channel, String name) {
        this.channel = channel;
        this.name = name;
    }

    /**
     * @param path the file
     * @return the open source; close it
     * @throws java.nio.file.NoSuchFileException when the file is missing
     * @throws IOException when it cannot be opened
     */
    public static FileChannelSource open(Path path) throws IOException {
        return new FileChannelSource(
                FileChannel.open(path, StandardOpenOption.READ), path.toString());
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public long size() throws IOException {
        return channel.size();
    }

    @Override
    public int read(long position, ByteBuffer dst) throws IOException {
        return channel.read(dst, position);
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
