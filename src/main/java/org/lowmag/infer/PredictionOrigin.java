package org.lowmag.infer;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.lowmag.util.Json;

/**
 * What made a slide's prediction: the model (its folder and the SHA-256 of its files, so a model
 * retrained in the same folder counts as another) and the settings that change the outputs
 * (magnification override, tissue detection, heatmaps). Recorded in {@code SLIDE.json} as {@code
 * made_by}; {@code predict} skips a slide only when its JSON was made by the same origin, so a
 * folder never reports another model's results as this one's.
 *
 * @param modelPath the model folder, absolute and normalised
 * @param modelSha256 SHA-256 over the model folder's files (names and bytes, sorted by name)
 * @param settings the prediction settings that shape the outputs
 */
public record PredictionOrigin(String modelPath, String modelSha256, Map<String, Object> settings) {

    /** The key in {@code SLIDE.json}. */
    public static final String KEY = "made_by";

    /** Copies. */
    public PredictionOrigin {
        settings = Map.copyOf(settings);
    }

    /**
     * @param modelDir the model folder
     * @param settings the prediction settings that shape the outputs
     * @return the origin
     * @throws IOException when the model's files cannot be read
     */
    public static PredictionOrigin of(Path modelDir, Map<String, Object> settings)
            throws IOException {
        return new PredictionOrigin(
                modelDir.toAbsolutePath().normalize().toString(), sha256(modelDir), settings);
    }

    /**
     * @return the {@code made_by} tree
     */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("model", modelPath);
        m.put("model_sha256", modelSha256);
        m.put("settings", new TreeMap<>(settings));
        return m;
    }

    /**
     * @param slideJson a slide's {@code SLIDE.json}
     * @return whether this origin made it (false for a JSON without {@code made_by})
     */
    public boolean made(JsonObject slideJson) {
        JsonElement have = slideJson.get(KEY);
        return have != null && have.equals(Json.gson().toJsonTree(toMap()));
    }

    /**
     * @param slideJson a slide's {@code SLIDE.json}
     * @return the model folder that made it, or empty when it does not say
     */
    public static String modelOf(JsonObject slideJson) {
        JsonElement by = slideJson.get(KEY);
        if (by != null && by.isJsonObject() && by.getAsJsonObject().has("model")) {
            return by.getAsJsonObject().get("model").getAsString();
        }
        JsonElement model = slideJson.get("model");
        if (model != null && model.isJsonObject() && model.getAsJsonObject().has("path")) {
            return model.getAsJsonObject().get("path").getAsString();
        }
        return "";
    }

    private static String sha256(Path dir) throws IOException {
        MessageDigest md = digest();
        List<Path> files;
        try (Stream<Path> s = Files.walk(dir)) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path f : files) {
            md.update(dir.relativize(f).toString().getBytes(StandardCharsets.UTF_8));
            md.update((byte) 0);
            try (InputStream in = new DigestInputStream(Files.newInputStream(f), md)) {
                in.transferTo(OutputStream.nullOutputStream());
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java has no SHA-256", e);
        }
    }
}
