package org.lowmag.model;

import ai.djl.Device;
import ai.djl.engine.Engine;

/**
 * The deep-learning engine's process-wide settings: device and random seed. LowMag runs DJL's
 * PyTorch engine with libtorch from the {@code pytorch-native-cpu} jar, offline. Loading this class
 * applies {@link OpenMpDefaults} (before libtorch is loaded, when this class is the first to touch
 * the engine).
 */
public final class Engines {

    static {
        OpenMpDefaults.apply();
    }

    private static volatile Device device = Device.cpu();

    private Engines() {}

    /**
     * The device models are created on. The first call loads the PyTorch engine and applies {@link
     * Nnpack} (NNPACK off), so every model LowMag creates or loads runs with it.
     *
     * @return the device (CPU unless {@link #useDevice} chose a GPU)
     */
    public static Device device() {
        Nnpack.apply();
        return device;
    }

    /**
     * Chooses the device: {@code cpu} or {@code gpu}. A GPU is only accepted when the engine has
     * one (LowMag's default libtorch is CPU-only).
     *
     * @param name {@code cpu} or {@code gpu}
     * @throws IllegalArgumentException when the name is unknown or no GPU is available
     */
    public static void useDevice(String name) {
        switch (name) {
            case "cpu" -> device = Device.cpu();
            case "gpu" -> {
                int gpus = Engine.getEngine("PyTorch").getGpuCount();
                if (gpus == 0) {
                    throw new IllegalArgumentException(
                            "--device gpu: the PyTorch engine sees no GPU (LowMag ships the CPU"
                                    + " build of libtorch; a CUDA build of libtorch is needed)");
                }
                device = Device.gpu();
            }
            default ->
                    throw new IllegalArgumentException(
                            "--device '" + name + "' is not one of cpu, gpu");
        }
    }

    /**
     * Seeds the engine's random generator (weight initialisation, dropout).
     *
     * @param seed the seed
     */
    public static void seed(long seed) {
        Engine.getEngine("PyTorch").setRandomSeed((int) (seed ^ (seed >>> 32)));
    }

    /**
     * @return the engine's version string (e.g. libtorch 2.7.1)
     */
    public static String engineVersion() {
        return Engine.getEngine("PyTorch").getVersion();
    }
}
