package org.lowmag.cli.spark;

import org.lowmag.spark.SlideStorage;
import picocli.CommandLine.Option;

/**
 * Where executors cache slides read from Hadoop FileSystem URIs by backends that need a local file
 * (OpenSlide's formats): a picocli mixin of {@code lowmag-spark predict} and {@code evaluate}.
 */
final class SlideStorageOptions {

    @Option(
            names = "--slide-cache-gib",
            paramLabel = "GIB",
            description =
                    "Each executor's limit for local copies of slides read from URIs by OpenSlide"
                            + " (.ndpi, .mrxs ..., JPEG 2000 .svs), least recently used copies"
                            + " evicted first; TIFF slides are read in place. Default: 16.")
    double cacheGib = SlideStorage.DEFAULT_CACHE_BYTES / (double) (1L << 30);

    @Option(
            names = "--slide-cache-dir",
            paramLabel = "DIR",
            description =
                    "Local folder on every executor for those copies (each executor its own"
                            + " subfolder, deleted when it ends); default: the JVM's temporary"
                            + " folder.")
    String cacheDir;

    /**
     * @return the settings
     * @throws IllegalArgumentException when the limit is not positive
     */
    SlideStorage storage() {
        if (!(cacheGib > 0) || Double.isInfinite(cacheGib)) {
            throw new IllegalArgumentException(
                    "--slide-cache-gib must be a positive number, got " + cacheGib);
        }
        return new SlideStorage(cacheDir, (long) (cacheGib * (1L << 30)));
    }
}
