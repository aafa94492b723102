package org.lowmag.infer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.lowmag.tissue.ConnectedComponents;
import org.lowmag.tissue.TissueBox;

/** Colormap stops, blending, and per-class normalisation over all tissues of a slide. */
class HeatmapRendererTest {

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

    private static TissueResult tissue(int id, int ax, float value) {
        TissueBox box = new TissueBox(id, ax, 0, 2, 2, ax, 0, 2, 2, 4, 4, OptionalDouble.empty());
        TissueCam cam = new TissueCam(new float[][] {{value}}, 1, 1, 8, 8, 32, 32, 12, 12);
        return new TissueResult(box, 8, 8, new double[] {1}, 0, 0, 0, cam);
    }

    /**
     * A white 6x2 thumbnail, tissue 1 in columns 0-1 with a constant CAM of 1, tissue 2 in columns
     * 4-5 with 3: normalised over the slide, tissue 1 is 0 (viridis' first stop) and tissue 2 is 1
     * (its last), both blended on white; columns 2-3 (no tissue) stay white.
     */
    @Test
    void normalisesEachClassOverAllTissuesOfTheSlide() {
        boolean[] mask = new boolean[12];
        for (int y = 0; y < 2; y++) {
            for (int x : new int[] {0, 1, 4, 5}) {
                mask[y * 6 + x] = true;
            }
        }
        BufferedImage thumb = new BufferedImage(6, 2, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 2; y++) {
            for (int x = 0; x < 6; x++) {
                thumb.setRGB(x, y, 0xFFFFFF);
            }
        }
        List<BufferedImage> maps =
                HeatmapRenderer.render(
                        thumb,
                        ConnectedComponents.label(mask, 6, 2),
                        List.of(tissue(1, 0, 1f), tissue(2, 4, 3f)),
                        1);
        BufferedImage h = maps.get(0);
        assertEquals(HeatmapRenderer.blend(0xFFFFFF, 0x440154), h.getRGB(1, 1) & 0xFFFFFF);
        assertEquals(HeatmapRenderer.blend(0xFFFFFF, 0xfde725), h.getRGB(4, 0) & 0xFFFFFF);
        assertEquals(0xFFFFFF, h.getRGB(2, 0) & 0xFFFFFF);
        assertEquals(0xFFFFFF, h.getRGB(3, 1) & 0xFFFFFF);
    }
}
