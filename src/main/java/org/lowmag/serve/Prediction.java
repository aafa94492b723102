package org.lowmag.serve;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.lowmag.util.Json;
import org.lowmag.util.LowMagException;

/**
 * What {@code lowmag predict} wrote for one slide, read back from its folder: {@code SLIDE.json},
 * {@code SLIDE.geojson} and {@code SLIDE.heatmap.CLASS.png}. Only files that {@code SLIDE.json}
 * names inside its own folder are kept (a heatmap name with a path separator is ignored).
 *
 * @param json the {@code SLIDE.json} file
 * @param slide the slide file it names (absolute, as written)
 * @param label the predicted slide label
 * @param probabilities the slide probabilities by class, in the model's class order
 * @param truth the known label, or empty
 * @param tissueCount the number of tissues classified
 * @param model the model folder that made it
 * @param magnification the model's magnification (e.g. 0.625)
 * @param heatmapScale {@code FIXED} (probability 0 to 1) or {@code STRETCH}, or empty
 * @param geoJson the tissue outlines file, when present
 * @param heatmaps the heatmap files by class, in class order (empty when none)
 * @param thumbWidthPx width of the thumbnail the heatmaps were drawn over
 * @param thumbHeightPx its height
 */
public record Prediction(
        Path json,
        Path slide,
        String label,
        Map<String, Double> probabilities,
        String truth,
        int tissueCount,
        String model,
        double magnification,
        String heatmapScale,
        Optional<Path> geoJson,
        Map<String, Path> heatmaps,
        int thumbWidthPx,
        int thumbHeightPx) {

    /** Copies the maps. */
    public Prediction {
        probabilities = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(probabilities));
        heatmaps = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(heatmaps));
    }

    /**
     * @param json a {@code SLIDE.json} written by {@code lowmag predict}
     * @return its prediction
     * @throws IOException when it cannot be read
     * @throws LowMagException when it is not a slide prediction
     */
    public static Prediction read(Path json) throws IOException {
        JsonObject o;
        try {
            o = Json.readTree(json).getAsJsonObject();
        } catch (RuntimeException e) {
            throw new LowMagException(json + " is not a slide prediction: " + e.getMessage(), e);
        }
        if (!o.has("label") || !o.has("slide") || !o.has("probabilities")) {
            throw new LowMagException(json + " is not a slide prediction (no slide or label)");
        }
        Path dir = json.toAbsolutePath().getParent();
        String name = json.getFileName().toString().replaceFirst("\\.json$", "");
        Map<String, Double> p = new LinkedHashMap<>();
        for (Map.Entry<String, JsonElement> e : o.getAsJsonObject("probabilities").entrySet()) {
            p.put(e.getKey(), e.getValue().getAsDouble());
        }
        JsonObject model = o.has("model") ? o.getAsJsonObject("model") : new JsonObject();
        List<String> classes = new ArrayList<>();
        if (model.has("classes")) {
            model.getAsJsonArray("classes").forEach(c -> classes.add(c.getAsString()));
        } else {
            classes.addAll(p.keySet());
        }
        Path geo = dir.resolve(name + ".geojson");
        JsonObject thumb = o.has("thumbnail") ? o.getAsJsonObject("thumbnail") : new JsonObject();
        return new Prediction(
                json.toAbsolutePath(),
                Path.of(o.get("slide").getAsString()),
                o.get("label").getAsString(),
                p,
                string(o, "truth"),
                o.has("tissue_count") ? o.get("tissue_count").getAsInt() : 0,
                model(o, model),
                model.has("magnification") ? model.get("magnification").getAsDouble() : Double.NaN,
                heatmapScale(o),
                Files.isRegularFile(geo) ? Optional.of(geo) : Optional.empty(),
                heatmaps(o, dir, classes),
                thumb.has("width_px") ? thumb.get("width_px").getAsInt() : 0,
                thumb.has("height_px") ? thumb.get("height_px").getAsInt() : 0);
    }

    private static String string(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e == null || e.isJsonNull() ? "" : e.getAsString();
    }

    private static String model(JsonObject o, JsonObject model) {
        if (o.has("made_by") && o.getAsJsonObject("made_by").has("model")) {
            return o.getAsJsonObject("made_by").get("model").getAsString();
        }
        return string(model, "path");
    }

    private static String heatmapScale(JsonObject o) {
        if (o.has("made_by") && o.getAsJsonObject("made_by").has("settings")) {
            return string(
                    o.getAsJsonObject("made_by").getAsJsonObject("settings"), "heatmap_scale");
        }
        return "";
    }

    /** The heatmap files of SLIDE.json's list, in class order; names with a separator ignored. */
    private static Map<String, Path> heatmaps(JsonObject o, Path dir, List<String> classes) {
        Map<String, Path> out = new LinkedHashMap<>();
        if (!o.has("heatmaps") || !o.get("heatmaps").isJsonArray()) {
            return out;
        }
        List<JsonElement> files = new ArrayList<>();
        o.getAsJsonArray("heatmaps").forEach(files::add);
        for (int k = 0; k < Math.min(files.size(), classes.size()); k++) {
            String file = files.get(k).getAsString();
            Path f = dir.resolve(file).normalize();
            boolean plain = Path.of(file).getNameCount() == 1 && !file.contains("..");
            if (plain && f.getParent().equals(dir) && Files.isRegularFile(f)) {
                out.put(classes.get(k), f);
            }
        }
        return out;
    }

    /**
     * @return the class names, in the model's order
     */
    public List<String> classes() {
        return List.copyOf(probabilities.keySet());
    }
}
