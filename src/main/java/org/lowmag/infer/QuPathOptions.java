package org.lowmag.infer;

import java.io.IOException;
import java.nio.file.Path;
import org.locationtech.jts.geom.Geometry;
import org.lowmag.geojson.RoiFile;

/**
 * What {@code predict} takes from and gives to QuPath beyond the tissue outlines.
 *
 * @param roi a GeoJSON file of annotations (for every slide) or a folder of per-slide files ({@link
 *     RoiFile#forSlide}); null to classify all the tissue found. With it, only tissue inside the
 *     annotated regions is classified, and pixels outside them are white in the network's input
 * @param heatmapTileUm side in micrometres of the square detection tiles written to {@code
 *     SLIDE.tiles.geojson} with {@code p_<class>} measurements ({@link HeatmapTiles}); 0 for none
 */
public record QuPathOptions(Path roi, double heatmapTileUm) {

    /** Validates. */
    public QuPathOptions {
        if (!(heatmapTileUm >= 0) || Double.isInfinite(heatmapTileUm)) {
            throw new IllegalArgumentException(
                    "--heatmap-geojson must be a positive number of micrometres, got "
                            + heatmapTileUm);
        }
    }

    /**
     * @return neither regions of interest nor heatmap tiles
     */
    public static QuPathOptions none() {
        return new QuPathOptions(null, 0);
    }

    /**
     * @param slide a slide
     * @return its regions of interest in level-0 pixels, or null when none were given
     * @throws IOException when the ROI file cannot be read
     */
    Geometry roiFor(Path slide) throws IOException {
        return roi == null ? null : RoiFile.read(RoiFile.forSlide(roi, slide));
    }
}
