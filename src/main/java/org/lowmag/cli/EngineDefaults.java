package org.lowmag.cli;

/**
 * System properties that must be in place before DJL loads: offline mode (libtorch comes from the
 * {@code pytorch-native-cpu} jar, never a download) and the telemetry opt-out.
 */
final class EngineDefaults {

    private EngineDefaults() {}

    /** Sets the properties unless the user already set them. */
    static void apply() {
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
