package org.lowmag.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.jna.Native;
import com.sun.jna.Platform;
import org.junit.jupiter.api.Test;

/** The OpenMP wait policy lands in the native environment, without overriding a user's choice. */
class OpenMpDefaultsTest {

    @Test
    void setsPassiveUnlessTheUserChose() {
        assumeTrue(!Platform.isWindows(), "setenv is not used on Windows");
        String before = System.getenv(OpenMpDefaults.WAIT_POLICY);
        boolean userSpin = System.getenv("GOMP_SPINCOUNT") != null;
        String policy = OpenMpDefaults.apply();
        OpenMpDefaults.LibC libc = Native.load("c", OpenMpDefaults.LibC.class);
        assertEquals(policy, libc.getenv(OpenMpDefaults.WAIT_POLICY));
        if (before != null) {
            assertEquals(before, policy, "a user's OMP_WAIT_POLICY is kept");
        } else if (!userSpin) {
            assertEquals(OpenMpDefaults.PASSIVE, policy);
        }
        assertEquals(policy, OpenMpDefaults.apply(), "idempotent");
    }
}
