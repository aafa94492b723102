package org.lowmag.geojson;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.locationtech.jts.geom.Geometry;

/**
 * GeoJSON features as QuPath reads them ({@code File > Import objects}, or dragging the file onto a
 * slide): {@code properties.objectType} {@code annotation} or {@code detection}, an optional {@code
 * classification} ({@code name}, {@code color} as {@code [r, g, b]}), {@code name}, and {@code
 * measurements} (name to number), which QuPath's Measurement Maps colour. Feature ids are UUIDs, as
 * QuPath's own.
 */
public final class QuPathFeatures {

    /** QuPath's object types used here. */
    public enum ObjectType {
        /** A region drawn or imported by a person (here: tissue outlines). */
        ANNOTATION,
        /** A detected object (here: heatmap tiles). */
        DETECTION;

        String json() {
            return this == ANNOTATION ? "annotation" : "detection";
        }
    }

    private QuPathFeatures() {}

    /**
     * @param id the feature id (a UUID, stable when derived from stable names)
     * @param geometry a Polygon or MultiPolygon in level-0 pixels
     * @param type annotation or detection
     * @param name the object's name, or null
     * @param className the classification's name, or null for none
     * @param rgb the classification's colour {@code 0xRRGGBB}
     * @param measurements measurement name to value (kept in order), may be empty
     * @return the feature
     */
    public static Map<String, Object> feature(
            UUID id,
            Geometry geometry,
            ObjectType type,
            String name,
            String className,
            int rgb,
            Map<String, Double> measurements) {
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("objectType", type.json());
        if (className != null) {
            Map<String, Object> classification = new LinkedHashMap<>();
            classification.put("name", className);
            classification.put("color", List.of((rgb >> 16) & 0xFF, (rgb >> 8) & 0xFF, rgb & 0xFF));
            props.put("classification", classification);
        }
        if (name != null) {
            props.put("name", name);
        }
        if (!measurements.isEmpty()) {
            props.put("measurements", new LinkedHashMap<>(measurements));
        }
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("type", "Feature");
        f.put("id", id.toString());
        f.put("geometry", GeoJsonGeometry.toMap(geometry));
        f.put("properties", props);
        return f;
    }

    /**
     * @param features the features
     * @return a {@code FeatureCollection} of them
     */
    public static Map<String, Object> collection(List<Map<String, Object>> features) {
        Map<String, Object> fc = new LinkedHashMap<>();
        fc.put("type", "FeatureCollection");
        fc.put("features", List.copyOf(features));
        return fc;
    }
}
