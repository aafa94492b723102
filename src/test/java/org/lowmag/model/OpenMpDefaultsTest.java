package org.lowmag.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.jna.Native;
import com.sun.jna.Platform;
import org.junit.jupiter.api.Test;

/** The OpenMP spin count lands in the native environment, without overriding a user's choice. */
class OpenMpDefaultsTest {

    @Test
    void setsAShortSpinUnlessTheUserChose() {
        assumeTrue(!Platform.isWindows(), "setenv is not used on Windows");
        String policy = System.getenv(OpenMpDefaults.WAIT_POLICY);
        String spin = System.getenv(OpenMpDefaults.SPIN_COUNT);
        String effect = OpenMpDefaults.apply();
        OpenMpDefaults.LibC libc = Native.load("c", OpenMpDefaults.LibC.class);
        if (policy != null) {
            assertEquals("OMP_WAIT_POLICY=" + policy, effect, "a user's OMP_WAIT_POLICY is kept");
            assertEquals(spin, libc.getenv(OpenMpDefaults.SPIN_COUNT), "nothing added");
        } else if (spin != null) {
            assertEquals("GOMP_SPINCOUNT=" + spin, effect, "a user's GOMP_SPINCOUNT is kept");
        } else {
            assertEquals("GOMP_SPINCOUNT=1000", effect);
            assertEquals(OpenMpDefaults.SHORT_SPIN, libc.getenv(OpenMpDefaults.SPIN_COUNT));
        }
        assertEquals(effect, OpenMpDefaults.apply(), "idempotent");
    }
}
