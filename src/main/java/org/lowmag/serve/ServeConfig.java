package org.lowmag.serve;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * How {@code lowmag serve} runs.
 *
 * @param predictionDirs folders of {@code lowmag predict} outputs
 * @param slideDirs folders of slides
 * @param labels a {@code slide,patient,label} CSV of known labels, if any
 * @param host the address to bind ({@code 127.0.0.1} by default: this machine only)
 * @param port the TCP port, 0 for any free one
 * @param cacheBytes the tile cache's bound, bytes
 * @param maxOpenSlides the most slide readers kept open at once
 * @param maxConcurrentRenders the most tiles rendered at once
 */
public record ServeConfig(
        List<Path> predictionDirs,
        List<Path> slideDirs,
        Optional<Path> labels,
        String host,
        int port,
        long cacheBytes,
        int maxOpenSlides,
        int maxConcurrentRenders) {

    /** The default address: this machine only. */
    public static final String DEFAULT_HOST = "127.0.0.1";

    /** The default tile cache, 256 MiB. */
    public static final long DEFAULT_CACHE_BYTES = 256L << 20;

    /** Validates. */
    public ServeConfig {
        predictionDirs = List.copyOf(predictionDirs);
        slideDirs = List.copyOf(slideDirs);
        if (predictionDirs.isEmpty() && slideDirs.isEmpty()) {
            throw new IllegalArgumentException(
                    "nothing to serve: give --predictions DIR (lowmag predict's --out) and/or"
                            + " --slides DIR");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("--port must be in 0..65535, got " + port);
        }
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("--host must name an address, got an empty one");
        }
        if (cacheBytes < 0) {
            throw new IllegalArgumentException("--cache-mb must be >= 0, got " + cacheBytes);
        }
        if (maxOpenSlides < 1 || maxConcurrentRenders < 1) {
            throw new IllegalArgumentException(
                    "open slides and concurrent renders must be >= 1, got "
                            + maxOpenSlides
                            + " and "
                            + maxConcurrentRenders);
        }
    }

    /**
     * @param predictionDirs folders of predictions
     * @param slideDirs folders of slides
     * @return a configuration with the defaults: 127.0.0.1:8080, a 256 MiB cache, 64 open slides,
     *     {@code 2 x cores} concurrent renders
     */
    public static ServeConfig defaults(List<Path> predictionDirs, List<Path> slideDirs) {
        return new ServeConfig(
                predictionDirs,
                slideDirs,
                Optional.empty(),
                DEFAULT_HOST,
                8080,
                DEFAULT_CACHE_BYTES,
                64,
                2 * Runtime.getRuntime().availableProcessors());
    }

    /**
     * @param newHost the address
     * @param newPort the port
     * @return this configuration bound there
     */
    public ServeConfig at(String newHost, int newPort) {
        return new ServeConfig(
                predictionDirs,
                slideDirs,
                labels,
                newHost,
                newPort,
                cacheBytes,
                maxOpenSlides,
                maxConcurrentRenders);
    }
}
