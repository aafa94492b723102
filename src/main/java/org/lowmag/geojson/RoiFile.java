package org.lowmag.geojson;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;
import org.lowmag.util.LowMagException;

/**
 * Regions of interest from QuPath GeoJSON ({@code File > Export objects as GeoJSON}): the union of
 * the polygonal geometries of its annotations, made valid ({@link ValidPolygons}); holes and
 * multipolygons are kept. The file may be a {@code FeatureCollection}, a JSON array of features (as
 * older QuPath versions export), one {@code Feature} or a bare geometry. Features whose {@code
 * objectType} is {@code detection}, {@code cell} or {@code tile} are not regions and are skipped;
 * so are points and lines. Coordinates are level-0 pixels.
 */
public final class RoiFile {

    private RoiFile() {}

    /**
     * @param file a GeoJSON file
     * @return the union of its annotated regions
     * @throws IOException when the file cannot be read
     * @throws LowMagException when it is not GeoJSON or holds no region with an area
     */
    public static Geometry read(Path file) throws IOException {
        Object root;
        try {
            root = new Gson().fromJson(Files.readString(file), Object.class);
        } catch (JsonParseException e) {
            throw new LowMagException(file + " is not valid JSON: " + e.getMessage(), e);
        }
        List<Geometry> regions = new ArrayList<>();
        collect(root, file.toString(), regions);
        Geometry union = ValidPolygons.of(ValidPolygons.FACTORY.buildGeometry(regions));
        if (union.isEmpty()) {
            throw new LowMagException(
                    file
                            + " holds no annotation with an area (polygons or multipolygons):"
                            + " export the annotations from QuPath as GeoJSON");
        }
        return union;
    }

    private static void collect(Object node, String where, List<Geometry> out) {
        if (node instanceof List<?> features) {
            for (int i = 0; i < features.size(); i++) {
                collect(features.get(i), where + " [" + i + "]", out);
            }
            return;
        }
        if (!(node instanceof Map<?, ?> m)) {
            throw new LowMagException(where + ": expected a GeoJSON object, found " + node);
        }
        Object type = m.get("type");
        if ("FeatureCollection".equals(type)) {
            collect(m.get("features"), where, out);
        } else if ("Feature".equals(type)) {
            if (isRegion(m.get("properties")) && m.get("geometry") != null) {
                add(GeoJsonGeometry.fromMap(m.get("geometry"), where), out);
            }
        } else {
            add(GeoJsonGeometry.fromMap(m, where), out);
        }
    }

    private static void add(Geometry g, List<Geometry> out) {
        if (g != null && !g.isEmpty()) {
            out.add(g);
        }
    }

    private static boolean isRegion(Object properties) {
        if (properties instanceof Map<?, ?> p && p.get("objectType") instanceof String type) {
            String t = type.toLowerCase(Locale.ROOT);
            return !(t.equals("detection") || t.equals("cell") || t.equals("tile"));
        }
        return true;
    }

    /**
     * The ROI file of a slide.
     *
     * @param roi a GeoJSON file (used for every slide) or a folder of per-slide files
     * @param slide the slide
     * @return {@code roi} itself, or {@code roi/NAME.geojson} where NAME is the slide's file name
     *     without its extension (QuPath's export name) or with it
     * @throws LowMagException when the folder has no file for the slide
     */
    public static Path forSlide(Path roi, Path slide) {
        if (!Files.isDirectory(roi)) {
            return roi;
        }
        String name = slide.getFileName().toString();
        String stem = stem(name);
        List<Path> candidates =
                List.of(
                        roi.resolve(stem + ".geojson"),
                        roi.resolve(name + ".geojson"),
                        roi.resolve(stem + ".json"));
        for (Path c : candidates) {
            if (Files.isRegularFile(c)) {
                return c;
            }
        }
        throw new LowMagException(
                "no regions of interest for "
                        + slide
                        + " in "
                        + roi
                        + " (looked for "
                        + candidates.get(0).getFileName()
                        + ", "
                        + candidates.get(1).getFileName()
                        + ", "
                        + candidates.get(2).getFileName()
                        + ")");
    }

    /**
     * @param name a slide's file name
     * @return the name without its extension, {@code .ome.tif} and {@code .ome.tiff} counting as
     *     one (QuPath and LowMag name a slide's outputs so)
     */
    public static String stem(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        for (String ext : new String[] {".ome.tiff", ".ome.tif"}) {
            if (lower.endsWith(ext)) {
                return name.substring(0, name.length() - ext.length());
            }
        }
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
