package org.lowmag.infer;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.locationtech.jts.geom.Geometry;
import org.lowmag.geojson.QuPathFeatures;
import org.lowmag.geojson.ValidPolygons;
import org.lowmag.model.ModelInfo;
import org.lowmag.tissue.TissueBox;

/**
 * The JSON trees written per slide: {@code SLIDE.json} (the prediction, with every tissue) and
 * {@code SLIDE.geojson} (the tissue outlines as QuPath annotations: a FeatureCollection whose
 * features carry {@code objectType}, {@code classification {name, color}}, {@code name} and {@code
 * measurements}, the properties QuPath's GeoJSON import reads). Coordinates are level-0 pixels.
 */
public final class PredictionJson {

    /** Class colours for QuPath, cycled when there are more classes. */
    private static final int[][] PALETTE = {
        {230, 25, 75},
        {60, 180, 75},
        {0, 130, 200},
        {245, 130, 48},
        {145, 30, 180},
        {70, 240, 240},
        {240, 50, 230},
        {128, 128, 0},
        {0, 128, 128},
        {170, 110, 40}
    };

    private PredictionJson() {}

    /**
     * @param k a class index
     * @return its display colour {@code [r, g, b]}
     */
    public static List<Integer> colour(int k) {
        int[] c = PALETTE[k % PALETTE.length];
        return List.of(c[0], c[1], c[2]);
    }

    /**
     * @param r the slide's prediction
     * @param modelDir the model folder
     * @param info the model's metadata
     * @param heatmapFiles names of the heatmap files written (empty when none)
     * @param truth the slide's known label ({@code --labels}), or empty: when known, {@code truth}
     *     and {@code correct} follow {@code label}
     * @param origin the model and settings that made it
     * @return the {@code SLIDE.json} tree
     */
    public static Map<String, Object> slide(
            SlideResult r,
            Path modelDir,
            ModelInfo info,
            List<String> heatmapFiles,
            String truth,
            PredictionOrigin origin) {
        List<String> classes = info.classes();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("slide", r.slide().toAbsolutePath().toString());
        m.put("backend", r.backend());
        m.put("slide_width_px", r.metadata().widthPx());
        m.put("slide_height_px", r.metadata().heightPx());
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("path", modelDir.toAbsolutePath().toString());
        model.put("architecture", info.architecture());
        model.put("role", info.role());
        model.put("classes", classes);
        model.put("magnification", info.magnification());
        m.put("model", model);
        m.put(PredictionOrigin.KEY, origin.toMap());
        m.put("read", plan(r.plan()));
        String label = classes.get(r.slideLabel().label());
        m.put("label", label);
        if (!truth.isEmpty()) {
            m.put("truth", truth);
            m.put("correct", truth.equals(label));
        }
        m.put("probabilities", byClass(classes, r.slideLabel().probabilities()));
        m.put("rule", SlideLabelRule.DESCRIPTION);
        m.put("seconds", r.seconds());
        m.put("detect_seconds", r.detectSeconds());
        m.put("read_seconds", r.readSeconds());
        m.put("infer_seconds", r.inferSeconds());
        m.put("tissue_count", r.tissues().size());
        m.put("tiled_tissue_count", r.tissues().stream().filter(TissueResult::tiled).count());
        List<Map<String, Object>> tissues = new ArrayList<>();
        for (TissueResult t : r.tissues()) {
            tissues.add(tissue(t, classes));
        }
        m.put("tissues", tissues);
        Map<String, Object> thumb = new LinkedHashMap<>();
        thumb.put("width_px", r.thumbnail().getWidth());
        thumb.put("height_px", r.thumbnail().getHeight());
        thumb.put("downsample_x", (double) r.metadata().widthPx() / r.thumbnail().getWidth());
        thumb.put("downsample_y", (double) r.metadata().heightPx() / r.thumbnail().getHeight());
        m.put("thumbnail", thumb);
        m.put("heatmaps", heatmapFiles);
        m.put("coordinates", "boxes and outlines in level-0 pixels");
        return m;
    }

    private static Map<String, Object> plan(ReadPlan p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("slide_magnification", p.slideMagnification());
        m.put("magnification_source", p.magnificationSource());
        m.put("model_magnification", p.modelMagnification());
        m.put("downsample", p.downsample());
        m.put("level", p.level());
        m.put("level_downsample", p.levelDownsample());
        m.put("lanczos_factor", p.lanczosFactor());
        return m;
    }

    private static Map<String, Object> tissue(TissueResult t, List<String> classes) {
        TissueBox b = t.box();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", b.id());
        m.put("box", List.of(b.x(), b.y(), b.width(), b.height()));
        m.put("area_level0_px", b.areaL0Px());
        m.put("width_px", t.widthPx());
        m.put("height_px", t.heightPx());
        m.put("label", classes.get(t.label()));
        m.put("probabilities", byClass(classes, t.probabilities()));
        m.put("seconds", t.seconds());
        m.put("read_seconds", t.readSeconds());
        m.put("infer_seconds", t.inferSeconds());
        m.put("tiled", t.tiled());
        m.put("tiles", t.passTiles());
        return m;
    }

    private static Map<String, Double> byClass(List<String> classes, double[] p) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (int k = 0; k < classes.size(); k++) {
            m.put(classes.get(k), p[k]);
        }
        return m;
    }

    /**
     * @param slideName the slide's output name
     * @param tissueId the tissue id
     * @return a name-based (version 3) UUID, the same on every run, as QuPath's object ids are
     *     UUIDs
     */
    static UUID featureId(String slideName, int tissueId) {
        return UUID.nameUUIDFromBytes(
                (slideName + "/tissue/" + tissueId).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * @param r the slide's prediction
     * @param classes the class names
     * @return the {@code SLIDE.geojson} tree
     */
    public static Map<String, Object> geoJson(SlideResult r, List<String> classes) {
        return geoJson(r, classes, null);
    }

    /**
     * @param r the slide's prediction
     * @param classes the class names
     * @param roi the regions of interest the outlines are clipped to (holes included), or null
     * @return the {@code SLIDE.geojson} tree
     */
    public static Map<String, Object> geoJson(SlideResult r, List<String> classes, Geometry roi) {
        List<Map<String, Object>> features = new ArrayList<>();
        for (int i = 0; i < r.tissues().size(); i++) {
            TissueResult t = r.tissues().get(i);
            Map<String, Double> measurements = new LinkedHashMap<>();
            for (int k = 0; k < classes.size(); k++) {
                measurements.put("p_" + classes.get(k), t.probabilities()[k]);
            }
            Geometry outline =
                    ValidPolygons.clipped(ValidPolygons.ofRing(r.outlines().get(i)), roi);
            if (outline.isEmpty()) {
                continue;
            }
            features.add(
                    QuPathFeatures.feature(
                            featureId(r.name(), t.box().id()),
                            outline,
                            QuPathFeatures.ObjectType.ANNOTATION,
                            "tissue " + t.box().id(),
                            classes.get(t.label()),
                            rgb(t.label()),
                            measurements));
        }
        return QuPathFeatures.collection(features);
    }

    /**
     * @param k a class index
     * @return its display colour as {@code 0xRRGGBB}
     */
    static int rgb(int k) {
        int[] c = PALETTE[k % PALETTE.length];
        return c[0] << 16 | c[1] << 8 | c[2];
    }
}
