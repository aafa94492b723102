package org.lowmag.spark;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.lowmag.infer.SlidePredictor;
import org.lowmag.slide.SlideReader;
import org.lowmag.slide.SlideReaders;

/**
 * Opens the slides of a Spark task: a local path as {@code lowmag predict} opens it ({@link
 * SlideReaders#open(Path)}), a Hadoop FileSystem URI ({@link SlideUriPath}) through its FileSystem
 * ({@link SlideReaders#open(org.lowmag.slide.SlideLocation)}: TIFF slides read in place with random
 * access, other formats from the executor's local cache).
 */
final class HadoopSlideOpener implements SlidePredictor.SlideOpener {

    private final Configuration conf;
    private final HadoopSlideLocation.CacheSupplier cache;

    /**
     * @param conf the Hadoop configuration
     * @param cache the executor's slide cache, created on first use
     */
    HadoopSlideOpener(Configuration conf, HadoopSlideLocation.CacheSupplier cache) {
        this.conf = conf;
        this.cache = cache;
    }

    @Override
    public SlideReader open(Path path) throws IOException {
        if (!(path instanceof SlideUriPath slide)) {
            return SlideReaders.open(path);
        }
        HadoopSlideLocation location = HadoopSlideLocation.find(slide.uri(), conf, cache);
        try {
            SlideReader reader = SlideReaders.open(location);
            return location.holdsLocalCopy() ? new LeasedSlideReader(reader, location) : reader;
        } catch (IOException | RuntimeException e) {
            location.close();
            throw e;
        }
    }
}
