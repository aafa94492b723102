package org.lowmag.dataset;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.lowmag.util.LowMagException;

/** Minimal RFC 4180 CSV: quoted fields, doubled quotes, CRLF or LF line ends. */
public final class Csv {

    private Csv() {}

    /**
     * Formats one line (with a trailing newline), quoting fields that need it.
     *
     * @param fields the fields
     * @return the line
     */
    public static String line(List<String> fields) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            String f = fields.get(i) == null ? "" : fields.get(i);
            if (f.indexOf(',') >= 0
                    || f.indexOf('"') >= 0
                    || f.indexOf('\n') >= 0
                    || f.indexOf('\r') >= 0) {
                sb.append('"').append(f.replace("\"", "\"\"")).append('"');
            } else {
                sb.append(f);
            }
        }
        return sb.append('\n').toString();
    }

    /**
     * Reads a CSV file's text, which must be UTF-8 (a Latin-1 file otherwise fails with only "Input
     * length = 1").
     *
     * @param file the file
     * @return its text
     * @throws IOException when it cannot be read
     * @throws LowMagException naming the file when it is not UTF-8
     */
    public static String readText(Path file) throws IOException {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            throw new LowMagException(
                    file + " is not UTF-8 text (" + e + "): save it as UTF-8 and try again", e);
        }
    }

    /**
     * @param header a header row
     * @return each column name's index (the last one when a name repeats)
     */
    public static Map<String, Integer> columns(List<String> header) {
        Map<String, Integer> col = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            col.put(header.get(i), i);
        }
        return col;
    }

    /**
     * Parses a whole CSV text; blank lines are skipped.
     *
     * @param in the text
     * @return rows of fields
     * @throws IOException when reading fails
     */
    public static List<List<String>> parse(Reader in) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        int c;
        while ((c = in.read()) != -1) {
            char ch = (char) c;
            if (quoted) {
                if (ch == '"') {
                    in.mark(1);
                    int next = in.read();
                    if (next == '"') {
                        field.append('"');
                    } else {
                        quoted = false;
                        if (next != -1) {
                            in.reset();
                        }
                    }
                } else {
                    field.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
                any = true;
            } else if (ch == ',') {
                row.add(field.toString());
                field.setLength(0);
                any = true;
            } else if (ch == '\n' || ch == '\r') {
                if (any || field.length() > 0) {
                    row.add(field.toString());
                    rows.add(row);
                }
                row = new ArrayList<>();
                field.setLength(0);
                any = false;
            } else {
                field.append(ch);
                any = true;
            }
        }
        if (any || field.length() > 0) {
            row.add(field.toString());
            rows.add(row);
        }
        return rows;
    }
}
