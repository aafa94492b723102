package org.lowmag.tissue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class TissueDetectorTest {

    /** Sharp thresholds for hand-derivable boxes: no smoothing, pieces of 100 px or more. */
    private static final TissueParams SHARP =
            TissueParams.tissueloc().withSmoothSigmaPx(0).withMinTissueSizePx(100);

    private static BufferedImage white(int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        fill(img, Color.WHITE, 0, 0, w, h);
        return img;
    }

    private static void fill(BufferedImage img, Color c, int x, int y, int w, int h) {
        Graphics2D g = img.createGraphics();
        try {
            g.setColor(c);
            g.fillRect(x, y, w, h);
        } finally {
            g.dispose();
        }
    }

    /**
     * 200x150 white overview of a 400x300 slide (downsample 2, 0.5 um/px): a 60x60 piece at (20,
     * 30) with a 10x10 white hole, and a 5x5 speck at (150, 20). The hole is filled (area 3600 px),
     * the speck (25 px) dropped; the box maps to (40, 60) 120x120 in level 0, area 3600 x 4 = 14400
     * level-0 px = 14400 x 0.25 = 3600 um^2 = 0.0036 mm^2.
     */
    @Test
    void onePieceWithAHoleAndASpeck() {
        BufferedImage img = white(200, 150);
        Color tissue = new Color(200, 80, 160); // luma 0.299*200 + 0.587*80 + 0.114*160 = 125
        fill(img, tissue, 20, 30, 60, 60);
        fill(img, Color.WHITE, 45, 55, 10, 10);
        fill(img, tissue, 150, 20, 5, 5);
        TissueDetection d =
                new TissueDetector(SHARP)
                        .detect(img, 400, 300, OptionalDouble.of(0.5), OptionalDouble.of(0.5));
        assertEquals(1, d.boxes().size(), d.summary());
        TissueBox b = d.boxes().get(0);
        assertEquals(
                List.of(1L, 40L, 60L, 120L, 120L),
                List.of((long) b.id(), b.x(), b.y(), b.width(), b.height()));
        assertEquals(
                List.of(20, 30, 60, 60),
                List.of(b.analysisX(), b.analysisY(), b.analysisWidth(), b.analysisHeight()));
        assertEquals(3600, b.areaPx());
        assertEquals(14400.0, b.areaL0Px(), 1e-9);
        assertEquals(3600.0, b.areaUm2().getAsDouble(), 1e-9);
        assertEquals(0.0036, b.areaMm2().getAsDouble(), 1e-12);
        assertEquals(3600, d.mask().areaPx());
        assertTrue(d.mask().isTissue(50, 60), "hole filled");
        assertEquals(2.0, d.mask().downsampleX(), 0.0);
    }

    /**
     * A piece covering analysis columns 1..2 and row 1 of a 4x3 mask of a 10x7 slide: downsamples
     * 2.5 and 7/3. Level-0 box: x = floor(1 x 2.5) = 2 to ceil(3 x 2.5) = 8 (width 6), y =
     * floor(7/3) = 2 to ceil(2 x 7/3) = 5 (height 3); area 2 px = 2 x 2.5 x 7/3 = 11.667 level-0
     * px.
     */
    @Test
    void boxesMapToLevelZeroWithNonIntegerDownsamples() {
        boolean[] m = Grids.parse(". . . .", ". # # .", ". . . .");
        TissueMask mask = new TissueMask(m, 4, 3, 2.5, 7.0 / 3);
        List<TissueBox> boxes =
                TissueDetector.boxes(
                        ConnectedComponents.label(m, 4, 3),
                        mask,
                        10,
                        7,
                        OptionalDouble.empty(),
                        OptionalDouble.empty());
        TissueBox b = boxes.get(0);
        assertEquals(List.of(2L, 2L, 6L, 3L), List.of(b.x(), b.y(), b.width(), b.height()));
        assertEquals(2 * 2.5 * 7.0 / 3, b.areaL0Px(), 1e-12);
        assertTrue(b.areaUm2().isEmpty());
        assertTrue(b.areaMm2().isEmpty());
    }

    @Test
    void boxesStopAtTheSlideEdge() {
        boolean[] m = Grids.parse(". . #", ". . #");
        TissueMask mask = new TissueMask(m, 3, 2, 3.4, 3.5);
        TissueBox b =
                TissueDetector.boxes(
                                ConnectedComponents.label(m, 3, 2),
                                mask,
                                10,
                                7,
                                OptionalDouble.empty(),
                                OptionalDouble.empty())
                        .get(0);
        // x from floor(2 x 3.4) = 6 to min(10, ceil(3 x 3.4) = 11) = 10
        assertEquals(List.of(6L, 0L, 4L, 7L), List.of(b.x(), b.y(), b.width(), b.height()));
    }

    @Test
    void allWhiteSlideHasNoTissue() {
        TissueDetection d = new TissueDetector(TissueParams.tissueloc()).detect(white(64, 48));
        assertTrue(d.isEmpty());
        assertTrue(d.mask().isEmpty());
        assertEquals(0.8, d.thresholdUsed(), 0.0);
        assertTrue(d.summary().startsWith("no tissue found"), d.summary());
    }

    @Test
    void tinyAndUniformImagesHaveNoTissue() {
        TissueDetector fixed = new TissueDetector(TissueParams.tissueloc());
        TissueDetection one = fixed.detect(white(1, 1));
        assertTrue(one.isEmpty(), one.summary());

        BufferedImage black = new BufferedImage(20, 20, BufferedImage.TYPE_INT_RGB);
        TissueDetection dark = fixed.detect(black);
        assertTrue(dark.isEmpty());
        assertTrue(Double.isNaN(dark.thresholdUsed()));
        assertTrue(dark.summary().contains("uniform"), dark.summary());

        BufferedImage grey = white(20, 20);
        fill(grey, Color.GRAY, 0, 0, 20, 20);
        TissueDetection otsu =
                new TissueDetector(
                                TissueParams.tissueloc().withThresholdMethod(ThresholdMethod.OTSU))
                        .detect(grey);
        assertTrue(otsu.isEmpty());
        assertTrue(Double.isNaN(otsu.thresholdUsed()));
    }

    /**
     * Two grey levels: the piece (luma 0.299*150 + 0.587*60 + 0.114*140 = 96.03, normalised m =
     * 96.03 / 255) and white (1). The 256 bins span [m, 1]; the split is after the first bin, so
     * the threshold is its centre m + 0.5 (1 - m) / 256.
     */
    @Test
    void otsuFindsTheDarkPiece() {
        BufferedImage img = white(120, 90);
        fill(img, new Color(150, 60, 140), 30, 20, 50, 40);
        TissueDetection d =
                new TissueDetector(SHARP.withThresholdMethod(ThresholdMethod.OTSU)).detect(img);
        assertEquals(1, d.boxes().size());
        assertEquals(2000, d.boxes().get(0).areaPx());
        double m = (0.299 * 150 + 0.587 * 60 + 0.114 * 140) / 255;
        assertEquals(m + 0.5 * (1 - m) / 256, d.thresholdUsed(), 1e-12);
    }

    /**
     * The fraction minimum scales with the overview: on a 200x100 overview, 1% is 200 px, so a
     * 15x15 piece (225 px) stays and a 14x14 one (196 px) goes; on the same pieces drawn on a
     * 400x200 overview 1% is 800 px and both go. With the absolute minimum larger, it wins.
     */
    @Test
    void minimumAreaFractionScalesWithTheOverview() {
        TissueParams p = SHARP.withMinTissueSizePx(0).withMinTissueAreaFraction(0.01);
        assertEquals(200, p.minPieceSizePx(200, 100));
        assertEquals(800, p.minPieceSizePx(400, 200));
        assertEquals(1000, p.withMinTissueSizePx(1000).minPieceSizePx(200, 100));
        for (int scale = 1; scale <= 2; scale++) {
            BufferedImage img = white(200 * scale, 100 * scale);
            fill(img, Color.BLACK, 10, 10, 15, 15);
            fill(img, Color.BLACK, 100, 10, 14, 14);
            TissueDetection d = new TissueDetector(p).detect(img);
            assertEquals(scale == 1 ? 1 : 0, d.boxes().size(), d.summary());
            if (scale == 1) {
                assertEquals(225, d.boxes().get(0).areaPx());
            } else {
                assertTrue(d.summary().contains("800 px"), d.summary());
            }
        }
        assertThrows(
                IllegalArgumentException.class,
                () -> TissueParams.defaults().withMinTissueAreaFraction(1));
    }

    @Test
    void rejectsBadParamsAndSizes() {
        assertThrows(
                IllegalArgumentException.class, () -> TissueParams.tissueloc().withThreshold(0));
        assertThrows(
                IllegalArgumentException.class, () -> TissueParams.tissueloc().withThreshold(1.5));
        assertThrows(
                IllegalArgumentException.class,
                () -> TissueParams.tissueloc().withSmoothSigmaPx(-1));
        assertThrows(
                IllegalArgumentException.class,
                () -> TissueParams.tissueloc().withMinTissueSizePx(-1));
        TissueDetector d = new TissueDetector(TissueParams.tissueloc());
        assertThrows(
                IllegalArgumentException.class,
                () ->
                        d.detect(
                                white(10, 10),
                                5,
                                5,
                                OptionalDouble.empty(),
                                OptionalDouble.empty()));
    }
}
