package org.lowmag.infer;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Geometry;
import org.lowmag.dataset.ImageFiles;
import org.lowmag.model.ModelInfo;
import org.lowmag.util.Json;

/**
 * Writes a slide's outputs atomically into the output folder: the heatmaps {@code
 * SLIDE.heatmap.CLASS.png} and {@code SLIDE.geojson} first, {@code SLIDE.json} last, so an existing
 * {@code SLIDE.json} means the slide is complete.
 */
public final class PredictionWriter {

    private PredictionWriter() {}

    /**
     * @param outDir the output folder
     * @param name the slide's output name
     * @return its {@code SLIDE.json}
     */
    public static Path jsonFile(Path outDir, String name) {
        return outDir.resolve(name + ".json");
    }

    /**
     * @param name the slide's output name
     * @param className a class name
     * @return the heatmap file name, the class name reduced to {@code [A-Za-z0-9._-]}
     */
    public static String heatmapName(String name, String className) {
        return name + ".heatmap." + className.replaceAll("[^A-Za-z0-9._-]", "_") + ".png";
    }

    /**
     * @param r the prediction
     * @param outDir the output folder
     * @param modelDir the model folder
     * @param info the model's metadata
     * @param truth the slide's known label, or empty
     * @param origin the model and settings that made it
     * @param qupath the regions of interest (outlines and tiles are clipped to them) and the side
     *     of the heatmap's GeoJSON tiles ({@code SLIDE.tiles.geojson}, {@link HeatmapTiles})
     * @throws IOException when writing fails
     */
    public static void write(
            SlideResult r,
            Path outDir,
            Path modelDir,
            ModelInfo info,
            String truth,
            PredictionOrigin origin,
            QuPathOptions qupath)
            throws IOException {
        Geometry roi = qupath.roiFor(r.slide());
        if (qupath.heatmapTileUm() > 0) {
            Json.write(
                    outDir.resolve(r.name() + ".tiles.geojson"),
                    HeatmapTiles.of(r, info.classes(), qupath.heatmapTileUm(), roi));
        }
        List<String> heatmapFiles = new ArrayList<>();
        for (int k = 0; k < r.heatmaps().size(); k++) {
            String file = heatmapName(r.name(), info.classes().get(k));
            ImageFiles.writePng(outDir.resolve(file), r.heatmaps().get(k));
            heatmapFiles.add(file);
        }
        Json.write(
                outDir.resolve(r.name() + ".geojson"),
                PredictionJson.geoJson(r, info.classes(), roi));
        Json.write(
                jsonFile(outDir, r.name()),
                PredictionJson.slide(r, modelDir, info, heatmapFiles, truth, origin));
    }
}
