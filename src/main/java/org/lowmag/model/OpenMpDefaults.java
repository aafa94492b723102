package org.lowmag.model;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Platform;

/**
 * How libtorch's OpenMP worker threads wait between parallel operators: LowMag makes them sleep at
 * once ({@code OMP_WAIT_POLICY=PASSIVE}) instead of spinning first, unless the user chose ({@code
 * OMP_WAIT_POLICY} or {@code GOMP_SPINCOUNT} already set).
 *
 * <p>Why: a training step is hundreds of short parallel operators, each ending at a barrier. When
 * other processes share the cores (a shared server, several jobs), a spinning thread holds a core
 * that the thread it waits for needs, and every barrier can cost a scheduler time slice: on 2 cores
 * shared with other work, ResNet-18 training steps at 64 px were measured 30x slower with libgomp's
 * default than with the passive policy (which was as fast as one thread). On an idle machine
 * spinning may win a little; the benchmark suite measures both ({@code benchmarks/run-all.sh}).
 *
 * <p>libgomp reads the variable once, when libtorch is loaded, so {@link #apply()} must run before
 * the first use of the engine; {@link Engines} and the command line call it first. It sets the
 * variable in the native process environment (libc {@code setenv} through JNA; Java's own
 * environment map is read-only). On Windows nothing is done.
 */
public final class OpenMpDefaults {

    /** The variable set. */
    public static final String WAIT_POLICY = "OMP_WAIT_POLICY";

    /** The value set. */
    public static final String PASSIVE = "PASSIVE";

    private static volatile boolean applied;

    private OpenMpDefaults() {}

    /** The two libc functions needed. */
    interface LibC extends Library {
        int setenv(String name, String value, int overwrite);

        String getenv(String name);
    }

    /**
     * Sets {@code OMP_WAIT_POLICY=PASSIVE} in the process environment unless {@code
     * OMP_WAIT_POLICY} or {@code GOMP_SPINCOUNT} is set. Idempotent.
     *
     * @return the wait policy in effect afterwards (null when none is set, e.g. on Windows or when
     *     only {@code GOMP_SPINCOUNT} is)
     */
    public static synchronized String apply() {
        if (Platform.isWindows()) {
            return System.getenv(WAIT_POLICY);
        }
        LibC libc = Native.load("c", LibC.class);
        if (!applied
                && libc.getenv(WAIT_POLICY) == null
                && libc.getenv("GOMP_SPINCOUNT") == null
                && libc.setenv(WAIT_POLICY, PASSIVE, 0) != 0) {
            throw new IllegalStateException("setenv(" + WAIT_POLICY + ") failed");
        }
        applied = true;
        return libc.getenv(WAIT_POLICY);
    }
}
