package org.lowmag.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.SparkEnv;
import org.apache.spark.deploy.SparkHadoopUtil;

/**
 * What an executor JVM needs to read slides given as URIs: the Hadoop configuration (Hadoop's
 * defaults and {@code *-site.xml} on the classpath or in {@code HADOOP_CONF_DIR}, plus every {@code
 * spark.hadoop.*} setting of the application) and its one {@link SlideFileCache}, created on first
 * use and deleted when the JVM ends. The first job's {@link SlideStorage} sets the cache.
 */
final class ExecutorSlides {

    private static SlideFileCache cache;

    private ExecutorSlides() {}

    /**
     * @param storage where the cache goes and its limit
     * @return an opener for this executor's tasks
     */
    static HadoopSlideOpener opener(SlideStorage storage) {
        return new HadoopSlideOpener(hadoopConf(), () -> cache(storage));
    }

    /**
     * @return this JVM's Hadoop configuration, as Spark builds it from its settings
     */
    static Configuration hadoopConf() {
        SparkEnv env = SparkEnv.get();
        return env == null
                ? new Configuration()
                : SparkHadoopUtil.get().newConfiguration(env.conf());
    }

    private static synchronized SlideFileCache cache(SlideStorage storage) throws IOException {
        if (cache == null) {
            Path base =
                    Path.of(
                            storage.cacheDir() == null
                                    ? System.getProperty("java.io.tmpdir")
                                    : storage.cacheDir());
            Path dir = Files.createTempDirectory(Files.createDirectories(base), "lowmag-slides-");
            cache = new SlideFileCache(dir, storage.cacheBytes());
            Runtime.getRuntime()
                    .addShutdownHook(new Thread(() -> delete(dir), "lowmag-slide-cache"));
        }
        return cache;
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder())
                    .forEach(
                            p -> {
                                try {
                                    Files.deleteIfExists(p);
                                } catch (IOException e) {
                                    throw new UncheckedIOException(e);
                                }
                            });
        } catch (IOException | UncheckedIOException e) {
            System.err.println("lowmag-spark: could not delete the slide cache " + dir + ": " + e);
        }
    }
}
