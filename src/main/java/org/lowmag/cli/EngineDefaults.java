package org.lowmag.cli;

import org.lowmag.model.OpenMpDefaults;

/**
 * Settings that must be in place before DJL loads: offline mode (libtorch comes from the {@code
 * pytorch-native-cpu} jar, never a download), the telemetry opt-out and the OpenMP wait policy.
 */
final class EngineDefaults {

    private EngineDefaults() {}

    /**
     * Sets the properties unless the user already set them, and libtorch's OpenMP wait policy (see
     * {@link OpenMpDefaults}).
     */
    static void apply() {
        OpenMpDefaults.apply();
        setIfAbsent("ai.djl.offline", "true");
        setIfAbsent("OPT_OUT_TRACKING", "true");
        setIfAbsent("java.awt.headless", "true");
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
