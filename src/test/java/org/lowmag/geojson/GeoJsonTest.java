package org.lowmag.geojson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.lowmag.util.Json;
import org.lowmag.util.LowMagException;

/**
 * Regions of interest read from QuPath-shaped GeoJSON, geometry made valid, rasterised, and written
 * back; areas derived by hand in each test.
 */
class GeoJsonTest {

    @TempDir Path tmp;

    /**
     * A square 0..100 with a hole 30..70 (area 10000 - 1600 = 8400) and a MultiPolygon of two
     * squares 200..220 (400 each), as QuPath exports them (a FeatureCollection of annotations),
     * plus a detection and a point that are not regions.
     */
    private static final String QUPATH =
            "{\"type\":\"FeatureCollection\",\"features\":["
                    + "{\"type\":\"Feature\",\"id\":\"a\",\"geometry\":{\"type\":\"Polygon\","
                    + "\"coordinates\":[[[0,0],[100,0],[100,100],[0,100],[0,0]],"
                    + "[[30,30],[30,70],[70,70],[70,30],[30,30]]]},"
                    + "\"properties\":{\"objectType\":\"annotation\"}},"
                    + "{\"type\":\"Feature\",\"geometry\":{\"type\":\"MultiPolygon\","
                    + "\"coordinates\":[[[[200,0],[220,0],[220,20],[200,20],[200,0]]],"
                    + "[[[200,200],[220,200],[220,220],[200,220],[200,200]]]]},"
                    + "\"properties\":{\"objectType\":\"annotation\"}},"
                    + "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Polygon\","
                    + "\"coordinates\":[[[500,500],[600,500],[600,600],[500,500]]]},"
                    + "\"properties\":{\"objectType\":\"detection\"}},"
                    + "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\","
                    + "\"coordinates\":[7,7]},\"properties\":{\"objectType\":\"annotation\"}}"
                    + "]}";

    @Test
    void roiKeepsHolesAndMultipolygonsAndSkipsDetectionsAndPoints() throws IOException {
        Path file = Files.writeString(tmp.resolve("slide.geojson"), QUPATH);
        Geometry roi = RoiFile.read(file);
        assertEquals(8400 + 400 + 400, roi.getArea(), 1e-9);
        assertFalse(roi.contains(point(50, 50)), "inside the hole");
        assertTrue(roi.contains(point(10, 10)));
        assertTrue(roi.contains(point(210, 210)));
        assertFalse(roi.contains(point(550, 520)), "a detection is not a region");
    }

    @Test
    void arrayOfFeaturesAndBareGeometryAreRead() throws IOException {
        String array =
                "[{\"type\":\"Feature\",\"geometry\":{\"type\":\"Polygon\",\"coordinates\":"
                        + "[[[0,0],[10,0],[10,10],[0,10],[0,0]]]},\"properties\":{}}]";
        assertEquals(100, RoiFile.read(Files.writeString(tmp.resolve("a.json"), array)).getArea());
        String bare = "{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[4,0],[4,4],[0,0]]]}";
        assertEquals(8, RoiFile.read(Files.writeString(tmp.resolve("b.json"), bare)).getArea());
    }

    /**
     * A bow-tie (0,0)-(10,10)-(10,0)-(0,10) crosses itself at (5,5); JTS's fixer makes it two
     * triangles of 25 each.
     */
    @Test
    void selfIntersectingRingIsMadeValid() throws IOException {
        String bowTie =
                "{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[10,10],[10,0],[0,10],[0,0]]]}";
        Geometry g = RoiFile.read(Files.writeString(tmp.resolve("bow.geojson"), bowTie));
        assertTrue(g.isValid());
        assertEquals(50, g.getArea(), 1e-9);
        assertEquals(2, g.getNumGeometries());
    }

    @Test
    void fileWithoutRegionsOrNotJsonIsRefused() throws IOException {
        Path points =
                Files.writeString(
                        tmp.resolve("p.geojson"), "{\"type\":\"Point\",\"coordinates\":[1,2]}");
        assertTrue(
                assertThrows(LowMagException.class, () -> RoiFile.read(points))
                        .getMessage()
                        .contains("no annotation with an area"));
        Path junk = Files.writeString(tmp.resolve("j.geojson"), "{nope");
        assertTrue(
                assertThrows(LowMagException.class, () -> RoiFile.read(junk))
                        .getMessage()
                        .contains("not valid JSON"));
    }

    @Test
    void folderIsSearchedBySlideName() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("rois"));
        Files.writeString(dir.resolve("case-1.geojson"), QUPATH);
        assertEquals(
                dir.resolve("case-1.geojson"),
                RoiFile.forSlide(dir, Path.of("slides/case-1.ome.tif")));
        assertTrue(
                assertThrows(LowMagException.class, () -> RoiFile.forSlide(dir, Path.of("x.svs")))
                        .getMessage()
                        .contains("x.geojson"));
    }

    /**
     * On a 30x30 grid at downsample 10 (grid pixel (i, j) centred at level-0 (10 i + 5, 10 j + 5))
     * the square-with-hole covers centres 5..95 (10 x 10 = 100 pixels) minus the hole's centres
     * 35..65 (4 x 4 = 16): 84 (no centre lies on an edge); the two 20-px squares at 200..220 cover
     * centres 205 and 215: 4 each.
     */
    @Test
    void rasterUsesPixelCentresAndKeepsHolesOut() throws IOException {
        Geometry roi = RoiFile.read(Files.writeString(tmp.resolve("r.geojson"), QUPATH));
        boolean[] mask = RoiRaster.mask(roi, 30, 30, 10, 10);
        int n = 0;
        for (boolean b : mask) {
            n += b ? 1 : 0;
        }
        assertEquals(84 + 4 + 4, n);
        assertFalse(mask[5 * 30 + 5], "centre (55, 55) is in the hole");
        assertTrue(mask[0]);
    }

    /**
     * 100 um tiles at 0.5 um/px are 200 px; the envelope 150..650 x 0..250 holds tile centres x =
     * 300, 500 (i = 1, 2) and y = 100 (j = 0).
     */
    @Test
    void tileGridIsFixedInMicrometres() {
        TileGrid grid = new TileGrid(100, 0.5, 0.5);
        List<int[]> tiles = grid.tilesCentredIn(new Envelope(150, 650, 0, 250));
        assertEquals(2, tiles.size());
        assertEquals(List.of(1, 0), List.of(tiles.get(0)[0], tiles.get(0)[1]));
        assertEquals(List.of(2, 0), List.of(tiles.get(1)[0], tiles.get(1)[1]));
        assertEquals(40000, grid.square(1, 0).getArea(), 1e-9);
        assertEquals(300, grid.centre(1, 0)[0], 1e-12);
    }

    @Test
    void writtenFeaturesPassTheChecksAndReadBack() throws IOException {
        Geometry roi = RoiFile.read(Files.writeString(tmp.resolve("in.geojson"), QUPATH));
        Map<String, Object> fc =
                QuPathFeatures.collection(
                        List.of(
                                QuPathFeatures.feature(
                                        UUID.randomUUID(),
                                        roi,
                                        QuPathFeatures.ObjectType.ANNOTATION,
                                        "roi",
                                        "Tumor",
                                        0xC80000,
                                        Map.of("p_tumour", 0.5))));
        Path out = tmp.resolve("out.geojson");
        Json.write(out, fc);
        List<Geometry> back = GeoJsonChecks.validate(out);
        assertEquals(1, back.size());
        assertTrue(back.get(0).equalsTopo(roi));
    }

    /**
     * A 20x20 black image of level-0 [100, 140) x [100, 140) at downsample 2 with the region [100,
     * 120] x [100, 140]: image columns 0..9 (level-0 centres 101..119) stay, columns 10..19 turn
     * white.
     */
    @Test
    void whiteOutsidePaintsOnlyOutsideTheRegion() throws IOException {
        String left =
                "{\"type\":\"Polygon\",\"coordinates\":[[[100,100],[120,100],[120,140],[100,140],[100,100]]]}";
        Geometry roi = RoiFile.read(Files.writeString(tmp.resolve("l.geojson"), left));
        java.awt.image.BufferedImage img =
                new java.awt.image.BufferedImage(20, 20, java.awt.image.BufferedImage.TYPE_INT_RGB);
        RoiRaster.whiteOutside(img, roi, 100, 100, 2, 2);
        for (int y = 0; y < 20; y++) {
            for (int x = 0; x < 20; x++) {
                assertEquals(x < 10 ? 0 : 0xFFFFFF, img.getRGB(x, y) & 0xFFFFFF, x + "," + y);
            }
        }
    }

    private static Geometry point(double x, double y) {
        return ValidPolygons.FACTORY.createPoint(new Coordinate(x, y));
    }
}
