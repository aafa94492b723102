package org.lowmag.util;

import com.google.gson.FieldNamingPolicy;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * JSON reading and (atomic) writing with one shared configuration: pretty-printed, record and class
 * fields in {@code snake_case} ({@code formatVersion} is written {@code format_version}).
 */
public final class Json {

    private static final Gson GSON =
            new GsonBuilder()
                    .setPrettyPrinting()
                    .setFieldNamingPolicy(FieldNamingPolicy.LOWER_CASE_WITH_UNDERSCORES)
                    .disableHtmlEscaping()
                    .serializeSpecialFloatingPointValues()
                    .create();

    private Json() {}

    /**
     * @return the shared Gson instance
     */
    public static Gson gson() {
        return GSON;
    }

    /**
     * Serialises a value to pretty JSON.
     *
     * @param value a record, map, list or JSON element
     * @return the JSON text
     */
    public static String toJson(Object value) {
        return GSON.toJson(value);
    }

    /**
     * Writes a value as JSON, atomically.
     *
     * @param file the target file
     * @param value the value
     * @throws IOException when writing fails
     */
    public static void write(Path file, Object value) throws IOException {
        AtomicFiles.writeString(file, GSON.toJson(value) + "\n");
    }

    /**
     * Reads a JSON file into a type.
     *
     * @param file the file
     * @param type the class to read into
     * @param <T> the type
     * @return the value
     * @throws IOException when the file is missing, unreadable or not valid JSON
     */
    public static <T> T read(Path file, Class<T> type) throws IOException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(file + " (file is missing)");
        }
        try {
            T value = GSON.fromJson(text, type);
            if (value == null) {
                throw new IOException(file + " is empty: expected a JSON object");
            }
            return value;
        } catch (JsonParseException e) {
            throw new IOException(file + " is not valid JSON: " + e.getMessage(), e);
        }
    }

    /**
     * Reads a JSON file as a tree.
     *
     * @param file the file
     * @return the tree
     * @throws IOException when the file is missing or not valid JSON
     */
    public static JsonElement readTree(Path file) throws IOException {
        return read(file, JsonElement.class);
    }
}
