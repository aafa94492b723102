package org.lowmag.dataset;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.lowmag.slide.Magnification;
import org.lowmag.util.AtomicFiles;
import org.lowmag.util.LowMagException;

/**
 * Reads and writes {@code manifest.csv}: columns {@code tissue,source,group,label,split} and, for
 * each magnification {@code M}, {@code path_Mx,width_Mx,height_Mx}. Fields are quoted when they
 * contain a comma, a quote or a newline (RFC 4180).
 */
public final class ManifestCsv {

    private static final List<String> FIXED =
            List.of("tissue", "source", "group", "label", "split");

    private ManifestCsv() {}

    /**
     * Writes a manifest atomically.
     *
     * @param file the target
     * @param tissues the rows
     * @param mags the magnifications to write columns for, in order
     * @throws IOException when writing fails
     */
    public static void write(Path file, List<TissueRecord> tissues, List<Double> mags)
            throws IOException {
        StringBuilder sb = new StringBuilder();
        List<String> header = new ArrayList<>(FIXED);
        for (double m : mags) {
            String k = Magnification.format(m);
            header.add("path_" + k + "x");
            header.add("width_" + k + "x");
            header.add("height_" + k + "x");
        }
        sb.append(Csv.line(header));
        for (TissueRecord t : tissues) {
            List<String> row =
                    new ArrayList<>(List.of(t.id(), t.source(), t.group(), t.label(), t.split()));
            for (double m : mags) {
                TissueRecord.TissueImage img = t.images().get(Magnification.format(m));
                row.add(img == null ? "" : img.path());
                row.add(img == null ? "" : Integer.toString(img.widthPx()));
                row.add(img == null ? "" : Integer.toString(img.heightPx()));
            }
            sb.append(Csv.line(row));
        }
        AtomicFiles.writeString(file, sb.toString());
    }

    /**
     * Reads a manifest.
     *
     * @param file the manifest
     * @return the rows
     * @throws IOException when it cannot be read
     * @throws LowMagException when it is malformed (naming the line)
     */
    public static List<TissueRecord> read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new LowMagException("manifest " + file + " is missing");
        }
        List<TissueRecord> out = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            List<List<String>> rows = Csv.parse(r);
            if (rows.isEmpty()
                    || !rows.get(0).subList(0, Math.min(5, rows.get(0).size())).equals(FIXED)) {
                throw new LowMagException(
                        file + ": header must start with " + String.join(",", FIXED));
            }
            List<String> header = rows.get(0);
            Map<String, Integer> col = Csv.columns(header);
            TreeSet<String> mags = new TreeSet<>();
            for (String h : header) {
                if (h.startsWith("path_") && h.endsWith("x")) {
                    mags.add(h.substring(5, h.length() - 1));
                }
            }
            for (int li = 1; li < rows.size(); li++) {
                List<String> row = rows.get(li);
                if (row.size() != header.size()) {
                    throw new LowMagException(
                            file
                                    + " line "
                                    + (li + 1)
                                    + ": "
                                    + row.size()
                                    + " fields, header has "
                                    + header.size());
                }
                Map<String, TissueRecord.TissueImage> images = new LinkedHashMap<>();
                for (String m : mags) {
                    String p = row.get(col.get("path_" + m + "x"));
                    if (!p.isEmpty()) {
                        images.put(
                                m,
                                new TissueRecord.TissueImage(
                                        p,
                                        parseInt(row, col, "width_" + m + "x", file, li),
                                        parseInt(row, col, "height_" + m + "x", file, li)));
                    }
                }
                out.add(
                        new TissueRecord(
                                row.get(0),
                                row.get(1),
                                row.get(2),
                                row.get(3),
                                row.get(4),
                                images));
            }
        }
        return out;
    }

    private static int parseInt(
            List<String> row, Map<String, Integer> col, String name, Path file, int li) {
        Integer c = col.get(name);
        try {
            return Integer.parseInt(row.get(c));
        } catch (NumberFormatException | NullPointerException e) {
            throw new LowMagException(
                    file + " line " + (li + 1) + ": column " + name + " is not an integer", e);
        }
    }
}
