package org.lowmag.model;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Platform;

/**
 * How libtorch's OpenMP worker threads wait between parallel operators: LowMag lets them spin
 * briefly, then sleep ({@code GOMP_SPINCOUNT=1000}), instead of libgomp's default of spinning
 * 300,000 times, unless the user chose ({@code OMP_WAIT_POLICY} or {@code GOMP_SPINCOUNT} already
 * set).
 *
 * <p>Why: a training step is hundreds of short parallel operators, each ending at a barrier.
 * Spinning long holds a core that another process or the awaited thread needs: on 2 cores shared by
 * two training processes, ResNet-18 steps at 64 px took 0.43-0.63 s (outliers 2.3 s) with the
 * default spin, 0.13 s with {@code OMP_WAIT_POLICY=PASSIVE} (sleep at once), 0.14-0.15 s with a
 * 1000-iteration spin. Sleeping at once, though, wakes every operator late: on idle cores PASSIVE
 * made the {@code paper} network's 64 px steps 2x slower than spinning (0.0285 s against 0.0141 s
 * with the short spin, 0.0132 s with the default). The short spin keeps nearly all of the idle-core
 * speed and nearly all of the shared-core safety; {@code benchmarks/run-all.sh} measures it against
 * both.
 *
 * <p>libgomp reads the variables once, when libtorch is loaded, so {@link #apply()} must run before
 * the first use of the engine; {@link Engines} and the command line call it first. It sets the
 * variable in the native process environment (libc {@code setenv} through JNA; Java's own
 * environment map is read-only). On Windows nothing is done.
 */
public final class OpenMpDefaults {

    /** The wait-policy variable (left alone; a user's value wins). */
    public static final String WAIT_POLICY = "OMP_WAIT_POLICY";

    /** The variable set. */
    public static final String SPIN_COUNT = "GOMP_SPINCOUNT";

    /** The value set: spin 1000 times before sleeping. */
    public static final String SHORT_SPIN = "1000";

    private static volatile boolean applied;

    private OpenMpDefaults() {}

    /** The two libc functions needed. */
    interface LibC extends Library {
        int setenv(String name, String value, int overwrite);

        String getenv(String name);
    }

    /**
     * Sets {@code GOMP_SPINCOUNT=1000} in the process environment unless {@code OMP_WAIT_POLICY} or
     * {@code GOMP_SPINCOUNT} is set. Idempotent.
     *
     * @return the setting in effect afterwards, e.g. {@code GOMP_SPINCOUNT=1000} or {@code
     *     OMP_WAIT_POLICY=PASSIVE} ({@code libgomp default} when neither is set, e.g. on Windows)
     */
    public static synchronized String apply() {
        if (Platform.isWindows()) {
            return describe(System.getenv(WAIT_POLICY), System.getenv(SPIN_COUNT));
        }
        LibC libc = Native.load("c", LibC.class);
        if (!applied
                && libc.getenv(WAIT_POLICY) == null
                && libc.getenv(SPIN_COUNT) == null
                && libc.setenv(SPIN_COUNT, SHORT_SPIN, 0) != 0) {
            throw new IllegalStateException("setenv(" + SPIN_COUNT + ") failed");
        }
        applied = true;
        return describe(libc.getenv(WAIT_POLICY), libc.getenv(SPIN_COUNT));
    }

    private static String describe(String policy, String spin) {
        if (policy != null) {
            return WAIT_POLICY + "=" + policy;
        }
        return spin != null ? SPIN_COUNT + "=" + spin : "libgomp default";
    }
}
