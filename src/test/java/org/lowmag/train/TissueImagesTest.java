package org.lowmag.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lowmag.dataset.AugmentParams;
import org.lowmag.dataset.Augmentation;
import org.lowmag.dataset.ColorOp;
import org.lowmag.dataset.Dataset;
import org.lowmag.dataset.InputPadding;
import org.lowmag.dataset.Padder;
import org.lowmag.dataset.RgbImage;
import org.lowmag.dataset.TissueRecord;
import org.lowmag.testing.TinyDatasets;

/**
 * The training views of a small tissue: augmented first, padded after, so the white margin stays
 * white under colour jitter (supervised and distillation steps use the same order).
 */
class TissueImagesTest {

    @TempDir Path dir;

    @Test
    void marginIsPaddedAfterTheJitterSoItStaysWhite() throws Exception {
        Dataset ds = TinyDatasets.write(dir, 2, 1, 20, List.of(1.0), 7);
        List<TissueRecord> train = ds.split("train");
        Padder white = new Padder(InputPadding.WHITE, 32, true, new int[] {200, 100, 150});
        TissueImages images =
                new TissueImages(ds, train, 1.0, new ImageCache(1 << 20), white, 1 << 20);
        // brightness x0.5 only: every tissue value halves (rounded), white would become 128
        AugmentParams darker =
                new AugmentParams(false, false, 0, List.of(ColorOp.values()), 0.5, 1.0, 1.0, 0.0);

        RgbImage out = images.augmented(0, darker);
        RgbImage plain = images.plain(0);

        assertEquals(32, out.widthPx());
        assertEquals(32, out.heightPx());
        // 20 px centred in 32: margin columns 0-5 and 26-31
        for (int c = 0; c < 3; c++) {
            assertEquals(255, out.get(c, 0, 0));
            assertEquals(255, out.get(c, 31, 31));
            assertEquals(255, out.get(c, 5, 16));
            int tissue = plain.get(c, 16, 16);
            assertEquals(Math.floor(tissue * 0.5 + 0.5), out.get(c, 16, 16), 1.0);
        }
        // the old order (pad, then jitter) darkened the margin too
        assertTrue(darker.apply(plain).get(0, 0, 0) < 200);
        // the batch path (supervised steps) gives the same image as the per-tissue path
        // (distillation steps) for the same draw
        Augmentation paper = Augmentation.paperDefault();
        RgbImage batch = images.augmented(List.of(1, 0), paper, 3, 2).get(1);
        RgbImage single = images.augmented(0, TissueImages.draw(paper, 3, 2, 0));
        assertSamePixels(batch, single);
    }

    private static void assertSamePixels(RgbImage a, RgbImage b) {
        assertEquals(a.widthPx(), b.widthPx());
        assertEquals(a.heightPx(), b.heightPx());
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < a.heightPx(); y++) {
                for (int x = 0; x < a.widthPx(); x++) {
                    assertEquals(a.get(c, x, y), b.get(c, x, y), "c" + c + " x" + x + " y" + y);
                }
            }
        }
    }
}
