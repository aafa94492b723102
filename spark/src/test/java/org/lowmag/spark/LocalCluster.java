package org.lowmag.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * A real Spark standalone cluster on localhost, started from this module's classpath: a Master and
 * Workers, each in its own JVM ({@code org.apache.spark.deploy.master.Master}, {@code
 * org.apache.spark.deploy.worker.Worker}), as {@code sbin/start-master.sh} and {@code
 * start-worker.sh} start them. A Worker launches its executors with the jars of {@code
 * SPARK_HOME/jars}, so a folder of links to Spark's jars in {@code target/lib} serves as the Spark
 * distribution. Small heaps: the machine has 2 cores.
 */
final class LocalCluster implements AutoCloseable {

    private final Path home;
    private final Path logs;
    private final int masterPort;
    private final Process master;
    private final List<Process> workers = new ArrayList<>();

    private LocalCluster(Path home, Path logs, int masterPort, Process master) {
        this.home = home;
        this.logs = logs;
        this.masterPort = masterPort;
        this.master = master;
    }

    /**
     * Starts a Master and waits until it listens. Its Spark home holds Spark's jars only: the jars
     * of {@code lib} that the application jar does not bundle (a bundled artifact's {@code
     * META-INF/maven/GROUP/ARTIFACT/pom.properties} is in the application jar), as a Spark
     * distribution would; the application comes with {@code spark-submit}'s jar ({@code
     * spark.jars}).
     *
     * @param dir scratch folder (the Spark home of links, logs, the workers' folders)
     * @param lib the runtime jars ({@code target/lib})
     * @param appJar the module's application jar ({@code -app.jar})
     * @return the cluster
     * @throws IOException when a JVM cannot be started or the Master does not come up in 60 s
     */
    static LocalCluster start(Path dir, Path lib, Path appJar) throws IOException {
        Path home = dir.resolve("spark-home");
        Path jars = Files.createDirectories(home.resolve("jars"));
        Set<String> bundled = mavenEntries(appJar);
        try (Stream<Path> s = Files.list(lib)) {
            for (Path jar : s.toList()) {
                Set<String> own = mavenEntries(jar);
                if (own.isEmpty() || !bundled.containsAll(own)) {
                    Files.createSymbolicLink(jars.resolve(jar.getFileName()), jar.toAbsolutePath());
                }
            }
        }
        Path logs = Files.createDirectories(dir.resolve("logs"));
        int port = freePort();
        Process m =
                jvm(
                        home,
                        logs.resolve("master.log"),
                        "org.apache.spark.deploy.master.Master",
                        "--host",
                        "127.0.0.1",
                        "--port",
                        Integer.toString(port),
                        "--webui-port",
                        Integer.toString(freePort()));
        LocalCluster c = new LocalCluster(home, logs, port, m);
        c.awaitPort(port);
        return c;
    }

    /** The {@code META-INF/maven/.../pom.properties} entries of a jar. */
    private static Set<String> mavenEntries(Path jar) throws IOException {
        Set<String> out = new HashSet<>();
        try (JarFile j = new JarFile(jar.toFile())) {
            j.stream()
                    .map(JarEntry::getName)
                    .filter(n -> n.startsWith("META-INF/maven/") && n.endsWith("/pom.properties"))
                    .forEach(out::add);
        }
        return out;
    }

    /**
     * @return the master URL
     */
    String url() {
        return "spark://127.0.0.1:" + masterPort;
    }

    /**
     * Starts a Worker with one core.
     *
     * @param memory memory it offers executors, e.g. {@code 2g}
     * @return its process
     * @throws IOException when the JVM cannot be started
     */
    Process addWorker(String memory) throws IOException {
        int n = workers.size();
        Path work = Files.createDirectories(home.getParent().resolve("work-" + n));
        Process w =
                jvm(
                        home,
                        logs.resolve("worker-" + n + ".log"),
                        "org.apache.spark.deploy.worker.Worker",
                        "--host",
                        "127.0.0.1",
                        "--cores",
                        "1",
                        "--memory",
                        memory,
                        "--work-dir",
                        work.toString(),
                        "--webui-port",
                        Integer.toString(freePort()),
                        url());
        workers.add(w);
        return w;
    }

    /** A count of files written so far. */
    @FunctionalInterface
    interface Count {
        /**
         * @return the count
         * @throws IOException when it cannot be taken
         */
        int get() throws IOException;
    }

    /**
     * Waits (5 min at most) until {@code count} reaches {@code n} while {@code job} runs.
     *
     * @param count what to count
     * @param n the count to wait for
     * @param what what is counted, for the timeout's message
     * @param job the job
     * @return the count then
     * @throws Exception the job's error when it ended first, or a timeout naming the logs
     */
    int await(Count count, int n, String what, CompletableFuture<?> job) throws Exception {
        long end = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (System.nanoTime() < end) {
            if (job.isDone()) {
                job.get(); // the job's error, if any
                throw new IllegalStateException("the job ended before a worker could be killed");
            }
            int done = count.get();
            if (done >= n) {
                return done;
            }
            sleep(50);
        }
        throw new TimeoutException("fewer than " + n + " " + what + " in 5 min; see " + logs);
    }

    /**
     * @return the logs folder (master, workers; executors' logs are under the work folders)
     */
    Path logs() {
        return logs;
    }

    private static Process jvm(Path home, Path log, String main, String... args)
            throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx256m");
        cmd.add("-cp");
        cmd.add(home.resolve("jars") + "/*");
        cmd.add(main);
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.redirectOutput(log.toFile());
        Map<String, String> env = pb.environment();
        env.put("SPARK_HOME", home.toString());
        env.put("SPARK_SCALA_VERSION", "2.13");
        env.put("SPARK_LOCAL_IP", "127.0.0.1");
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.put("OPT_OUT_TRACKING", "true");
        return pb.start();
    }

    private void awaitPort(int port) throws IOException {
        long end = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < end) {
            if (!master.isAlive()) {
                throw new IOException("the Spark Master ended; see " + logs.resolve("master.log"));
            }
            try (Socket s = new Socket("127.0.0.1", port)) {
                if (s.isConnected()) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            sleep(200);
        }
        throw new IOException("the Spark Master did not listen within 60 s; see " + logs);
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        for (Process w : workers) {
            w.descendants().forEach(ProcessHandle::destroyForcibly);
            w.destroyForcibly();
        }
        master.destroyForcibly();
        try (Stream<Path> links = Files.list(home.resolve("jars"))) {
            for (Path link : links.toList()) {
                Files.deleteIfExists(link); // the link, not the jar it points to
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the links in " + home, e);
        }
    }
}
