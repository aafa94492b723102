package org.lowmag.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.djl.engine.Engine;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lowmag.dataset.RgbImage;

/**
 * GPU check (skipped without a GPU, i.e. with LowMag's default CPU libtorch): a model saved on the
 * CPU and loaded with {@code --device gpu} gives the CPU's logits.
 */
@Tag("engine")
class GpuDeviceTest {

    @TempDir Path tmp;

    private static float[] logits(LowMagModel model, RgbImage image) {
        return BatchedInference.run(model, List.of(image), 1 << 20, BatchedInference.Keep.LOGITS)
                .get(0)
                .logits();
    }

    @Test
    void aModelLoadedOnTheGpuGivesTheCpusLogits() throws IOException {
        assumeTrue(
                Engine.getEngine("PyTorch").getGpuCount() > 0,
                "no GPU: the PyTorch engine sees none (a CUDA libtorch and a GPU are needed)");
        ModelInfo info =
                new ModelInfo(
                        ModelInfo.FORMAT_VERSION,
                        "paper",
                        List.of("a", "b", "c"),
                        5.0,
                        Normalization.IDENTITY,
                        "untrained",
                        3L,
                        Map.of(),
                        Map.of());
        SplittableRandom rnd = new SplittableRandom(5);
        BufferedImage img = new BufferedImage(96, 64, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                img.setRGB(x, y, rnd.nextInt(1 << 24));
            }
        }
        RgbImage input = RgbImage.of(img);
        Path dir = tmp.resolve("model");
        float[] cpu;
        Engines.useDevice("cpu");
        Engines.seed(3);
        try (LowMagModel model = LowMagModel.create(info)) {
            model.save(dir);
            cpu = logits(model, input);
        }
        try {
            Engines.useDevice("gpu");
            try (LowMagModel model = LowMagModel.load(dir)) {
                assertEquals("gpu", model.djlModel().getNDManager().getDevice().getDeviceType());
                float[] gpu = logits(model, input);
                for (int k = 0; k < cpu.length; k++) {
                    assertEquals(cpu[k], gpu[k], 1e-3 * (1 + Math.abs(cpu[k])), "class " + k);
                }
            }
        } finally {
            Engines.useDevice("cpu");
        }
    }
}
