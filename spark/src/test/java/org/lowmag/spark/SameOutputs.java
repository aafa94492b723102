package org.lowmag.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.Stream;

/**
 * Compares two prediction folders: the same per-slide files ({@code SLIDE.json}, {@code
 * SLIDE.geojson}, heatmaps), the JSON equal once timing fields (names ending in {@code seconds})
 * are removed, every other file equal byte for byte. {@code summary.csv} (it has seconds), the
 * results table and hidden files are not compared.
 */
final class SameOutputs {

    private static final Set<String> NOT_COMPARED =
            Set.of("summary.csv", ResultsTable.CSV, ResultsTable.PARQUET);

    private SameOutputs() {}

    /**
     * @param expected {@code lowmag predict}'s folder
     * @param actual the folder to check
     * @param ignored top-level JSON fields not compared either (e.g. {@code slide}, where the slide
     *     was read from)
     * @return the files compared
     * @throws IOException when a folder cannot be read
     */
    static int check(Path expected, Path actual, String... ignored) throws IOException {
        return compare(
                expected,
                actual,
                files(expected),
                files(actual),
                (n, bytes) -> n.endsWith(".json") ? without(bytes, ignored) : null);
    }

    /**
     * @param expected the reference folder
     * @param actual the folder to check
     * @param names the reference's files to compare, relative
     * @param actualNames the same list for {@code actual}
     * @param normalised a file's comparable form (e.g. its JSON without some fields), or null to
     *     compare its bytes
     * @return the files compared
     * @throws IOException when a file cannot be read
     */
    static int compare(
            Path expected,
            Path actual,
            List<String> names,
            List<String> actualNames,
            BiFunction<String, byte[], Object> normalised)
            throws IOException {
        assertEquals(names, actualNames, "the same files in " + actual + " as in " + expected);
        for (String n : names) {
            byte[] a = Files.readAllBytes(expected.resolve(n));
            byte[] b = Files.readAllBytes(actual.resolve(n));
            Object na = normalised.apply(n, a);
            if (na != null) {
                assertEquals(na, normalised.apply(n, b), n);
            } else {
                assertArrayEquals(a, b, n);
            }
        }
        return names.size();
    }

    private static List<String> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString())
                    .filter(n -> !n.startsWith(".") && !NOT_COMPARED.contains(n))
                    .sorted()
                    .toList();
        }
    }

    private static JsonElement without(byte[] json, String... ignored) {
        JsonElement e = JsonParser.parseString(new String(json, StandardCharsets.UTF_8));
        if (e.isJsonObject()) {
            for (String k : ignored) {
                e.getAsJsonObject().remove(k);
            }
        }
        strip(e);
        return e;
    }

    private static void strip(JsonElement e) {
        if (e.isJsonObject()) {
            JsonObject o = e.getAsJsonObject();
            o.keySet().removeIf(k -> k.endsWith("seconds"));
            o.entrySet().forEach(x -> strip(x.getValue()));
        } else if (e.isJsonArray()) {
            e.getAsJsonArray().forEach(SameOutputs::strip);
        }
    }
}
