package org.lowmag.spark;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Compares two dataset folders written by {@code lowmag prepare}: the same files, byte for byte
 * (tissue PNGs, {@code manifest.csv} with its splits), except two JSON files compared as JSON
 * without the fields that name the run rather than the data: {@code dataset.json} without {@code
 * provenance} (LowMag's version, the time) and {@code prepare.json} without {@code out} (the
 * folder's own path). The distributed run's {@value PrepareResults#CSV} and {@link CutJournal} are
 * not compared.
 */
final class SameDataset {

    /** JSON files and the top-level fields left out of their comparison. */
    private static final Map<String, String> JSON_WITHOUT =
            Map.of("dataset.json", "provenance", "prepare.json", "out");

    private static final Set<String> NOT_COMPARED = Set.of(PrepareResults.CSV);

    private SameDataset() {}

    /**
     * @param expected {@code lowmag prepare}'s folder
     * @param actual the folder to check
     * @return the files compared
     * @throws IOException when a folder cannot be read
     */
    static int check(Path expected, Path actual) throws IOException {
        return SameOutputs.compare(
                expected,
                actual,
                files(expected),
                files(actual),
                (n, bytes) ->
                        JSON_WITHOUT.containsKey(n) ? json(bytes, JSON_WITHOUT.get(n)) : null);
    }

    /** Every file under {@code dir}, relative, sorted. */
    static List<String> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile)
                    .map(p -> dir.relativize(p).toString())
                    .filter(n -> !NOT_COMPARED.contains(n) && !n.startsWith(CutJournal.DIR + "/"))
                    .sorted()
                    .toList();
        }
    }

    private static JsonElement json(byte[] text, String without) {
        JsonElement e = JsonParser.parseString(new String(text, StandardCharsets.UTF_8));
        e.getAsJsonObject().remove(without);
        return e;
    }
}
