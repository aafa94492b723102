package org.lowmag.model;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;

/** Test fixtures for exports: saved models whose every parameter is seeded noise. */
final class ExportFixtures {

    private ExportFixtures() {}

    /**
     * The metadata of a test model.
     *
     * @param arch architecture name
     * @param classes number of classes ({@code c0, c1, ...})
     * @param norm the standardisation
     * @param config the run configuration (padding settings)
     * @return the metadata
     */
    static ModelInfo info(
            String arch, int classes, Normalization norm, Map<String, Object> config) {
        return new ModelInfo(
                ModelInfo.FORMAT_VERSION,
                arch,
                IntStream.range(0, classes).mapToObj(i -> "c" + i).toList(),
                2.5,
                norm,
                "student",
                11L,
                config,
                Map.of("lowmag_version", "test"));
    }

    /** A standardisation away from the identity, so that a lost mean or std shows. */
    static Normalization skewedNorm() {
        return new Normalization(List.of(0.8, 0.55, 0.7), List.of(0.12, 0.2, 0.15));
    }

    /**
     * Adds {@code N(0, 0.1^2)} noise to every parameter, so GroupNorm's gamma is not 1, its beta
     * and the FC bias not 0 (a swapped weight and bias would then change the logits).
     *
     * @param model the model to change in place
     * @param seed the noise's seed
     */
    static void perturb(LowMagModel model, long seed) {
        Random r = new Random(seed);
        for (Pair<String, Parameter> p : model.net().getParameters()) {
            NDArray a = p.getValue().getArray();
            float[] v = a.toFloatArray();
            for (int i = 0; i < v.length; i++) {
                v[i] += (float) (0.1 * r.nextGaussian());
            }
            a.set(FloatBuffer.wrap(v));
        }
    }

    /**
     * Creates, perturbs and saves a model.
     *
     * @param dir the model folder
     * @param info its metadata
     * @param seed the engine and noise seed
     * @return the folder
     * @throws IOException when saving fails
     */
    static Path savedModel(Path dir, ModelInfo info, long seed) throws IOException {
        Engines.seed(seed);
        try (LowMagModel m = LowMagModel.create(info)) {
            perturb(m, seed);
            m.save(dir);
        }
        return dir;
    }
}
