package org.lowmag.bench;

import ai.djl.engine.Engine;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.lowmag.dataset.RgbImage;
import org.lowmag.model.Engines;
import org.lowmag.model.LowMagModel;
import org.lowmag.model.ModelInfo;
import org.lowmag.model.Normalization;
import org.lowmag.model.OpenMpDefaults;
import org.lowmag.model.TorchOps;

/** Models, images and engine settings shared by the benchmarks. */
final class BenchModels {

    /** Classes of every benchmark model. */
    static final int CLASSES = 3;

    /** LowMag's default {@code --max-batch-pixels}. */
    static final long MAX_BATCH_PIXELS = 1L << 20;

    private BenchModels() {}

    /**
     * Starts the engine with a fixed number of intra-op threads (inter-op: 1).
     *
     * @param threads libtorch intra-op threads
     */
    static void engine(int threads) {
        String policy = OpenMpDefaults.apply();
        Engine.getInstance();
        TorchOps.setNumThreads(threads);
        System.out.printf(
                "libtorch %s, %d intra-op threads, OpenMP wait: %s%n",
                Engines.engineVersion(), TorchOps.getNumThreads(), policy);
    }

    /**
     * A freshly initialised model with gradients enabled on every parameter.
     *
     * @param arch architecture name
     * @param magnification its magnification (metadata only)
     * @param seed engine seed
     * @return the model
     */
    static LowMagModel create(String arch, double magnification, long seed) {
        Engines.seed(seed);
        List<String> names = IntStream.range(0, CLASSES).mapToObj(i -> "c" + i).toList();
        LowMagModel m =
                LowMagModel.create(
                        new ModelInfo(
                                ModelInfo.FORMAT_VERSION,
                                arch,
                                names,
                                magnification,
                                Normalization.IDENTITY,
                                "benchmark",
                                seed,
                                Map.of(),
                                Map.of()));
        for (Pair<String, Parameter> p : m.net().getParameters()) {
            p.getValue().getArray().setRequiresGradient(true);
        }
        return m;
    }

    /**
     * Seeded noise images.
     *
     * @param count how many
     * @param sidePx their side
     * @param seed pixel seed
     * @return square RGB images
     */
    static List<RgbImage> images(int count, int sidePx, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        return IntStream.range(0, count)
                .mapToObj(
                        i -> {
                            byte[][] planes = new byte[3][sidePx * sidePx];
                            for (byte[] p : planes) {
                                for (int j = 0; j < p.length; j++) {
                                    p[j] = (byte) r.nextInt(256);
                                }
                            }
                            return new RgbImage(sidePx, sidePx, planes);
                        })
                .toList();
    }
}
