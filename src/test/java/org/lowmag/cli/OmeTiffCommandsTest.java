package org.lowmag.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.lowmag.geojson.GeoJsonChecks;
import org.lowmag.infer.SyntheticSlides;
import org.lowmag.tiff.OmeTiffFixture;
import org.lowmag.util.Json;

/**
 * The "done when" on an OME-TIFF written by the tests as QuPath's Bio-Formats writer does
 * ({@link OmeTiffFixture}: JFIF tiles under PhotometricInterpretation RGB, SubIFD levels 1536x1024,
 * 768x512, 384x256, 0.25 um/px, 40x): {@code info}, {@code tissue} and {@code predict} see its true
 * colours at every level, their GeoJSON passes {@link GeoJsonChecks}, and {@code predict --roi}
 * classifies only inside the annotation. The tissue is the rectangle [384, 1152) x [256, 768) in
 * level-0 pixels, of pink and purple blocks on a near-white background.
 */
class OmeTiffCommandsTest {

    static final int W = 1536;
    static final int H = 1024;

    @TempDir Path tmp;

    private Path slide() throws IOException {
        return OmeTiffFixture.write(
                tmp.resolve("case-1.ome.tif"),
                W,
                H,
                3,
                256,
                OmeTiffFixture.omeXml(W, H, 0.25, 0.25, 40, "Brightfield"));
    }

    @Test
    void infoReportsOmeTiffWithItsLevelsAndScale() throws IOException {
        String printed = CliRun.run(0, "info", slide().toString());
        JsonObject j =
                new Gson().fromJson(printed.substring(printed.indexOf('{')), JsonObject.class);
        assertEquals("ome-tiff", j.get("vendor").getAsString());
        assertEquals("tiff", j.get("backend").getAsString());
        assertEquals(3, j.get("levels").getAsInt());
        assertEquals(0.25, j.getAsJsonObject("mpp").get("x").getAsDouble(), 1e-12);
        assertEquals(40.0, j.get("objective_power").getAsDouble(), 1e-12);
        assertEquals(40.0, j.get("magnification").getAsDouble(), 1e-9);
    }

    /**
     * Analysis sizes 1536, 1535 and 384 on levels of 1536, 768 and 384 px read level 0 (the slide
     * fits), then level 2 twice (384 px, the smallest level whose longer side lies in [S/5, S]:
     * [307, 1535] and [77, 384]): the thumbnail shows the true colours at block centres, one tissue
     * is found on the rectangle (to 2 analysis pixels), and its GeoJSON outline is valid with about
     * the rectangle's area (768 x 512 = 393216 px).
     */
    @ParameterizedTest
    @CsvSource({"1536,1536", "1535,384", "384,384"})
    void tissueSeesTrueColoursAndWritesValidGeoJson(int analysisSize, int levelWidthPx)
            throws IOException {
        Path out = tmp.resolve("t" + analysisSize);
        CliRun.run(
                0,
                "tissue",
                slide().toString(),
                "--out",
                out.toString(),
                "--analysis-size",
                Integer.toString(analysisSize),
                "--geojson");
        BufferedImage thumb = ImageIO.read(out.resolve("thumbnail.png").toFile());
        assertEquals(levelWidthPx, thumb.getWidth());
        int ds = W / levelWidthPx;
        for (int y = 64; y < H; y += 2 * OmeTiffFixture.BLOCK_PX) {
            for (int x = 64; x < W; x += 2 * OmeTiffFixture.BLOCK_PX) {
                int expected = OmeTiffFixture.pixel(x, y, W, H);
                int actual = thumb.getRGB(x / ds, y / ds);
                for (int shift = 0; shift <= 16; shift += 8) {
                    int e = (expected >> shift) & 0xFF;
                    int a = (actual >> shift) & 0xFF;
                    assertTrue(
                            Math.abs(e - a) <= 12,
                            String.format(
                                    "analysis %d at (%d, %d): expected %06x, got %06x",
                                    analysisSize, x, y, expected, actual & 0xFFFFFF));
                }
            }
        }
        JsonObject t = Json.readTree(out.resolve("tissues.json")).getAsJsonObject();
        assertEquals(1, t.get("tissue_count").getAsInt());
        JsonObject box = t.getAsJsonArray("tissues").get(0).getAsJsonObject();
        assertEquals(384, box.get("x").getAsLong(), 2.0 * ds);
        assertEquals(256, box.get("y").getAsLong(), 2.0 * ds);
        assertEquals(768, box.get("width").getAsLong(), 4.0 * ds);
        List<Geometry> outlines = GeoJsonChecks.validate(out.resolve("tissues.geojson"));
        assertEquals(1, outlines.size());
        assertEquals(768 * 512, outlines.get(0).getArea(), 0.03 * 768 * 512);
    }

    /**
     * predict with a 40x, 20x and 10x model reads levels 0, 1 and 2 and finds the one tissue; the
     * heatmap keeps the thumbnail's true background colour (0xF2F2F2; the RGB-read JFIF gives
     * 0xF28080).
     */
    @Tag("engine")
    @ParameterizedTest
    @ValueSource(doubles = {40, 20, 10})
    void predictFindsTheTissueAtEveryLevel(double modelMag) throws IOException {
        Path out = tmp.resolve("p");
        JsonArray box = predictOneTissue(modelMag, out, "--heatmap");
        assertEquals(384, box.get(0).getAsLong(), 2);
        assertEquals(256, box.get(1).getAsLong(), 2);
        BufferedImage heat = ImageIO.read(out.resolve("case-1.heatmap.tumour.png").toFile());
        int bg = heat.getRGB(20, 20) & 0xFFFFFF;
        assertTrue(
                Math.abs(((bg >> 8) & 0xFF) - 0xF2) <= 10 && Math.abs((bg & 0xFF) - 0xF2) <= 10,
                String.format("background %06x", bg));
    }

    /**
     * Runs {@code predict} with an untrained model at a magnification on the fixture.
     *
     * @return the box of its one tissue
     */
    private JsonArray predictOneTissue(double modelMag, Path out, String... extra)
            throws IOException {
        Path model = SyntheticSlides.model(tmp.resolve("model"), modelMag);
        List<String> args =
                new java.util.ArrayList<>(
                        List.of(
                                "predict",
                                "--model",
                                model.toString(),
                                slide().toString(),
                                "--out",
                                out.toString()));
        args.addAll(List.of(extra));
        CliRun.run(0, args.toArray(new String[0]));
        JsonArray tissues =
                Json.readTree(out.resolve("case-1.json"))
                        .getAsJsonObject()
                        .getAsJsonArray("tissues");
        assertEquals(1, tissues.size());
        return tissues.get(0).getAsJsonObject().getAsJsonArray("box");
    }

    /**
     * The annotation is the rectangle [300, 800] x [200, 800] with a hole [500, 600] x [400, 500];
     * inside the tissue that leaves [384, 800] x [256, 768] less the hole: 416 x 512 - 100 x 100 =
     * 202992 px. Only that is classified: the tissue's box, outline and every heatmap tile (100 um
     * = 400 px at 0.25 um/px... here 25 um = 100 px tiles) lie inside the annotation.
     */
    @Tag("engine")
    @Test
    void predictRoiClassifiesOnlyInsideTheAnnotation() throws IOException {
        Path rois = Files.createDirectories(tmp.resolve("rois"));
        Files.writeString(
                rois.resolve("case-1.geojson"),
                "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\","
                        + "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":["
                        + "[[300,200],[800,200],[800,800],[300,800],[300,200]],"
                        + "[[500,400],[500,500],[600,500],[600,400],[500,400]]]},"
                        + "\"properties\":{\"objectType\":\"annotation\"}}]}");
        Path out = tmp.resolve("roi");
        JsonArray box =
                predictOneTissue(10, out, "--roi", rois.toString(), "--heatmap-geojson", "25");
        assertEquals(384, box.get(0).getAsLong(), 2);
        assertEquals(800, box.get(0).getAsLong() + box.get(2).getAsLong(), 2);

        GeometryFactory f = new GeometryFactory();
        Geometry roi =
                f.createPolygon(
                        f.createLinearRing(
                                new Coordinate[] {
                                    new Coordinate(300, 200),
                                    new Coordinate(800, 200),
                                    new Coordinate(800, 800),
                                    new Coordinate(300, 800),
                                    new Coordinate(300, 200)
                                }),
                        new org.locationtech.jts.geom.LinearRing[] {
                            f.createLinearRing(
                                    new Coordinate[] {
                                        new Coordinate(500, 400),
                                        new Coordinate(600, 400),
                                        new Coordinate(600, 500),
                                        new Coordinate(500, 500),
                                        new Coordinate(500, 400)
                                    })
                        });
        List<Geometry> outline = GeoJsonChecks.validate(out.resolve("case-1.geojson"));
        assertEquals(1, outline.size());
        assertTrue(roi.buffer(2).contains(outline.get(0)), "outline inside the annotation");
        assertEquals(202992, outline.get(0).getArea(), 0.03 * 202992);

        List<Geometry> tiles = GeoJsonChecks.validate(out.resolve("case-1.tiles.geojson"));
        assertFalse(tiles.isEmpty());
        for (Geometry tile : tiles) {
            assertEquals(100 * 100, tile.getArea(), 1e-6, "25 um at 0.25 um/px");
            assertTrue(roi.contains(tile.getCentroid()), "tile centred outside: " + tile);
        }
        Map<?, ?> first =
                (Map<?, ?>)
                        ((List<?>)
                                        new Gson()
                                                .fromJson(
                                                        Files.readString(
                                                                out.resolve(
                                                                        "case-1.tiles.geojson")),
                                                        Map.class)
                                                .get("features"))
                                .get(0);
        Map<?, ?> m = (Map<?, ?>) ((Map<?, ?>) first.get("properties")).get("measurements");
        double sum =
                ((Number) m.get("p_benign")).doubleValue()
                        + ((Number) m.get("p_tumour")).doubleValue();
        assertEquals(1.0, sum, 2e-4);
    }
}
