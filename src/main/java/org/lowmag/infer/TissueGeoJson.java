package org.lowmag.infer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;
import org.lowmag.geojson.QuPathFeatures;
import org.lowmag.geojson.ValidPolygons;
import org.lowmag.slide.SlideMetadata;
import org.lowmag.tissue.TissueBox;
import org.lowmag.tissue.TissueDetection;

/**
 * The tissue outlines of a detection as QuPath annotations ({@code lowmag tissue --geojson}): one
 * feature per piece, classified {@code Tissue}, named {@code tissue N}, its outline traced and
 * simplified as {@code predict}'s ({@link SlidePredictor#outline}), in level-0 pixels, made valid
 * ({@link ValidPolygons}); measurements {@code area_um2} (when um/px is known) and {@code
 * area_level0_px}.
 */
public final class TissueGeoJson {

    /** QuPath's colour for the Tissue class: 0xC8C8C8 would be invisible on white; a dark green. */
    static final int TISSUE_RGB = 0x1E8C3C;

    private TissueGeoJson() {}

    /**
     * @param d the detection
     * @param meta the slide it was made on
     * @param slideName the slide's name (for stable feature ids)
     * @return the FeatureCollection
     */
    public static Map<String, Object> of(TissueDetection d, SlideMetadata meta, String slideName) {
        List<Map<String, Object>> features = new ArrayList<>();
        for (TissueBox b : d.boxes()) {
            Geometry outline =
                    ValidPolygons.ofRing(
                            SlidePredictor.outline(d.pieces(), b.id(), d.mask(), meta));
            if (outline.isEmpty()) {
                continue;
            }
            Map<String, Double> measurements = new LinkedHashMap<>();
            b.areaUm2().ifPresent(a -> measurements.put("area_um2", a));
            measurements.put("area_level0_px", b.areaL0Px());
            features.add(
                    QuPathFeatures.feature(
                            PredictionJson.featureId(slideName, b.id()),
                            outline,
                            QuPathFeatures.ObjectType.ANNOTATION,
                            "tissue " + b.id(),
                            "Tissue",
                            TISSUE_RGB,
                            measurements));
        }
        return QuPathFeatures.collection(features);
    }
}
