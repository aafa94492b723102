package org.lowmag.tissue;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lowmag.slide.SlideReader;
import org.lowmag.slide.SlideReaders;
import org.lowmag.tiff.PyramidTiffWriter;

class SlideTissueTest {

    @TempDir Path dir;

    /**
     * A 1200 x 900 px slide with downsample-4 levels (1200, 300, 75 px wide), white with a dark 400
     * x 300 px square at (400, 300).
     */
    /** Tissue found with the default parameters at analysis size {@code sizePx}. */
    private static SlideTissue find(SlideReader r, int sizePx) throws IOException {
        return SlideTissue.find(r, TissueParams.defaults().withAnalysisMaxSidePx(sizePx));
    }

    private Path slide() throws IOException {
        BufferedImage img = new BufferedImage(1200, 900, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 1200, 900);
        g.setColor(new Color(150, 60, 140));
        g.fillRect(400, 300, 400, 300);
        g.dispose();
        Path file = dir.resolve("square.tif");
        PyramidTiffWriter.builder()
                .setMpp(0.25, 0.25)
                .optTopLevelMaxSidePx(100)
                .optCompression(PyramidTiffWriter.Compression.DEFLATE)
                .build()
                .write(file, img);
        return file;
    }

    /**
     * Analysis size 1000: the smallest level in [200, 1000] is the 300 px one, analysed as it is,
     * with sigma 5 * 300 / min(1000, 1200) = 1.5. There the square is pixels 100..199 across
     * (75..149 down); the pixel just outside gets the dark weight of the taps 1 px away and beyond,
     * about 0.37, so its smoothed value is about 1 - 0.37 (1 - 96/255) = 0.77 &lt; 0.8: tissue; the
     * next one (weight about 0.09) is not. The box is pixels 99..200 (74..150), each 4 level-0
     * pixels: (396, 296), 408 x 308.
     */
    @Test
    void aQuarterSizeLevelIsSmoothedInProportion() throws IOException {
        try (SlideReader r = SlideReaders.open(slide())) {
            SlideTissue t = find(r, 1000);
            assertEquals(300, t.overview().getWidth());
            assertEquals(1.5, t.detection().params().smoothSigmaPx(), 1e-12);
            assertEquals(1, t.detection().boxes().size());
            TissueBox b = t.detection().boxes().get(0);
            assertEquals(396, b.x());
            assertEquals(296, b.y());
            assertEquals(408, b.width());
            assertEquals(308, b.height());
        }
    }

    /**
     * Analysis size 500: the 300 px level is more than half of it, and still smoothed with sigma
     * scaled to its size, 5 * 300 / 500 = 3.
     */
    @Test
    void aLevelOfMoreThanHalfTheSizeHasItsSigmaScaled() throws IOException {
        try (SlideReader r = SlideReaders.open(slide())) {
            SlideTissue t = find(r, 500);
            assertEquals(300, t.overview().getWidth());
            assertEquals(3.0, t.detection().params().smoothSigmaPx(), 1e-12);
        }
    }

    /**
     * On a slide larger than S the smallest level in [ceil(S / 5), S] is taken: for S = 375 (floor
     * 75) the 75 px level, not the 300 px one, with sigma 5 * 75 / 375 = 1; for S = 376 (floor
     * ceil(75.2) = 76) the 300 px level, with sigma 5 * 300 / 376.
     */
    @Test
    void theSmallestLevelDownToAFifthIsTaken() throws IOException {
        try (SlideReader r = SlideReaders.open(slide())) {
            for (int size : new int[] {375, 376}) {
                SlideTissue t = find(r, size);
                boolean coarse = size == 375;
                assertEquals(coarse ? 75 : 300, t.overview().getWidth(), "S = " + size);
                assertEquals(
                        coarse ? 1.0 : 5.0 * 300 / 376,
                        t.detection().params().smoothSigmaPx(),
                        1e-12,
                        "S = " + size);
                assertEquals(1, t.detection().boxes().size());
            }
        }
    }

    /** A slide that fits in S (1200 px; S = 1200 or 1300) is analysed on level 0, with sigma 5. */
    @Test
    void aSlideThatFitsIsAnalysedOnLevel0() throws IOException {
        try (SlideReader r = SlideReaders.open(slide())) {
            for (int size : new int[] {1200, 1300}) {
                SlideTissue t = find(r, size);
                assertEquals(1200, t.overview().getWidth(), "S = " + size);
                assertEquals(5.0, t.detection().params().smoothSigmaPx(), 0.0);
            }
        }
    }
}
