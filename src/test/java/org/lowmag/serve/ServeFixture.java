package org.lowmag.serve;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lowmag.dataset.ImageFiles;
import org.lowmag.infer.HeatmapRenderer;
import org.lowmag.infer.Viridis;
import org.lowmag.slide.SlideReader;
import org.lowmag.slide.SlideReaders;
import org.lowmag.synthetic.SlideSynthesizer;
import org.lowmag.synthetic.SynthesisParams;
import org.lowmag.synthetic.TissueClass;
import org.lowmag.util.Json;

/**
 * A served folder built from LowMag's own synthetic slides: {@code slides/} with two 2400 x 1800
 * pyramid TIFFs (1 um/px) and a corrupt {@code broken.svs}, and {@code predictions/} with a
 * hand-made {@code lowmag predict} output for {@code slide-a}: SLIDE.json, a GeoJSON outline (one
 * square tissue) and two heatmaps coloured over the square as predict blends them.
 */
final class ServeFixture {

    static final List<String> CLASSES = List.of("carcinoma", "normal");

    /** The square tissue of slide-a, level-0 pixels: x, y, side. */
    static final int[] SQUARE = {600, 400, 900};

    private ServeFixture() {}

    /**
     * @param root an empty folder
     * @return {@code root}, filled
     */
    static Path build(Path root) throws IOException {
        Path slides = Files.createDirectories(root.resolve("slides"));
        Path predictions = Files.createDirectories(root.resolve("predictions"));
        SlideSynthesizer synth = new SlideSynthesizer(SynthesisParams.of(1.0, 2400, 1800), 0.9, 1);
        synth.write(synth.plan(TissueClass.CARCINOMA, 7), slides.resolve("slide-a.svs"));
        synth.write(synth.plan(TissueClass.NORMAL, 8), slides.resolve("slide-b.svs"));
        byte[] garbage = new byte[4096];
        garbage[0] = 'I';
        garbage[1] = 'I';
        garbage[2] = 42;
        for (int i = 8; i < garbage.length; i++) {
            garbage[i] = (byte) (i * 31);
        }
        Files.write(slides.resolve("broken.svs"), garbage);
        writePrediction(slides.resolve("slide-a.svs"), predictions);
        return root;
    }

    private static void writePrediction(Path slide, Path out) throws IOException {
        BufferedImage thumb;
        try (SlideReader r = SlideReaders.open(slide)) {
            thumb = r.overview(2048);
        }
        double ds = 2400.0 / thumb.getWidth();
        List<String> heatmaps =
                List.of("slide-a.heatmap.carcinoma.png", "slide-a.heatmap.normal.png");
        for (int k = 0; k < CLASSES.size(); k++) {
            BufferedImage heat =
                    new BufferedImage(
                            thumb.getWidth() + 120, thumb.getHeight(), BufferedImage.TYPE_INT_RGB);
            heat.getGraphics().drawImage(thumb, 0, 0, null);
            int x0 = (int) (SQUARE[0] / ds);
            int y0 = (int) (SQUARE[1] / ds);
            int side = (int) (SQUARE[2] / ds);
            for (int y = y0; y < y0 + side; y++) {
                for (int x = x0; x < x0 + side; x++) {
                    double p = k == 0 ? (x - x0) / (double) side : 1 - (x - x0) / (double) side;
                    heat.setRGB(x, y, blend(thumb.getRGB(x, y), Viridis.rgb(p)));
                }
            }
            ImageFiles.writePng(out.resolve(heatmaps.get(k)), heat);
        }
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("path", "/models/fixture");
        model.put("classes", CLASSES);
        model.put("magnification", 0.625);
        Map<String, Object> thumbInfo = new LinkedHashMap<>();
        thumbInfo.put("width_px", thumb.getWidth());
        thumbInfo.put("height_px", thumb.getHeight());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("slide", slide.toAbsolutePath().toString());
        m.put("model", model);
        m.put(
                "made_by",
                Map.of("model", "/models/fixture", "settings", Map.of("heatmap_scale", "FIXED")));
        m.put("label", "carcinoma");
        m.put("truth", "carcinoma");
        m.put("probabilities", Map.of("carcinoma", 0.8, "normal", 0.2));
        m.put("tissue_count", 1);
        m.put("thumbnail", thumbInfo);
        m.put("heatmaps", heatmaps);
        Json.write(out.resolve("slide-a.json"), m);
        int x = SQUARE[0];
        int y = SQUARE[1];
        int s = SQUARE[2];
        List<List<Integer>> ring =
                List.of(
                        List.of(x, y),
                        List.of(x + s, y),
                        List.of(x + s, y + s),
                        List.of(x, y + s),
                        List.of(x, y));
        Map<String, Object> feature =
                Map.of(
                        "type",
                        "Feature",
                        "geometry",
                        Map.of("type", "Polygon", "coordinates", List.of(ring)),
                        "properties",
                        Map.of(
                                "objectType",
                                "annotation",
                                "name",
                                "tissue 1",
                                "classification",
                                Map.of("name", "carcinoma", "color", List.of(230, 25, 75))));
        Json.write(
                out.resolve("slide-a.geojson"),
                Map.of("type", "FeatureCollection", "features", List.of(feature)));
    }

    private static int blend(int thumb, int colour) {
        double a = HeatmapRenderer.ALPHA;
        int rgb = 0;
        for (int shift = 16; shift >= 0; shift -= 8) {
            int t = (thumb >> shift) & 0xFF;
            int c = (colour >> shift) & 0xFF;
            rgb |= (int) Math.round((1 - a) * t + a * c) << shift;
        }
        return rgb;
    }
}
