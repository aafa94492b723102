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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerExecutorRemoved;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lowmag.infer.PredictJob;
import org.lowmag.infer.SlideOutcome;
import org.lowmag.model.TorchOps;

/**
 * {@code lowmag-spark predict} on a real standalone cluster on localhost (a Master and two one-core
 * Workers in their own JVMs, {@link LocalCluster}) over 20 synthetic slides; one Worker is killed
 * ({@code SIGKILL}) once a few slides are done. Spark runs the lost tasks again on the other
 * Worker: every slide has exactly one row, status ok (or skipped: done by the killed attempt), its
 * outputs identical to {@code lowmag predict}'s with the executors' one libtorch thread (timing
 * fields aside) and no torn or temporary file is left. Then, on the same cluster with a new Worker,
 * {@code lowmag-spark prepare --slides} over the same slides, the new Worker killed during the job
 * ({@link ClusterPrepareCheck}): the dataset is {@code lowmag prepare}'s.
 */
class StandaloneClusterIT {

    static final int SLIDES = 20;

    @TempDir Path tmp;

    @Test
    void predictAndPrepareSurviveAKilledWorker() throws Exception {
        Path model = SparkFixtures.model(tmp.resolve("model"));
        List<Path> slides = SparkFixtures.slides(tmp.resolve("slides"), SLIDES);
        Path single = tmp.resolve("single");
        Path spread = tmp.resolve("spark");
        PredictSettings s = PredictSettings.of(model, spread).withHeatmaps(true);
        // with the one libtorch thread of each one-core executor (ExecutorSessions): its sums, and
        // so the probabilities' last digits, can depend on the thread count (seen on an Intel Xeon)
        int torchThreads = TorchOps.getNumThreads();
        TorchOps.setNumThreads(1);
        try {
            PredictJob.run(
                    PredictSettings.of(model, single).withHeatmaps(true).toConfig(slides, 2));
        } finally {
            TorchOps.setNumThreads(torchThreads);
        }

        Path lib = Path.of(System.getProperty("lowmag.spark.lib"));
        Path jar = Path.of(System.getProperty("lowmag.spark.appJar"));
        try (LocalCluster cluster = LocalCluster.start(tmp.resolve("cluster"), lib, jar)) {
            Process victim = cluster.addWorker("2g");
            cluster.addWorker("2g");
            SparkSession spark =
                    SparkSession.builder()
                            .master(cluster.url())
                            .appName("lowmag predict (worker-kill test)")
                            .config("spark.driver.host", "127.0.0.1")
                            .config("spark.jars", jar.toString())
                            .config("spark.executor.memory", "1g")
                            .config("spark.executor.cores", "1")
                            .config("spark.cores.max", "2")
                            .config(
                                    "spark.executor.extraJavaOptions",
                                    "-Dai.djl.offline=true -Djava.awt.headless=true")
                            .config("spark.executorEnv.OPT_OUT_TRACKING", "true")
                            .getOrCreate();
            try {
                AtomicInteger lost = new AtomicInteger();
                spark.sparkContext()
                        .addSparkListener(
                                new SparkListener() {
                                    @Override
                                    public void onExecutorRemoved(SparkListenerExecutorRemoved e) {
                                        lost.incrementAndGet();
                                    }
                                });
                CompletableFuture<PredictJob.Result> job =
                        CompletableFuture.supplyAsync(() -> run(spark, s, slides));
                int doneAtKill = cluster.await(() -> jsons(spread), 3, "slides done", job);
                victim.descendants().forEach(ProcessHandle::destroyForcibly);
                victim.destroyForcibly();
                PredictJob.Result r = job.get(8, TimeUnit.MINUTES);

                assertTrue(doneAtKill < SLIDES, "killed during the job: " + doneAtKill);
                assertTrue(lost.get() >= 1, "Spark lost the killed worker's executor");
                assertEquals(SLIDES, r.slides().size());
                Set<String> names = new HashSet<>();
                for (SlideOutcome o : r.slides()) {
                    // a killed attempt may have finished its slide (SLIDE.json written) before its
                    // result reached the driver: the retry finds it done and skips it
                    assertNotEquals(SlideOutcome.Status.FAILED, o.status(), o.toString());
                    assertTrue(names.add(o.name()), "one row per slide: " + o.name());
                }
                assertEquals(
                        SLIDES + 1, Files.readAllLines(spread.resolve(ResultsTable.CSV)).size());
                assertEquals(SLIDES * 5, SameOutputs.check(single, spread));
                try (Stream<Path> files = Files.list(spread)) {
                    assertEquals(
                            List.of(),
                            files.map(p -> p.getFileName().toString())
                                    .filter(n -> n.endsWith(".tmp"))
                                    .toList(),
                            "no temporary file left");
                }

                // prepare on the same cluster: a new Worker replaces the killed one, then dies too
                int lostBefore = lost.get();
                Process second = cluster.addWorker("2g");
                ClusterPrepareCheck.run(
                        spark, cluster, second, tmp.resolve("slides"), tmp.resolve("prepare"));
                assertTrue(
                        lost.get() > lostBefore, "Spark lost the second killed worker's executor");
            } finally {
                spark.stop();
            }
        }
    }

    private static PredictJob.Result run(SparkSession spark, PredictSettings s, List<Path> in) {
        try {
            return SparkPredictJob.run(spark, new SparkPredictJob.Config(s, in));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int jsons(Path out) throws IOException {
        if (!Files.isDirectory(out)) {
            return 0;
        }
        try (Stream<Path> s = Files.list(out)) {
            return (int)
                    s.map(p -> p.getFileName().toString())
                            .filter(f -> f.startsWith("slide-") && f.endsWith(".json"))
                            .count();
        }
    }
}
