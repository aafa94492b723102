package org.lowmag.spark;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.UnsupportedFileSystemException;
import org.lowmag.slide.SlideLocation;
import org.lowmag.tiff.RandomAccessSource;

/**
 * A slide in a Hadoop FileSystem ({@code hdfs://}, {@code s3a://}, {@code file://}, any scheme the
 * Hadoop configuration knows): random access through the FileSystem's seekable stream ({@link
 * HadoopSource}), and, only for backends that need a file, a copy in the executor's bounded {@link
 * SlideFileCache}, held (not evicted) until {@link #close()}.
 */
final class HadoopSlideLocation implements SlideLocation, AutoCloseable {

    /** Gives the executor's cache when a local copy is needed (created on first use). */
    @FunctionalInterface
    interface CacheSupplier {
        /**
         * @return the cache
         * @throws IOException when it cannot be created
         */
        SlideFileCache get() throws IOException;
    }

    private final URI uri;
    private final FileSystem fs;
    private final FileStatus status;
    private final CacheSupplier cache;
    private SlideFileCache.Lease lease;

    private HadoopSlideLocation(URI uri, FileSystem fs, FileStatus status, CacheSupplier cache) {
        this.uri = uri;
        this.fs = fs;
        this.status = status;
        this.cache = cache;
    }

    /**
     * @param uri the slide
     * @param conf the Hadoop configuration (filesystems, endpoints, credentials)
     * @param cache the executor's cache, for backends that need a file
     * @return the slide, found
     * @throws NoSuchFileException when the slide does not exist
     * @throws IOException when its scheme has no FileSystem, it is a folder, or the FileSystem
     *     fails
     */
    static HadoopSlideLocation find(URI uri, Configuration conf, CacheSupplier cache)
            throws IOException {
        org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(uri);
        FileSystem fs;
        try {
            fs = p.getFileSystem(conf);
        } catch (UnsupportedFileSystemException e) {
            String scheme = uri.getScheme();
            throw new IOException(
                    uri
                            + ": Hadoop has no FileSystem for the scheme '"
                            + scheme
                            + "' ("
                            + e.getMessage()
                            + "): put the FileSystem's jar on the classpath and configure it"
                            + " (fs."
                            + scheme
                            + ".impl; on Spark --conf spark.hadoop.fs."
                            + scheme
                            + ".impl=CLASS), or give a path every executor can read",
                    e);
        }
        FileStatus status;
        try {
            status = fs.getFileStatus(p);
        } catch (FileNotFoundException e) {
            throw new NoSuchFileException(uri.toString());
        }
        if (status.isDirectory()) {
            throw new IOException(uri + " is a directory, not a slide file");
        }
        return new HadoopSlideLocation(uri, fs, status, cache);
    }

    @Override
    public String name() {
        return uri.toString();
    }

    @Override
    public RandomAccessSource openSource() throws IOException {
        return new HadoopSource(fs.open(status.getPath()), status.getLen(), name());
    }

    @Override
    public Path localFile() throws IOException {
        if (lease == null) {
            lease =
                    cache.get()
                            .acquire(
                                    name(),
                                    status.getPath().getName(),
                                    status.getLen(),
                                    status.getModificationTime(),
                                    this::copyTo);
        }
        return lease.file();
    }

    /**
     * @return whether a local copy is held
     */
    boolean holdsLocalCopy() {
        return lease != null;
    }

    private void copyTo(Path target) throws IOException {
        try (InputStream in = fs.open(status.getPath())) {
            Files.copy(in, target);
        }
    }

    /** Lets the cache evict the local copy, if one was made. */
    @Override
    public void close() {
        if (lease != null) {
            lease.close();
            lease = null;
        }
    }
}
