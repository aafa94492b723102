package org.lowmag.dataset;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import org.lowmag.slide.MagnificationResolver;
import org.lowmag.slide.ScanMagnification;
import org.lowmag.util.LowMagException;

/**
 * A slide list CSV ({@code --slide-list}): the scale of each slide, and optionally its label, for
 * folders that mix slides that record their scale with slides that do not. The header names the
 * column {@code slide} and at least one of {@code mpp} (micrometres per level-0 pixel) and {@code
 * magnification} (of level 0, {@code 20} or {@code 20x}; 10x = 1 um/px); {@code label} is optional;
 * other columns are ignored. Each line gives a slide (a path, relative to the CSV's folder when not
 * absolute) and at most one of mpp and magnification; both empty means "as the slide records".
 *
 * <p>A listed value wins over {@code --source-mag}/{@code --source-mpp} and over what the slide
 * records ({@link MagnificationResolver#withPerSlide}); slides are matched by file name.
 *
 * @param file the CSV
 * @param slides the listed slides, in file order
 * @param scales listed scales by slide file name
 * @param labels listed labels by slide file name (only non-empty ones)
 */
public record SlideList(
        Path file,
        List<Path> slides,
        Map<String, ScanMagnification> scales,
        Map<String, String> labels) {

    /** Copies. */
    public SlideList {
        slides = List.copyOf(slides);
        scales = Map.copyOf(scales);
        labels = Map.copyOf(labels);
    }

    /**
     * @param file the CSV
     * @return its contents
     * @throws IOException when it cannot be read
     * @throws LowMagException when it is missing or malformed (naming the file and line)
     */
    public static SlideList read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new LowMagException(
                    "--slide-list " + file + " not found (a CSV slide,mpp or slide,magnification)");
        }
        List<List<String>> rows = Csv.parse(new StringReader(Csv.readText(file)));
        if (rows.isEmpty()) {
            throw new LowMagException(file + " is empty: expected the header slide,mpp");
        }
        Map<String, Integer> col = new LinkedHashMap<>();
        List<String> header = rows.get(0);
        for (int i = 0; i < header.size(); i++) {
            col.put(header.get(i).trim().toLowerCase(Locale.ROOT), i);
        }
        if (!col.containsKey("slide")
                || !(col.containsKey("mpp") || col.containsKey("magnification"))) {
            throw new LowMagException(
                    file
                            + ": the header must name 'slide' and 'mpp' or 'magnification'"
                            + " (optional 'label'), found: "
                            + String.join(",", header));
        }
        Path dir = file.toAbsolutePath().getParent();
        List<Path> slides = new ArrayList<>();
        Map<String, ScanMagnification> scales = new LinkedHashMap<>();
        Map<String, String> labels = new LinkedHashMap<>();
        for (int r = 1; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            String where = file.getFileName() + " line " + (r + 1);
            if (row.size() != header.size()) {
                throw new LowMagException(
                        where + ": " + row.size() + " fields, the header has " + header.size());
            }
            Path slide = dir.resolve(field(row, col, "slide"));
            String name = slide.getFileName().toString();
            if (scales.containsKey(name) || labels.containsKey(name) || slides.contains(slide)) {
                throw new LowMagException(where + ": slide " + name + " is listed twice");
            }
            slides.add(slide);
            scale(where, field(row, col, "mpp"), field(row, col, "magnification"))
                    .ifPresent(s -> scales.put(name, s));
            String label = field(row, col, "label");
            if (!label.isEmpty()) {
                labels.put(name, label);
            }
        }
        return new SlideList(file, slides, scales, labels);
    }

    private static String field(List<String> row, Map<String, Integer> col, String name) {
        Integer i = col.get(name);
        return i == null ? "" : row.get(i).trim();
    }

    private static java.util.Optional<ScanMagnification> scale(
            String where, String mpp, String magnification) {
        if (!mpp.isEmpty() && !magnification.isEmpty()) {
            throw new LowMagException(
                    where
                            + ": give mpp or magnification, not both ("
                            + mpp
                            + ", "
                            + magnification
                            + ")");
        }
        if (!mpp.isEmpty()) {
            return java.util.Optional.of(
                    ScanMagnification.ofMpp(
                            positive(where, "mpp", mpp), ScanMagnification.Source.LISTED_MPP));
        }
        if (!magnification.isEmpty()) {
            String m = magnification.toLowerCase(Locale.ROOT);
            m = m.endsWith("x") ? m.substring(0, m.length() - 1) : m;
            return java.util.Optional.of(
                    new ScanMagnification(
                            positive(where, "magnification", m),
                            ScanMagnification.Source.LISTED_MAGNIFICATION));
        }
        return java.util.Optional.empty();
    }

    private static double positive(String where, String column, String value) {
        OptionalDouble v = OptionalDouble.empty();
        try {
            double d = Double.parseDouble(value);
            v = d > 0 && Double.isFinite(d) ? OptionalDouble.of(d) : v;
        } catch (NumberFormatException e) {
            // reported below
        }
        return v.orElseThrow(
                () ->
                        new LowMagException(
                                where
                                        + ": "
                                        + column
                                        + " must be a positive number, got '"
                                        + value
                                        + "'"));
    }

    /**
     * @param fallback the resolver for slides the list gives no scale (the command's flags)
     * @return a resolver that uses the listed scales first
     */
    public MagnificationResolver resolver(MagnificationResolver fallback) {
        return fallback.withPerSlide(scales);
    }
}
