package org.lowmag.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.SparkEnv;
import org.lowmag.infer.PredictSession;

/**
 * The model of each executor JVM, loaded once by the first task that needs it and shared by all
 * later and concurrent tasks with the same settings ({@link PredictSession} is thread-safe); closed
 * when the executor's JVM ends.
 */
final class ExecutorSessions {

    /** DJL's system property for libtorch's intra-op threads. */
    static final String TORCH_THREADS = "ai.djl.pytorch.num_threads";

    private static final Map<PredictSettings, PredictSession> SESSIONS = new HashMap<>();

    static {
        Runtime.getRuntime()
                .addShutdownHook(new Thread(ExecutorSessions::closeAll, "lowmag-sessions"));
    }

    private ExecutorSessions() {}

    /**
     * @param s the settings
     * @param storage the local cache for slides read from URIs (the first session's is kept)
     * @param slide a slide of the task (the session reads no inputs; the core's config wants one)
     * @return this JVM's session for the settings, opening local paths and Hadoop URIs ({@link
     *     ExecutorSlides#opener})
     */
    static synchronized PredictSession of(PredictSettings s, SlideStorage storage, Path slide) {
        PredictSession session = SESSIONS.get(s);
        if (session == null) {
            int slots = taskSlots();
            // one libtorch pool per executor, as wide as its task slots (no oversubscription);
            // read when the engine starts (a JVM that started it already keeps its own)
            if (System.getProperty(TORCH_THREADS) == null) {
                System.setProperty(TORCH_THREADS, Integer.toString(slots));
            }
            try {
                session =
                        PredictSession.open(
                                s.toConfig(List.of(slide), slots, ExecutorSlides.opener(storage)),
                                false);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot load the model " + s.model(), e);
            }
            SESSIONS.put(s, session);
        }
        return session;
    }

    /**
     * @return the tasks this executor runs at once: {@code spark.executor.cores}, or the JVM's
     *     processors (local mode, where the driver is the executor)
     */
    private static int taskSlots() {
        int cores = Runtime.getRuntime().availableProcessors();
        SparkEnv env = SparkEnv.get();
        return env == null ? cores : Math.max(1, env.conf().getInt("spark.executor.cores", cores));
    }

    private static synchronized void closeAll() {
        SESSIONS.values().forEach(PredictSession::close);
        SESSIONS.clear();
    }
}
