package org.lowmag.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The classes differ as designed: dysplasia from normal only at the scale of nuclei, carcinoma from
 * normal in architecture. Each class is drawn from the same seeds, so normal and dysplasia share
 * their tissue layout and staining strength and differ only in the lining cells.
 */
class ClassStatisticsTest {

    private static final long[] SEEDS = {11, 12};
    private static final Map<TissueClass, Stats> STATS = new EnumMap<>(TissueClass.class);

    /** Statistics of one class, pooled over the seeds. */
    record Stats(double meanNucleusAreaPx, double[] lowMagMeanRgb, double glandFraction) {}

    @BeforeAll
    static void measure() {
        for (TissueClass c : TissueClass.values()) {
            double nucleusArea = 0;
            long nuclei = 0;
            double[] rgb = new double[3];
            long blocks = 0;
            long gland = 0;
            long tissue = 0;
            for (long seed : SEEDS) {
                SlideRenderer r = SynthFixtures.renderer(c, seed);
                int w = r.widthPx();
                int h = r.heightPx();
                int[] px = SynthFixtures.pixels(r.renderAll());
                byte[] cls = r.classes(0, 0, w, h);
                boolean[] dark = new boolean[px.length];
                for (int i = 0; i < px.length; i++) {
                    dark[i] = cls[i] != SlideRenderer.GLASS && SynthFixtures.luminance(px[i]) < 100;
                    tissue += cls[i] != SlideRenderer.GLASS ? 1 : 0;
                    gland +=
                            cls[i] == SlideRenderer.EPITHELIUM || cls[i] == SlideRenderer.LUMEN
                                    ? 1
                                    : 0;
                }
                for (int a : SynthFixtures.componentAreas(dark, w, h)) {
                    if (a >= 8) {
                        nucleusArea += a;
                        nuclei++;
                    }
                }
                blocks += lowMagTissueMean(px, cls, w, h, rgb);
            }
            for (int k = 0; k < 3; k++) {
                rgb[k] /= blocks;
            }
            STATS.put(c, new Stats(nucleusArea / nuclei, rgb, gland / (double) tissue));
        }
    }

    /** Adds the colours of 8x area-averaged blocks lying wholly in tissue; returns how many. */
    private static long lowMagTissueMean(int[] px, byte[] cls, int w, int h, double[] rgb) {
        int f = 8;
        long n = 0;
        for (int y = 0; y + f <= h; y += f) {
            for (int x = 0; x + f <= w; x += f) {
                double[] s = new double[3];
                boolean allTissue = true;
                for (int j = 0; j < f && allTissue; j++) {
                    for (int i = 0; i < f; i++) {
                        int q = (y + j) * w + x + i;
                        allTissue &= cls[q] != SlideRenderer.GLASS;
                        s[0] += (px[q] >> 16) & 255;
                        s[1] += (px[q] >> 8) & 255;
                        s[2] += px[q] & 255;
                    }
                }
                if (allTissue) {
                    for (int k = 0; k < 3; k++) {
                        rgb[k] += s[k] / (f * f);
                    }
                    n++;
                }
            }
        }
        return n;
    }

    private static double maxChannelGap(TissueClass a, TissueClass b) {
        double m = 0;
        for (int k = 0; k < 3; k++) {
            m =
                    Math.max(
                            m,
                            Math.abs(
                                    STATS.get(a).lowMagMeanRgb()[k]
                                            - STATS.get(b).lowMagMeanRgb()[k]));
        }
        return m;
    }

    @Test
    void dysplasticNucleiAreLargerAtFullResolution() {
        double normal = STATS.get(TissueClass.NORMAL).meanNucleusAreaPx();
        double dysplasia = STATS.get(TissueClass.DYSPLASIA).meanNucleusAreaPx();
        assertTrue(
                dysplasia > 1.3 * normal,
                "mean dark-component area " + normal + " -> " + dysplasia);
    }

    @Test
    void dysplasiaKeepsTheLowMagnificationColourOfNormal() {
        double dysplasiaGap = maxChannelGap(TissueClass.NORMAL, TissueClass.DYSPLASIA);
        double carcinomaGap = maxChannelGap(TissueClass.NORMAL, TissueClass.CARCINOMA);
        String detail =
                Arrays.toString(STATS.get(TissueClass.NORMAL).lowMagMeanRgb())
                        + " vs "
                        + Arrays.toString(STATS.get(TissueClass.DYSPLASIA).lowMagMeanRgb())
                        + " vs carcinoma "
                        + Arrays.toString(STATS.get(TissueClass.CARCINOMA).lowMagMeanRgb());
        assertTrue(
                dysplasiaGap < 4,
                "normal vs dysplasia mean colour gap " + dysplasiaGap + ": " + detail);
        assertTrue(
                carcinomaGap > 3 * dysplasiaGap, "carcinoma gap " + carcinomaGap + ": " + detail);
    }

    @Test
    void dysplasiaHasTheArchitectureOfNormalAndCarcinomaDoesNot() {
        double normal = STATS.get(TissueClass.NORMAL).glandFraction();
        assertEquals(normal, STATS.get(TissueClass.DYSPLASIA).glandFraction(), 1e-12);
        double carcinoma = STATS.get(TissueClass.CARCINOMA).glandFraction();
        assertTrue(carcinoma > 1.5 * normal, "gland fraction " + normal + " -> " + carcinoma);
    }
}
