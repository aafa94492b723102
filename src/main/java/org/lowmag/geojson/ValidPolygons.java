package org.lowmag.geojson;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.geom.util.PolygonExtracter;

/**
 * Valid polygonal geometry for QuPath: JTS's {@link GeometryFixer} repairs what tracing and
 * simplification leave (a ring touching itself at a vertex, a bow-tie, a collapsed spike), then
 * only the polygonal parts are kept and unioned into one {@code Polygon} or {@code MultiPolygon}
 * (empty when nothing of area remains). Coordinates are level-0 pixels on a 0.01-pixel grid.
 */
public final class ValidPolygons {

    /** Geometry factory on a 0.01-pixel grid (coordinates are written with two decimals). */
    public static final GeometryFactory FACTORY = new GeometryFactory(new PrecisionModel(100));

    private ValidPolygons() {}

    /**
     * @param geometry any geometry
     * @return its polygonal part, valid: a Polygon, a MultiPolygon or an empty Polygon
     */
    public static Geometry of(Geometry geometry) {
        Geometry fixed = geometry.isValid() ? geometry : GeometryFixer.fix(geometry);
        List<Polygon> polygons = new ArrayList<>();
        for (Object p : PolygonExtracter.getPolygons(fixed)) {
            Polygon polygon = (Polygon) p;
            if (!polygon.isEmpty() && polygon.getArea() > 0) {
                polygons.add(polygon);
            }
        }
        if (polygons.isEmpty()) {
            return FACTORY.createPolygon();
        }
        Geometry union = FACTORY.buildGeometry(polygons).union();
        return union.isValid() ? union : GeometryFixer.fix(union);
    }

    /**
     * @param geometry a valid polygonal geometry
     * @param region a valid polygonal region, or null
     * @return the part of {@code geometry} inside {@code region} (all of it when null), valid
     */
    public static Geometry clipped(Geometry geometry, Geometry region) {
        return region == null ? geometry : of(geometry.intersection(region));
    }

    /**
     * @param ring a closed ring of {@code {x, y}} points (first = last), e.g. a traced outline
     * @return the polygon it bounds, made valid
     */
    public static Geometry ofRing(List<double[]> ring) {
        if (ring.size() < 4) {
            return FACTORY.createPolygon();
        }
        Coordinate[] c = new Coordinate[ring.size()];
        for (int i = 0; i < c.length; i++) {
            c[i] = new Coordinate(ring.get(i)[0], ring.get(i)[1]);
        }
        c[c.length - 1] = new Coordinate(c[0]);
        return of(FACTORY.createPolygon(c));
    }
}
