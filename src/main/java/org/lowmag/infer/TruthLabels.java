package org.lowmag.infer;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.lowmag.dataset.Csv;
import org.lowmag.dataset.SlideList;
import org.lowmag.geojson.RoiFile;
import org.lowmag.util.LowMagException;

/**
 * The known labels of slides ({@code predict --labels}), read from the CSV that {@code prepare
 * --slides} and {@code synthesize} use: a header naming the columns {@code slide} and {@code label}
 * (any order, any case; {@code patient} and other columns are ignored) and one record per line. The
 * {@code slide} field is a file name or a relative path; a predicted slide matches the line whose
 * file name without its last extension equals the slide's output name ({@link SlideInputs#name}):
 * {@code slides/slide-07.svs} matches {@code /data/slides/slide-07.svs}. An empty label (an
 * unlabelled slide) and a slide the CSV does not list both mean the truth is unknown. A name listed
 * twice with different labels is an error when such a slide is predicted.
 */
public final class TruthLabels {

    /** One line of the CSV. */
    private record Entry(String label, String where) {}

    private final Path file;
    private final Map<String, Entry> byName;
    private final Map<String, String> conflicts;

    private TruthLabels(Path file, Map<String, Entry> byName, Map<String, String> conflicts) {
        this.file = file;
        this.byName = Map.copyOf(byName);
        this.conflicts = Map.copyOf(conflicts);
    }

    /**
     * @return no known labels
     */
    public static TruthLabels none() {
        return new TruthLabels(null, Map.of(), Map.of());
    }

    /**
     * @param file the labels CSV
     * @return its labels by slide name
     * @throws IOException when it cannot be read
     * @throws LowMagException when it is missing, has no {@code slide} or {@code label} column, or
     *     a line does not match the header (naming the file and line)
     */
    public static TruthLabels read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new LowMagException(
                    "--labels " + file + " not found (a CSV slide,patient,label)");
        }
        List<String> lines = Csv.readText(file).lines().toList();
        int header = -1;
        int slideCol = -1;
        int labelCol = -1;
        int fields = 0;
        Map<String, Entry> byName = new LinkedHashMap<>();
        Map<String, String> conflicts = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            List<String> row = parseLine(file, lines.get(i), i);
            if (header < 0) {
                header = i;
                List<String> names = row.stream().map(c -> c.toLowerCase(Locale.ROOT)).toList();
                slideCol = names.indexOf("slide");
                labelCol = names.indexOf("label");
                if (slideCol < 0 || labelCol < 0) {
                    throw new LowMagException(
                            file
                                    + ": the header has no '"
                                    + (slideCol < 0 ? "slide" : "label")
                                    + "' column (found: "
                                    + String.join(",", row)
                                    + "); expected slide,patient,label");
                }
                fields = row.size();
                continue;
            }
            String where = file.getFileName() + " line " + (i + 1);
            if (row.size() != fields) {
                throw new LowMagException(
                        where + ": " + row.size() + " fields, the header has " + fields);
            }
            String name = nameOf(row.get(slideCol));
            Entry e = new Entry(row.get(labelCol), where);
            Entry old = byName.putIfAbsent(name, e);
            if (old != null && !old.label().equals(e.label())) {
                conflicts.put(
                        name,
                        old.where()
                                + " and "
                                + e.where()
                                + " give slides named '"
                                + name
                                + "' the labels '"
                                + old.label()
                                + "' and '"
                                + e.label()
                                + "' (predict matches slides by file name)");
            }
        }
        if (header < 0) {
            throw new LowMagException(file + " is empty: expected the header slide,patient,label");
        }
        return new TruthLabels(file, byName, conflicts);
    }

    /**
     * @param slideField a {@code slide} field: a file name or relative path
     * @return the name a predicted slide of that file has: the file name without its last extension
     */
    static String nameOf(String slideField) {
        String n =
                slideField.substring(
                        Math.max(slideField.lastIndexOf('/'), slideField.lastIndexOf('\\')) + 1);
        return RoiFile.stem(n);
    }

    /**
     * The truth of {@code lowmag predict}: the {@code --labels} CSV when given, else a slide list's
     * label column when it has one, else none.
     *
     * @param labels the {@code --labels} CSV, or null
     * @param list the {@code --slide-list}, or null
     * @return the labels
     * @throws IOException when the labels CSV cannot be read
     */
    public static TruthLabels from(Path labels, SlideList list) throws IOException {
        if (labels != null) {
            return read(labels);
        }
        return list != null && !list.labels().isEmpty() ? of(list.file(), list.labels()) : none();
    }

    /**
     * @param labels the {@code --labels} CSV, or null
     * @param list the {@code --slide-list}, or null
     * @return the file {@link #from} takes the truth from, or null when there is none
     */
    public static Path source(Path labels, SlideList list) {
        if (labels != null) {
            return labels;
        }
        return list != null && !list.labels().isEmpty() ? list.file() : null;
    }

    /**
     * @param file the slide list CSV the labels come from (for messages)
     * @param bySlideFileName labels by slide file name ({@link SlideList#labels})
     * @return those labels
     */
    public static TruthLabels of(Path file, Map<String, String> bySlideFileName) {
        Map<String, Entry> byName = new LinkedHashMap<>();
        bySlideFileName.forEach(
                (slide, label) -> byName.put(nameOf(slide), new Entry(label, file.toString())));
        return new TruthLabels(file, byName, Map.of());
    }

    /**
     * @param slideName a predicted slide's output name
     * @return its known label, or empty when the CSV does not list it or leaves its label empty
     * @throws LowMagException when the CSV gives the name two different labels
     */
    public Optional<String> of(String slideName) {
        String conflict = conflicts.get(slideName);
        if (conflict != null) {
            throw new LowMagException(file + ": " + conflict);
        }
        Entry e = byName.get(slideName);
        return e == null || e.label().isEmpty() ? Optional.empty() : Optional.of(e.label());
    }

    /**
     * Checks that every known label of the slides is one of the model's classes.
     *
     * @param slideNames the predicted slides' output names
     * @param classes the model's classes
     * @throws LowMagException naming the first slides with another label, their lines and the
     *     classes
     */
    public void check(List<String> slideNames, List<String> classes) {
        List<String> bad = new ArrayList<>();
        for (String name : slideNames) {
            Optional<String> label = of(name);
            if (label.isPresent() && !classes.contains(label.get())) {
                bad.add(
                        byName.get(name).where()
                                + " gives slide '"
                                + name
                                + "' the label '"
                                + label.get()
                                + "'");
            }
        }
        if (!bad.isEmpty()) {
            throw new LowMagException(
                    String.join("; ", bad.subList(0, Math.min(3, bad.size())))
                            + (bad.size() > 3 ? " (and " + (bad.size() - 3) + " more)" : "")
                            + ", not a class of the model (its classes: "
                            + String.join(", ", classes)
                            + "): fix --labels "
                            + file
                            + " or predict with a model of these classes");
        }
    }

    /**
     * @return whether a CSV was given
     */
    public boolean given() {
        return file != null;
    }

    private static List<String> parseLine(Path file, String text, int index) throws IOException {
        String t = index == 0 && text.startsWith("\uFEFF") ? text.substring(1) : text;
        List<List<String>> rows = Csv.parse(new StringReader(t));
        if (rows.size() != 1) {
            throw new LowMagException(
                    file + " line " + (index + 1) + ": not one CSV record (unclosed quote?)");
        }
        return rows.get(0).stream().map(String::trim).toList();
    }
}
