package org.lowmag.infer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.lowmag.model.Engines;
import org.lowmag.model.Logits;
import org.lowmag.model.LowMagModel;
import org.lowmag.model.ModelInfo;
import org.lowmag.model.Normalization;

/**
 * Tiling on an untrained network: a tissue within the limit gives exactly the untiled result; a
 * tiled tissue's logits are the area-weighted mean of its tiles' own passes, and its stitched CAM
 * still averages (plus the bias) to those logits.
 */
@Tag("engine")
class TiledInferenceTest {

    private static LowMagModel model() {
        ModelInfo info =
                new ModelInfo(
                        ModelInfo.FORMAT_VERSION,
                        "paper",
                        List.of("a", "b", "c"),
                        5.0,
                        Normalization.IDENTITY,
                        "untrained",
                        3L,
                        Map.of(ModelInfo.PAD_TO_KEY, "multiple"),
                        Map.of());
        Engines.seed(3);
        return LowMagModel.create(info);
    }

    private static BufferedImage noise(int w, int h, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                img.setRGB(x, y, rnd.nextInt(1 << 24));
            }
        }
        return img;
    }

    @Test
    void tissuesWithinTheLimitAreUnchangedAndLargerOnesPoolTheirTiles() {
        try (LowMagModel model = model()) {
            ModelRunner runner = new ModelRunner(model);
            BufferedImage small = noise(60, 50, 1);
            // 100 x 70 px = 7000 px > 4096: padded to 128 x 96, tiles of at most 64 px a side:
            // columns [0, 64, 128], rows [0, 32, 96] -> 64x32, 64x32, 64x64, 64x64
            BufferedImage big = noise(100, 70, 2);
            LargeTissues large = new LargeTissues(4096, true);
            List<ModelRunner.Result> tiled =
                    TiledInference.classifyAll(runner, List.of(small, big), true, large);

            ModelRunner.Result plain = runner.classify(small, true);
            assertArrayEquals(plain.logits(), tiled.get(0).logits());
            assertArrayEquals(plain.probabilities(), tiled.get(0).probabilities());
            assertEquals(1, tiled.get(0).passTiles(), "one whole pass");
            assertEquals(4, tiled.get(1).passTiles(), "2 x 2 tiles");

            BufferedImage padded = new BufferedImage(128, 96, BufferedImage.TYPE_INT_RGB);
            java.awt.Graphics2D g = padded.createGraphics();
            g.setColor(java.awt.Color.WHITE);
            g.fillRect(0, 0, 128, 96);
            g.drawImage(big, 14, 13, null); // centred: (128 - 100) / 2, (96 - 70) / 2
            g.dispose();
            int[][] tiles = {{0, 0, 64, 32}, {64, 0, 64, 32}, {0, 32, 64, 64}, {64, 32, 64, 64}};
            List<float[]> logits = new ArrayList<>();
            double[] areas = new double[tiles.length];
            for (int t = 0; t < tiles.length; t++) {
                int[] r = tiles[t];
                logits.add(
                        runner.classify(padded.getSubimage(r[0], r[1], r[2], r[3]), false)
                                .logits());
                areas[t] = r[2] * r[3];
            }
            float[] z = TiledInference.pool(logits, areas);
            ModelRunner.Result b = tiled.get(1);
            for (int k = 0; k < 3; k++) {
                assertEquals(z[k], b.logits()[k], 1e-5 * (1 + Math.abs(z[k])));
            }
            assertArrayEquals(Logits.softmax(b.logits()), b.probabilities());

            TissueCam cam = b.cam();
            assertEquals(100, cam.imageWidthPx());
            assertEquals(70, cam.imageHeightPx());
            assertEquals(128, cam.inputWidthPx());
            assertEquals(96, cam.inputHeightPx());
            assertEquals(14, cam.offsetXPx());
            assertEquals(13, cam.offsetYPx());
            assertEquals(4, cam.mapWidth());
            assertEquals(3, cam.mapHeight());
            for (int k = 0; k < 3; k++) {
                double mean = 0;
                for (float v : cam.maps()[k]) {
                    mean += v;
                }
                mean /= cam.maps()[k].length;
                double zk = b.logits()[k];
                assertEquals(zk, mean + cam.bias()[k], 1e-4 * (1 + Math.abs(zk)));
            }
        }
    }

    @Test
    void withoutTilingEveryTissueRunsWhole() {
        try (LowMagModel model = model()) {
            ModelRunner runner = new ModelRunner(model);
            BufferedImage big = noise(100, 70, 2);
            List<ModelRunner.Result> r =
                    TiledInference.classifyAll(
                            runner, List.of(big), false, new LargeTissues(4096, false));
            assertArrayEquals(runner.classify(big, false).logits(), r.get(0).logits());
            assertSame(null, r.get(0).cam());
            assertEquals(1, r.get(0).passTiles());
        }
    }
}
