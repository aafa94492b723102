package org.lowmag.geojson;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.lowmag.util.LowMagException;

/**
 * Polygonal JTS geometry to and from GeoJSON geometry objects (RFC 7946 section 3.1): {@code
 * Polygon} ({@code coordinates}: rings, the exterior first, then holes; each ring closed), {@code
 * MultiPolygon} (a list of those) and, when read, {@code GeometryCollection} of them. Written
 * exteriors wind counter-clockwise and holes clockwise in RFC 7946's sense on the raw numbers
 * (positive signed area {@code sum (x_i y_{i+1} - x_{i+1} y_i) / 2} for exteriors).
 */
public final class GeoJsonGeometry {

    private GeoJsonGeometry() {}

    /**
     * @param geometry a Polygon or MultiPolygon
     * @return its GeoJSON geometry object
     */
    public static Map<String, Object> toMap(Geometry geometry) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (geometry instanceof Polygon p) {
            m.put("type", "Polygon");
            m.put("coordinates", rings(p));
            return m;
        }
        List<Object> polygons = new ArrayList<>();
        for (int i = 0; i < geometry.getNumGeometries(); i++) {
            Geometry g = geometry.getGeometryN(i);
            if (!(g instanceof Polygon p)) {
                throw new IllegalArgumentException(
                        "only polygons can be written, not " + g.getGeometryType());
            }
            polygons.add(rings(p));
        }
        m.put("type", "MultiPolygon");
        m.put("coordinates", polygons);
        return m;
    }

    private static List<List<List<Double>>> rings(Polygon p) {
        Polygon oriented = (Polygon) p.copy();
        oriented.normalize(); // JTS: shell clockwise, holes counter-clockwise (y up)
        List<List<List<Double>>> rings = new ArrayList<>();
        rings.add(ring(oriented.getExteriorRing(), true));
        for (int i = 0; i < oriented.getNumInteriorRing(); i++) {
            rings.add(ring(oriented.getInteriorRingN(i), true));
        }
        return rings;
    }

    /** The ring's points, reversed when asked (JTS's clockwise is RFC 7946's CCW in y-down). */
    private static List<List<Double>> ring(LineString ring, boolean reverse) {
        Coordinate[] c = ring.getCoordinates();
        List<List<Double>> out = new ArrayList<>(c.length);
        for (int i = 0; i < c.length; i++) {
            Coordinate p = c[reverse ? c.length - 1 - i : i];
            out.add(List.of(round(p.x), round(p.y)));
        }
        return out;
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

    /**
     * @param geometry a GeoJSON geometry object as parsed JSON (maps and lists)
     * @param where the file and feature, for messages
     * @return the polygonal geometry, made valid; null for non-polygonal types (points, lines),
     *     which have no area to classify
     * @throws LowMagException when the object is not a GeoJSON geometry
     */
    public static Geometry fromMap(Object geometry, String where) {
        Geometry raw = parse(geometry, where);
        return raw == null ? null : ValidPolygons.of(raw);
    }

    /**
     * @param geometry a GeoJSON geometry object as parsed JSON
     * @param where the file and feature, for messages
     * @return the geometry as written (not repaired: may be invalid), null for points and lines
     */
    static Geometry parse(Object geometry, String where) {
        if (!(geometry instanceof Map<?, ?> m) || !(m.get("type") instanceof String type)) {
            throw new LowMagException(where + ": a GeoJSON geometry needs a \"type\"");
        }
        switch (type) {
            case "Polygon":
                return polygon(m.get("coordinates"), where);
            case "MultiPolygon":
                List<Polygon> parts = new ArrayList<>();
                for (Object p : list(m.get("coordinates"), where)) {
                    parts.add(polygon(p, where));
                }
                return ValidPolygons.FACTORY.createMultiPolygon(parts.toArray(new Polygon[0]));
            case "GeometryCollection":
                List<Geometry> members = new ArrayList<>();
                for (Object g : list(m.get("geometries"), where)) {
                    Geometry member = parse(g, where);
                    if (member != null) {
                        members.add(member);
                    }
                }
                return ValidPolygons.FACTORY.buildGeometry(members);
            case "Point", "MultiPoint", "LineString", "MultiLineString":
                return null;
            default:
                throw new LowMagException(where + ": unknown GeoJSON geometry type " + type);
        }
    }

    private static Polygon polygon(Object coordinates, String where) {
        List<?> rings = list(coordinates, where);
        if (rings.isEmpty()) {
            return ValidPolygons.FACTORY.createPolygon();
        }
        LinearRing shell = linearRing(rings.get(0), where);
        LinearRing[] holes = new LinearRing[rings.size() - 1];
        for (int i = 1; i < rings.size(); i++) {
            holes[i - 1] = linearRing(rings.get(i), where);
        }
        return ValidPolygons.FACTORY.createPolygon(shell, holes);
    }

    private static LinearRing linearRing(Object ring, String where) {
        List<?> points = list(ring, where);
        List<Coordinate> c = new ArrayList<>();
        for (Object p : points) {
            List<?> xy = list(p, where);
            if (xy.size() < 2
                    || !(xy.get(0) instanceof Number x)
                    || !(xy.get(1) instanceof Number y)) {
                throw new LowMagException(where + ": a GeoJSON position must be [x, y]: " + p);
            }
            c.add(new Coordinate(x.doubleValue(), y.doubleValue()));
        }
        if (c.isEmpty()) {
            return ValidPolygons.FACTORY.createLinearRing();
        }
        if (!c.get(0).equals2D(c.get(c.size() - 1))) {
            c.add(new Coordinate(c.get(0)));
        }
        while (c.size() < 4) {
            c.add(new Coordinate(c.get(0)));
        }
        return ValidPolygons.FACTORY.createLinearRing(c.toArray(new Coordinate[0]));
    }

    private static List<?> list(Object value, String where) {
        if (!(value instanceof List<?> l)) {
            throw new LowMagException(
                    where + ": GeoJSON coordinates must be nested arrays, found " + value);
        }
        return l;
    }
}
