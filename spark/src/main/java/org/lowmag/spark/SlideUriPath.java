package org.lowmag.spark;

import java.io.IOException;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.Objects;

/**
 * A slide given as a Hadoop FileSystem URI ({@code hdfs://nn/slides/a.svs}, {@code
 * s3a://bucket/a.ndpi}, {@code file:///data/a.tif}) seen as a {@link Path}, so that the core's
 * prediction bookkeeping (the output name from the file name, the {@code slide} field of {@code
 * SLIDE.json} and {@code summary.csv}, messages) names the URI unchanged, while {@link
 * HadoopSlideOpener} reads it through Hadoop. It is a name, not a file of the default filesystem:
 * {@code java.nio.file.Files} refuses it ({@link java.nio.file.ProviderMismatchException}); {@link
 * #getFileName()} and the name elements are those of the URI's path; it is always absolute.
 */
final class SlideUriPath implements Path {

    private final URI uri;

    /**
     * @param uri an absolute URI with a scheme and a path
     */
    SlideUriPath(URI uri) {
        if (uri.getScheme() == null || uri.getPath() == null || uri.getPath().isEmpty()) {
            throw new IllegalArgumentException("not a slide URI (scheme://.../file): " + uri);
        }
        this.uri = uri.normalize();
    }

    /**
     * @return the URI
     */
    URI uri() {
        return uri;
    }

    /** The URI's path as a local-style path, for the name elements. */
    private Path local() {
        return Path.of(uri.getPath());
    }

    @Override
    public FileSystem getFileSystem() {
        return FileSystems.getDefault();
    }

    @Override
    public boolean isAbsolute() {
        return true;
    }

    @Override
    public Path getRoot() {
        return null;
    }

    @Override
    public Path getFileName() {
        return local().getFileName();
    }

    @Override
    public Path getParent() {
        Path parent = local().getParent();
        return parent == null ? null : new SlideUriPath(uri.resolve("."));
    }

    @Override
    public int getNameCount() {
        return local().getNameCount();
    }

    @Override
    public Path getName(int index) {
        return local().getName(index);
    }

    @Override
    public Path subpath(int beginIndex, int endIndex) {
        return local().subpath(beginIndex, endIndex);
    }

    @Override
    public boolean startsWith(Path other) {
        return toString().startsWith(other.toString());
    }

    @Override
    public boolean endsWith(Path other) {
        return local().endsWith(other);
    }

    @Override
    public Path normalize() {
        return this;
    }

    @Override
    public Path resolve(Path other) {
        return new SlideUriPath(uri.resolve(other.toString()));
    }

    @Override
    public Path relativize(Path other) {
        throw new UnsupportedOperationException("relativize is not defined for the URI " + uri);
    }

    @Override
    public URI toUri() {
        return uri;
    }

    @Override
    public Path toAbsolutePath() {
        return this;
    }

    @Override
    public Path toRealPath(LinkOption... options) {
        return this;
    }

    @Override
    public WatchKey register(
            WatchService watcher, WatchEvent.Kind<?>[] events, WatchEvent.Modifier... modifiers)
            throws IOException {
        throw new UnsupportedOperationException("a slide URI cannot be watched: " + uri);
    }

    @Override
    public int compareTo(Path other) {
        return toString().compareTo(other.toString());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SlideUriPath p && p.uri.equals(uri);
    }

    @Override
    public int hashCode() {
        return Objects.hash(uri);
    }

    @Override
    public String toString() {
        return uri.toString();
    }
}
