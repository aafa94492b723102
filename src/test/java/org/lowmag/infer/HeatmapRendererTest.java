package org.lowmag.infer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.lowmag.tissue.ConnectedComponents;
import org.lowmag.tissue.TissueBox;

/**
 * Colormap stops, blending, the fixed probability scale, the per-slide stretch, and the legend.
 *
 * <p>The fixture: a white 6x2 thumbnail, tissue 1 in columns 0-1 and tissue 2 in columns 4-5 (2x2
 * each), each with a constant 1x1 CAM per class; columns 2-3 are background.
 */
class HeatmapRendererTest {

    private static final double LN3 = Math.log(3);

    @Test
    void viridisStopsAndInterpolation() {
        assertEquals(0x440154, Viridis.rgb(0));
        assertEquals(0x21918c, Viridis.rgb(0.5));
        assertEquals(0xfde725, Viridis.rgb(1));
        assertEquals(0xfde725, Viridis.rgb(7));
        // halfway between the first two stops: (68+71)/2 = 69.5 -> 70, 22.5 -> 23, 103
        assertEquals(70 << 16 | 23 << 8 | 103, Viridis.rgb(1.0 / 16));
    }

    @Test
    void blendMixesWithAlpha() {
        // 0.45 * 255 = 114.75 -> 115
        assertEquals(0x737373, HeatmapRenderer.blend(0xFFFFFF, 0x000000));
        assertEquals(
                (int) Math.round(0.45 * 10 + 0.55 * 200) << 16
                        | (int) Math.round(0.45 * 20 + 0.55 * 100) << 8
                        | (int) Math.round(0.45 * 31 + 0.55 * 0),
                HeatmapRenderer.blend(10 << 16 | 20 << 8 | 31, 200 << 16 | 100 << 8));
    }

    /**
     * A 2x2 tissue at column {@code ax} whose class {@code k} has the constant CAM {@code v[k]}.
     */
    private static TissueResult tissue(int id, int ax, float[] bias, float... v) {
        TissueBox box = new TissueBox(id, ax, 0, 2, 2, ax, 0, 2, 2, 4, 4, OptionalDouble.empty());
        float[][] maps = new float[v.length][];
        for (int k = 0; k < v.length; k++) {
            maps[k] = new float[] {v[k]};
        }
        TissueCam cam = new TissueCam(maps, bias, 1, 1, 8, 8, 32, 32, 12, 12);
        return new TissueResult(box, 8, 8, new double[v.length], 0, 0, 0, cam, 1);
    }

    private static BufferedImage whiteThumbnail() {
        BufferedImage thumb = new BufferedImage(6, 2, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 2; y++) {
            for (int x = 0; x < 6; x++) {
                thumb.setRGB(x, y, 0xFFFFFF);
            }
        }
        return thumb;
    }

    private static ConnectedComponents twoTissues() {
        boolean[] mask = new boolean[12];
        for (int y = 0; y < 2; y++) {
            for (int x : new int[] {0, 1, 4, 5}) {
                mask[y * 6 + x] = true;
            }
        }
        return ConnectedComponents.label(mask, 6, 2);
    }

    private static int rgb(BufferedImage img, int x, int y) {
        return img.getRGB(x, y) & 0xFFFFFF;
    }

    /**
     * Stretch (the old behaviour): tissue 1 has CAM 1, tissue 2 has 3; over the slide tissue 1 is 0
     * (viridis' first stop) and tissue 2 is 1 (its last), both blended on white; background stays
     * white. The legend leaves these pixels where they were.
     */
    @Test
    void stretchNormalisesEachClassOverAllTissuesOfTheSlide() {
        float[] noBias = {0};
        List<TissueResult> tissues = List.of(tissue(1, 0, noBias, 1f), tissue(2, 4, noBias, 3f));
        HeatmapRenderer.ClassMap m =
                HeatmapRenderer.colour(
                                whiteThumbnail(), twoTissues(), tissues, 1, HeatmapScale.STRETCH)
                        .get(0);
        assertEquals(1.0, m.low());
        assertEquals(3.0, m.high());
        BufferedImage full =
                HeatmapRenderer.render(
                                whiteThumbnail(),
                                twoTissues(),
                                tissues,
                                List.of("tumour"),
                                "s",
                                HeatmapScale.STRETCH)
                        .get(0);
        for (BufferedImage h : List.of(m.image(), full)) {
            assertEquals(HeatmapRenderer.blend(0xFFFFFF, 0x440154), rgb(h, 1, 1));
            assertEquals(HeatmapRenderer.blend(0xFFFFFF, 0xfde725), rgb(h, 4, 0));
            assertEquals(0xFFFFFF, rgb(h, 2, 0));
            assertEquals(0xFFFFFF, rgb(h, 3, 1));
        }
    }

    /**
     * Fixed: with CAMs {@code (ln 3 / 2, 0)} and FC bias {@code (ln 3 / 2, 0)} tissue 1's local
     * probabilities are {@code softmax(ln 3, 0) = (3/4, 1/4)}; tissue 2 with CAMs {@code (-ln 3 /
     * 2, 0)} gets {@code softmax(0, 0) = (1/2, 1/2)}. On the 0-1 scale 3/4 is viridis stop 6 {@code
     * (94, 201, 98)}, 1/4 stop 2 {@code (59, 82, 139)} and 1/2 stop 4 {@code (33, 145, 140)}: not
     * stretched to the slide's range (which would make tissue 1 yellow and tissue 2 purple in class
     * 0).
     */
    @Test
    void fixedScaleColoursTheLocalProbability() {
        float h = (float) (LN3 / 2);
        float[] bias = {h, 0};
        List<BufferedImage> maps =
                HeatmapRenderer.render(
                        whiteThumbnail(),
                        twoTissues(),
                        List.of(tissue(1, 0, bias, h, 0f), tissue(2, 4, bias, -h, 0f)),
                        List.of("benign", "tumour"),
                        "slide-07",
                        HeatmapScale.FIXED);
        assertEquals(HeatmapRenderer.blend(0xFFFFFF, 0x5ec962), rgb(maps.get(0), 0, 1));
        assertEquals(HeatmapRenderer.blend(0xFFFFFF, 0x3b528b), rgb(maps.get(1), 1, 0));
        assertEquals(HeatmapRenderer.blend(0xFFFFFF, 0x21918c), rgb(maps.get(0), 5, 1));
        assertEquals(HeatmapRenderer.blend(0xFFFFFF, 0x21918c), rgb(maps.get(1), 4, 0));
        assertEquals(0xFFFFFF, rgb(maps.get(0), 2, 0));
    }

    @Test
    void localProbabilitiesAreTheSoftmaxOfCamPlusBias() {
        double[][] v = {{LN3, Double.NaN, 1000}, {0, Double.NaN, 1000}};
        HeatmapRenderer.toProbabilities(v, new float[] {0, 0});
        assertEquals(0.75, v[0][0], 1e-12);
        assertEquals(0.25, v[1][0], 1e-12);
        assertTrue(Double.isNaN(v[0][1]) && Double.isNaN(v[1][1]), "off the tissue");
        assertEquals(0.5, v[0][2], 1e-12, "large logits do not overflow");
    }

    @Test
    void aCamNeedsOneBiasPerClass() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                new TissueCam(
                                        new float[][] {{1}, {2}},
                                        new float[] {0},
                                        1,
                                        1,
                                        8,
                                        8,
                                        8,
                                        8,
                                        0,
                                        0));
        assertTrue(e.getMessage().contains("2 class-activation maps but 1 FC biases"));
    }

    /**
     * The legend sits in a white margin right of the map (the 6x2 map gets the smallest font, 12
     * px, and a legend taller than the map): it holds the colour bar (yellow at its top, purple at
     * its bottom) and text, and the title's text is drawn (a longer slide name darkens more
     * pixels).
     */
    @Test
    void theLegendSitsInAMarginWithColourBarAndTitle() {
        float[] bias = {0, 0};
        List<TissueResult> tissues = List.of(tissue(1, 0, bias, 1f, 0f));
        BufferedImage a =
                HeatmapRenderer.render(
                                whiteThumbnail(),
                                twoTissues(),
                                tissues,
                                List.of("benign", "tumour"),
                                "s",
                                HeatmapScale.FIXED)
                        .get(0);
        BufferedImage b =
                HeatmapRenderer.render(
                                whiteThumbnail(),
                                twoTissues(),
                                tissues,
                                List.of("benign", "tumour"),
                                "slide-with-a-longer-name",
                                HeatmapScale.FIXED)
                        .get(0);
        assertTrue(a.getWidth() > 6 + 100, "margin width " + a.getWidth());
        assertTrue(a.getHeight() > 10 * 12, "the image grows to hold the bar: " + a.getHeight());
        assertEquals(0xFFFFFF, rgb(a, 3, 5), "white below the map");
        int yellow = 0;
        int purple = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 6; x < a.getWidth(); x++) {
                int c = rgb(a, x, y);
                yellow += c == Viridis.rgb(1 - 1.5 / (10 * 12)) ? 1 : 0;
                purple += c == Viridis.rgb(1.5 / (10 * 12)) ? 1 : 0;
            }
        }
        // row r of the 120 px bar has viridis(1 - (r + 0.5) / 120); rows 0 and 119 are its frame
        int inside = Math.round(12 * 1.2f) - 2;
        assertTrue(yellow >= inside, "the bar's second row: " + yellow);
        assertTrue(purple >= inside, "the bar's second-last row: " + purple);
        assertTrue(dark(b) > dark(a) + 50, dark(a) + " vs " + dark(b) + " dark pixels");
    }

    private static int dark(BufferedImage img) {
        int n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 6; x < img.getWidth(); x++) {
                int c = rgb(img, x, y);
                n += ((c >> 16) & 255) < 100 && ((c >> 8) & 255) < 100 && (c & 255) < 100 ? 1 : 0;
            }
        }
        return n;
    }

    @Test
    void legendTicksAndCaptionStateTheScaleAndRange() {
        assertEquals(
                List.of("0", "0.25", "0.5", "0.75", "1"),
                HeatmapLegend.tickLabels(HeatmapScale.FIXED, 0, 1));
        assertEquals(
                List.of("local probability", "fixed scale: 0 to 1"),
                HeatmapLegend.caption(HeatmapScale.FIXED, 0, 1));
        assertEquals(
                List.of("-1.00", "0.00", "1.00", "2.00", "3.00"),
                HeatmapLegend.tickLabels(HeatmapScale.STRETCH, -1, 3));
        assertEquals(
                List.of("class activation (CAM)", "stretched to this slide:", "-1.00 to 3.00"),
                HeatmapLegend.caption(HeatmapScale.STRETCH, -1, 3));
        assertEquals("0.0123", HeatmapLegend.value(0.01234, 0.05));
        assertEquals("250", HeatmapLegend.value(250.2, 300));
        assertEquals("0.00", HeatmapLegend.value(-0.001, 3));
        assertEquals("0.500", HeatmapLegend.value(0.5, 0));
        assertEquals(12, HeatmapLegend.fontPx(6, 2));
        assertEquals(16, HeatmapLegend.fontPx(1024, 768));
        assertEquals(28, HeatmapLegend.fontPx(4000, 10));
        assertNotEquals(HeatmapLegend.tickY(10, 100, 0), HeatmapLegend.tickY(10, 100, 1));
        assertEquals(109, HeatmapLegend.tickY(10, 100, 0));
        assertEquals(10, HeatmapLegend.tickY(10, 100, 1));
    }
}
