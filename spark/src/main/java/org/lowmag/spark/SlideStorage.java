package org.lowmag.spark;

import java.io.Serializable;

/**
 * Where executors keep local copies of slides read through Hadoop FileSystem URIs by backends that
 * need a file (OpenSlide): each executor JVM gets its own {@link SlideFileCache} folder under
 * {@code cacheDir} (the JVM's temporary folder when null), holding at most {@code cacheBytes}.
 *
 * @param cacheDir the folder the caches go under, or null
 * @param cacheBytes each executor's limit in bytes, positive
 */
public record SlideStorage(String cacheDir, long cacheBytes) implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The default limit per executor: 16 GiB. */
    public static final long DEFAULT_CACHE_BYTES = 16L << 30;

    /** Checks. */
    public SlideStorage {
        if (cacheBytes <= 0) {
            throw new IllegalArgumentException(
                    "the slide cache limit must be positive, got " + cacheBytes + " bytes");
        }
    }

    /**
     * @return the default: the JVM's temporary folder, {@link #DEFAULT_CACHE_BYTES}
     */
    public static SlideStorage defaults() {
        return new SlideStorage(null, DEFAULT_CACHE_BYTES);
    }
}
