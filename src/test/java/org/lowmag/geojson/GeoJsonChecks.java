package org.lowmag.geojson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.Gson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;

/**
 * Validates a GeoJSON file the way QuPath's import needs it, without QuPath (its jars are not on
 * Maven Central): a schema-shaped check of RFC 7946's structure (a FeatureCollection of Features,
 * each with an id, a Polygon or MultiPolygon geometry whose rings are closed arrays of [x, y]
 * numbers with at least 4 positions, exteriors counter-clockwise and holes clockwise on the raw
 * numbers) and QuPath's properties (objectType annotation or detection; classification with a name
 * and a 3-integer colour; measurements as name to number), then each geometry parsed back with JTS,
 * which must find it valid (no self-intersection, no self-touching ring) and non-empty.
 */
public final class GeoJsonChecks {

    private GeoJsonChecks() {}

    /**
     * @param file a GeoJSON file
     * @return each feature's geometry, as JTS reads it, in order
     * @throws IOException when the file cannot be read
     */
    public static List<Geometry> validate(Path file) throws IOException {
        Map<?, ?> root = new Gson().fromJson(Files.readString(file), Map.class);
        assertEquals("FeatureCollection", root.get("type"), file + ": type");
        List<?> features = (List<?>) root.get("features");
        List<Geometry> out = new ArrayList<>();
        for (int i = 0; i < features.size(); i++) {
            String where = file + " feature " + i;
            Map<?, ?> f = (Map<?, ?>) features.get(i);
            assertEquals("Feature", f.get("type"), where);
            assertTrue(f.get("id") instanceof String, where + ": id");
            checkProperties((Map<?, ?>) f.get("properties"), where);
            Map<?, ?> g = (Map<?, ?>) f.get("geometry");
            checkCoordinates(g, where);
            Geometry geometry = rawGeometry(g, where);
            assertTrue(geometry.isValid(), where + ": JTS finds the geometry invalid");
            assertFalse(geometry.isEmpty(), where + ": empty geometry");
            out.add(geometry);
        }
        return out;
    }

    private static void checkProperties(Map<?, ?> p, String where) {
        Object type = p.get("objectType");
        assertTrue("annotation".equals(type) || "detection".equals(type), where + ": objectType");
        if (p.containsKey("classification")) {
            Map<?, ?> c = (Map<?, ?>) p.get("classification");
            assertTrue(c.get("name") instanceof String, where + ": classification name");
            List<?> colour = (List<?>) c.get("color");
            assertEquals(3, colour.size(), where + ": colour");
            for (Object v : colour) {
                double d = ((Number) v).doubleValue();
                assertTrue(d == Math.rint(d) && d >= 0 && d <= 255, where + ": colour " + v);
            }
        }
        if (p.containsKey("measurements")) {
            for (Map.Entry<?, ?> e : ((Map<?, ?>) p.get("measurements")).entrySet()) {
                assertTrue(e.getKey() instanceof String, where + ": measurement name");
                assertTrue(e.getValue() instanceof Number, where + ": measurement " + e.getKey());
            }
        }
    }

    private static void checkCoordinates(Map<?, ?> g, String where) {
        Object type = g.get("type");
        List<?> coords = (List<?>) g.get("coordinates");
        List<?> polygons = "Polygon".equals(type) ? List.of(coords) : coords;
        assertTrue("Polygon".equals(type) || "MultiPolygon".equals(type), where + ": " + type);
        for (Object polygon : polygons) {
            List<?> rings = (List<?>) polygon;
            assertFalse(rings.isEmpty(), where + ": a polygon without rings");
            for (int r = 0; r < rings.size(); r++) {
                List<?> ring = (List<?>) rings.get(r);
                assertTrue(ring.size() >= 4, where + ": a ring of " + ring.size() + " positions");
                assertEquals(ring.get(0), ring.get(ring.size() - 1), where + ": ring not closed");
                double area = signedArea(ring);
                assertTrue(
                        r == 0 ? area > 0 : area < 0,
                        where + ": ring " + r + " winds the wrong way (area " + area + ")");
            }
        }
    }

    /** {@code sum (x_i y_{i+1} - x_{i+1} y_i) / 2} over the ring's positions. */
    static double signedArea(List<?> ring) {
        double s = 0;
        for (int i = 0; i + 1 < ring.size(); i++) {
            List<?> a = (List<?>) ring.get(i);
            List<?> b = (List<?>) ring.get(i + 1);
            double ax = ((Number) a.get(0)).doubleValue();
            double ay = ((Number) a.get(1)).doubleValue();
            double bx = ((Number) b.get(0)).doubleValue();
            double by = ((Number) b.get(1)).doubleValue();
            s += ax * by - bx * ay;
        }
        return s / 2;
    }

    /** The geometry as written (not repaired): JTS must accept it as it is. */
    private static Geometry rawGeometry(Map<?, ?> g, String where) {
        Geometry raw = GeoJsonGeometry.parse(g, where);
        assertTrue(raw != null, where + ": not a polygonal geometry");
        return raw;
    }
}
