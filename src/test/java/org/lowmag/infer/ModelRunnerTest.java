package org.lowmag.infer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.nn.Parameter;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.lowmag.dataset.RgbImage;
import org.lowmag.model.BatchedInference;
import org.lowmag.model.Engines;
import org.lowmag.model.Logits;
import org.lowmag.model.LowMagModel;
import org.lowmag.model.ModelInfo;
import org.lowmag.model.Normalization;

/**
 * The CAMs agree with the network: for global average pooling and an FC layer, {@code mean_hw CAM_k
 * + b_k = z_k}. This fails if the FC weight were read transposed or from the wrong layer.
 */
@Tag("engine")
class ModelRunnerTest {

    @Test
    void meanCamPlusBiasIsTheLogit() {
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
        Engines.seed(3);
        try (LowMagModel model = LowMagModel.create(info)) {
            Parameter bias = model.net().fc().getParameters().get("bias");
            bias.getArray().set(new float[] {0.5f, -0.25f, 1f});
            float[] b = bias.getArray().toFloatArray();
            SplittableRandom rnd = new SplittableRandom(5);
            BufferedImage img = new BufferedImage(70, 45, BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < 45; y++) {
                for (int x = 0; x < 70; x++) {
                    img.setRGB(x, y, rnd.nextInt(1 << 24));
                }
            }
            ModelRunner runner = new ModelRunner(model);
            ModelRunner.Result r = runner.classify(img, true);
            RgbImage input = model.info().padder().apply(RgbImage.of(img));
            float[] z =
                    BatchedInference.run(
                                    model, List.of(input), 1 << 20, BatchedInference.Keep.LOGITS)
                            .get(0)
                            .logits();
            TissueCam cam = r.cam();
            assertEquals(70, cam.imageWidthPx());
            assertEquals(45, cam.imageHeightPx());
            assertArrayEquals(b, cam.bias());
            double[] p = Logits.softmax(z);
            for (int k = 0; k < 3; k++) {
                double mean = 0;
                for (float v : cam.maps()[k]) {
                    mean += v;
                }
                mean /= cam.maps()[k].length;
                assertEquals(z[k], mean + b[k], 1e-4 * (1 + Math.abs(z[k])));
                assertEquals(p[k], r.probabilities()[k], 1e-9);
            }
        }
    }
}
