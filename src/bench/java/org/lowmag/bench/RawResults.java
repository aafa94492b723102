package org.lowmag.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The raw results file every benchmark appends to: one line per measured quantity, {@code
 * key,unit,samples,note} where {@code samples} are the values joined by {@code ;} and {@code key}
 * names the quantity ({@code train/paper/256/lowmag}). The Python references write the same format.
 * Lines with the same key (several rounds) are merged by {@link #read}.
 */
public final class RawResults {

    private final Path file;

    /**
     * @param file the CSV to append to (created with its parent folders)
     */
    public RawResults(Path file) {
        this.file = file;
    }

    /**
     * Appends one quantity.
     *
     * @param key the quantity's name (no commas)
     * @param unit its unit, e.g. {@code s}
     * @param samples the measurements
     * @param note free text (commas are replaced)
     */
    public void add(String key, String unit, Samples samples, String note) {
        if (key.contains(",") || unit.contains(",")) {
            throw new IllegalArgumentException("key and unit must not contain commas: " + key);
        }
        String line =
                key + "," + unit + "," + samples.joined() + "," + note.replace(',', ';') + "\n";
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            Files.writeString(
                    file,
                    line,
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to " + file, e);
        }
        System.out.printf("  %-44s %s%n", key, Format.summary(samples, unit));
    }

    /** One merged quantity: its unit, all samples and the first note. */
    public record Entry(String unit, Samples samples, String note) {}

    /**
     * Reads a raw file, merging lines of the same key in file order.
     *
     * @param file the CSV
     * @return the quantities by key, in first-appearance order
     * @throws IOException when the file cannot be read
     */
    public static Map<String, Entry> read(Path file) throws IOException {
        Map<String, Entry> out = new LinkedHashMap<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split(",", 4);
            if (f.length < 3) {
                throw new IOException(file + " line " + (i + 1) + " is malformed: " + line);
            }
            Entry e = new Entry(f[1], Samples.parse(f[2]), f.length > 3 ? f[3] : "");
            out.merge(
                    f[0],
                    e,
                    (a, b) -> new Entry(a.unit(), a.samples().plus(b.samples()), a.note()));
        }
        return out;
    }
}
