package org.lowmag.infer;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.lowmag.geojson.QuPathFeatures;
import org.lowmag.geojson.TileGrid;
import org.lowmag.geojson.ValidPolygons;
import org.lowmag.slide.RegionRequest;

/**
 * The heatmaps as QuPath detections ({@code SLIDE.tiles.geojson}): square tiles of a fixed side in
 * micrometres ({@link TileGrid}, from the slide's resolved magnification: {@code um/px = 10 /
 * magnification}, the paper's convention), one for each tile whose centre lies inside a tissue
 * outline, carrying measurements {@code p_<class>}: the local class probability at the centre,
 * {@code p_k = softmax_k(CAM_k(u, v) + b_k)}, as the fixed-scale heatmap PNGs show, where {@code
 * (u, v)} is the centre in the tissue image's pixels ({@link TissueCam#sample}). Each tile is
 * classified by its most probable class. With regions of interest, the outlines are first clipped
 * to them (holes stay empty). QuPath's Measurement Maps then colour the tiles by any {@code
 * p_<class>} with a legend.
 */
public final class HeatmapTiles {

    private HeatmapTiles() {}

    /**
     * @param r a prediction made with heatmaps (every tissue has its CAM)
     * @param classes the class names
     * @param sideUm the tiles' side in micrometres
     * @param roi the regions of interest: only tiles centred inside them are written; null for all
     * @return the FeatureCollection of detections
     * @throws IllegalArgumentException when a tissue has no CAM
     */
    public static Map<String, Object> of(
            SlideResult r, List<String> classes, double sideUm, Geometry roi) {
        double mpp = 10.0 / r.plan().slideMagnification();
        TileGrid grid = new TileGrid(sideUm, mpp, mpp);
        List<Map<String, Object>> features = new ArrayList<>();
        for (int i = 0; i < r.tissues().size(); i++) {
            TissueResult t = r.tissues().get(i);
            if (t.cam() == null) {
                throw new IllegalArgumentException(
                        "tissue " + t.box().id() + " has no class-activation map");
            }
            Geometry outline =
                    ValidPolygons.clipped(ValidPolygons.ofRing(r.outlines().get(i)), roi);
            PreparedGeometry inside = PreparedGeometryFactory.prepare(outline);
            RegionRequest read = TissueReader.levelRequest(r.metadata(), r.plan(), t.box());
            for (int[] ij : grid.tilesCentredIn(outline.getEnvelopeInternal())) {
                double[] c = grid.centre(ij[0], ij[1]);
                if (!inside.contains(
                        ValidPolygons.FACTORY.createPoint(new Coordinate(c[0], c[1])))) {
                    continue;
                }
                double[] p = probabilities(t.cam(), read, c);
                Map<String, Double> measurements = new LinkedHashMap<>();
                int best = 0;
                for (int k = 0; k < classes.size(); k++) {
                    measurements.put("p_" + classes.get(k), Math.round(p[k] * 1e4) / 1e4);
                    best = p[k] > p[best] ? k : best;
                }
                features.add(
                        QuPathFeatures.feature(
                                tileId(r.name(), ij),
                                grid.square(ij[0], ij[1]),
                                QuPathFeatures.ObjectType.DETECTION,
                                null,
                                classes.get(best),
                                PredictionJson.rgb(best),
                                measurements));
            }
        }
        return QuPathFeatures.collection(features);
    }

    /** Local class probabilities at a level-0 point of the tissue read by {@code read}. */
    private static double[] probabilities(TissueCam cam, RegionRequest read, double[] xy) {
        double u = (xy[0] - read.x()) * cam.imageWidthPx() / read.widthL0();
        double v = (xy[1] - read.y()) * cam.imageHeightPx() / read.heightL0();
        int classes = cam.maps().length;
        double[][] values = new double[classes][1];
        for (int k = 0; k < classes; k++) {
            values[k][0] = cam.sample(k, u, v);
        }
        HeatmapRenderer.toProbabilities(values, cam.bias());
        double[] p = new double[classes];
        for (int k = 0; k < classes; k++) {
            p[k] = values[k][0];
        }
        return p;
    }

    private static UUID tileId(String slideName, int[] ij) {
        return UUID.nameUUIDFromBytes(
                (slideName + "/tile/" + ij[0] + "/" + ij[1]).getBytes(StandardCharsets.UTF_8));
    }
}
