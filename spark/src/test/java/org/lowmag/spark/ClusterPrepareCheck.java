package org.lowmag.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.lowmag.prepare.PrepareConfig;
import org.lowmag.prepare.PrepareJob;

/**
 * The prepare half of {@link StandaloneClusterIT}, on its cluster: {@code lowmag-spark prepare
 * --slides} over its synthetic slides (cut at 2.5x and 1.25x), one Worker killed ({@code SIGKILL})
 * once a few tissue images are written. Every slide has exactly one row, none failed, the dataset
 * is {@code lowmag prepare}'s ({@link SameDataset}) and no temporary image is left.
 */
final class ClusterPrepareCheck {

    private ClusterPrepareCheck() {}

    /**
     * @param spark a session on the cluster
     * @param cluster the cluster
     * @param victim the Worker to kill during the job
     * @param slides the slide folder
     * @param dir scratch folder
     * @throws Exception when a check fails or the job does
     */
    static void run(SparkSession spark, LocalCluster cluster, Process victim, Path slides, Path dir)
            throws Exception {
        List<Path> files;
        try (Stream<Path> f = Files.list(slides)) {
            files = f.filter(p -> p.toString().endsWith(".svs")).sorted().toList();
        }
        Path labels =
                SparkFixtures.labels(files, Files.createDirectories(dir).resolve("labels.csv"));
        Path single = dir.resolve("prepare-single");
        Path spread = dir.resolve("prepare-spark");
        PrepareJob.run(SparkFixtures.prepareConfig(slides, labels, single));
        awaitExecutors(spark, 2, cluster);
        PrepareConfig cfg = SparkFixtures.prepareConfig(slides, labels, spread);
        SlideCutSettings s = SlideCutSettings.of(cfg, null);
        CompletableFuture<SparkPrepareJob.Outcome> job =
                CompletableFuture.supplyAsync(() -> prepare(spark, cfg, s));
        int imagesAtKill =
                cluster.await(() -> pngs(spread.resolve("tissues")), 4, "tissue images", job);
        victim.descendants().forEach(ProcessHandle::destroyForcibly);
        victim.destroyForcibly();
        SparkPrepareJob.Outcome o = job.get(8, TimeUnit.MINUTES);

        int images = SameDataset.check(single, spread) - 3;
        assertTrue(imagesAtKill < images, "killed during the job: " + imagesAtKill + "/" + images);
        int slideCount = files.size();
        assertEquals(slideCount, o.rows().size());
        Set<String> ids = new HashSet<>();
        for (SlideCutRow r : o.rows()) {
            assertNotEquals(SlideCutRow.Status.FAILED, r.status(), r.toString());
            assertTrue(ids.add(r.id()), "one row per slide: " + r.id());
        }
        assertEquals(slideCount + 1, Files.readAllLines(spread.resolve(PrepareResults.CSV)).size());
        try (Stream<Path> walk = Files.walk(spread)) {
            assertEquals(
                    List.of(),
                    walk.map(p -> p.getFileName().toString())
                            .filter(n -> n.endsWith(".tmp"))
                            .toList(),
                    "no temporary file left");
        }
    }

    private static SparkPrepareJob.Outcome prepare(
            SparkSession spark, PrepareConfig cfg, SlideCutSettings s) {
        try {
            return SparkPrepareJob.run(spark, cfg, s);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Waits until the application has {@code n} executors (the victim's among them) and warms them.
     */
    private static void awaitExecutors(SparkSession spark, int n, LocalCluster cluster)
            throws TimeoutException {
        long end = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        // the driver is one of the block managers
        while (spark.sparkContext().getExecutorMemoryStatus().size() < n + 1) {
            if (System.nanoTime() > end) {
                throw new TimeoutException(
                        "fewer than " + n + " executors in 2 min; see " + cluster.logs());
            }
            LocalCluster.sleep(100);
        }
        // one task per executor at once: each fetches the application jar now, so that the
        // victim is killed while it cuts slides, not while it still downloads the jar
        // (count: Spark's own function, no test class the executors lack)
        JavaSparkContext.fromSparkContext(spark.sparkContext())
                .parallelize(List.of(1, 2), n)
                .count();
    }

    private static int pngs(Path tissues) throws IOException {
        if (!Files.isDirectory(tissues)) {
            return 0;
        }
        try (Stream<Path> s = Files.walk(tissues)) {
            return (int) s.filter(p -> p.getFileName().toString().endsWith(".png")).count();
        }
    }
}
