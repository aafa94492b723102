package org.lowmag.prepare;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.lowmag.dataset.Csv;
import org.lowmag.util.LowMagException;

/**
 * A slide folder with a labels CSV as dataset input. The CSV has a header naming the columns {@code
 * slide}, {@code patient} and {@code label} (in any order; other columns are ignored) and one line
 * per slide (one CSV record per line):
 *
 * <ul>
 *   <li>{@code slide}: the file name in the folder, or a path relative to it;
 *   <li>{@code patient}: the patient (all slides of one patient land in one split; empty: the slide
 *       is its own patient);
 *   <li>{@code label}: the class; empty marks an unlabelled slide (the {@code unlabeled} split).
 * </ul>
 *
 * A malformed header or line, or a slide listed twice, is an error naming the file and line. A
 * listed slide whose file is missing stays in the list (its cut fails with a message naming the
 * line, and the rest of the batch goes on). Slide files in the folder that the CSV does not list
 * are counted in {@link Listing#ignored()}.
 */
public final class SlideListInput {

    /** The columns the labels CSV must have. */
    public static final List<String> COLUMNS = List.of("slide", "patient", "label");

    /** File extensions counted as slides when listing what the CSV leaves out. */
    static final Set<String> SLIDE_EXTENSIONS =
            Set.of(
                    "svs", "tif", "tiff", "ndpi", "mrxs", "scn", "vms", "vmu", "bif", "svslide",
                    "png", "jpg", "jpeg", "bmp");

    /**
     * The slides to prepare.
     *
     * @param items one per listed slide, sorted by id
     * @param ignored slide files in the folder that the CSV does not list (relative paths, sorted)
     */
    public record Listing(List<PrepareItem> items, List<String> ignored) {
        /** Copies. */
        public Listing {
            items = List.copyOf(items);
            ignored = List.copyOf(ignored);
        }
    }

    /** Column positions of the header. */
    private record Header(int slide, int patient, int label, int fields) {}

    private SlideListInput() {}

    /**
     * Reads the labels CSV and checks it against the folder.
     *
     * @param dir the slide folder
     * @param labels the labels CSV
     * @return the slides
     * @throws IOException when the CSV or the folder cannot be read
     * @throws LowMagException naming the file and line of a malformed entry
     */
    public static Listing list(Path dir, Path labels) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new LowMagException("--slides " + dir + " is not a folder");
        }
        if (!Files.isRegularFile(labels)) {
            throw new LowMagException(
                    "labels file " + labels + " not found (a CSV slide,patient,label)");
        }
        List<String> lines = Csv.readText(labels).lines().toList();
        int headerLine = firstNonBlank(lines);
        if (headerLine < 0) {
            throw new LowMagException(
                    labels + " is empty: expected the header slide,patient,label");
        }
        Header col = header(labels, parseLine(labels, lines, headerLine));
        List<PrepareItem> items = new ArrayList<>();
        Map<Path, Integer> seenFiles = new HashMap<>();
        Map<String, String> seenIds = new HashMap<>();
        for (int i = headerLine + 1; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            PrepareItem it = item(dir, labels, i + 1, parseLine(labels, lines, i), col);
            Integer first = seenFiles.putIfAbsent(it.file().toAbsolutePath().normalize(), i + 1);
            if (first != null) {
                throw new LowMagException(
                        it.origin()
                                + ": slide "
                                + it.file().getFileName()
                                + " is listed twice (first on line "
                                + first
                                + ")");
            }
            String other = seenIds.putIfAbsent(it.id(), it.origin());
            if (other != null) {
                throw new LowMagException(
                        it.origin()
                                + ": slide "
                                + it.file()
                                + " gets the id '"
                                + it.id()
                                + "' of the slide on "
                                + other
                                + ": rename one of them");
            }
            items.add(it);
        }
        if (items.isEmpty()) {
            throw new LowMagException(labels + " lists no slides");
        }
        items.sort((a, b) -> a.id().compareTo(b.id()));
        return new Listing(items, unlisted(dir, labels, seenFiles.keySet()));
    }

    private static int firstNonBlank(List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).isBlank()) {
                return i;
            }
        }
        return -1;
    }

    private static List<String> parseLine(Path labels, List<String> lines, int index)
            throws IOException {
        String text = lines.get(index);
        if (index == 0 && text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<List<String>> rows = Csv.parse(new StringReader(text));
        if (rows.size() != 1) {
            throw new LowMagException(
                    labels + " line " + (index + 1) + ": not one CSV record (unclosed quote?)");
        }
        return rows.get(0).stream().map(String::trim).toList();
    }

    private static Header header(Path labels, List<String> fields) {
        Map<String, Integer> col = new HashMap<>();
        for (int i = 0; i < fields.size(); i++) {
            col.putIfAbsent(fields.get(i).toLowerCase(Locale.ROOT), i);
        }
        for (String c : COLUMNS) {
            if (!col.containsKey(c)) {
                throw new LowMagException(
                        labels
                                + ": the header has no '"
                                + c
                                + "' column (found: "
                                + String.join(",", fields)
                                + "); expected slide,patient,label");
            }
        }
        return new Header(col.get("slide"), col.get("patient"), col.get("label"), fields.size());
    }

    private static PrepareItem item(
            Path dir, Path labels, int line, List<String> fields, Header col) {
        String where = labels.getFileName() + " line " + line;
        if (fields.size() != col.fields()) {
            throw new LowMagException(
                    labels
                            + " line "
                            + line
                            + ": "
                            + fields.size()
                            + " fields, the header has "
                            + col.fields());
        }
        String slide = fields.get(col.slide());
        if (slide.isEmpty()) {
            throw new LowMagException(labels + " line " + line + ": the slide field is empty");
        }
        String id = ImageFolderInput.idOf(slide);
        String patient = fields.get(col.patient());
        return new PrepareItem(
                id,
                ListedPath.resolve(dir, slide, labels + " line " + line),
                patient.isEmpty() ? id : patient,
                fields.get(col.label()),
                where);
    }

    /** Slide files under {@code dir} (4 levels deep) not among {@code listed}, relative, sorted. */
    private static List<String> unlisted(Path dir, Path labels, Set<Path> listed)
            throws IOException {
        Set<Path> skip = new HashSet<>(listed);
        skip.add(labels.toAbsolutePath().normalize());
        try (Stream<Path> files = Files.walk(dir, 4)) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> SLIDE_EXTENSIONS.contains(extension(p)))
                    .filter(p -> !skip.contains(p.toAbsolutePath().normalize()))
                    .map(p -> dir.relativize(p).toString())
                    .sorted()
                    .toList();
        }
    }

    private static String extension(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        int dot = n.lastIndexOf('.');
        return dot < 0 ? "" : n.substring(dot + 1);
    }
}
