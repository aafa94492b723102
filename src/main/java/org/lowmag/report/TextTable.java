package org.lowmag.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A plain-text table with aligned columns, for terminals and Markdown. Numeric-looking cells are
 * right-aligned.
 */
public final class TextTable {

    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();

    /**
     * @param header the column names
     */
    public TextTable(String... header) {
        this.header = List.of(header);
    }

    /**
     * Adds a row.
     *
     * @param cells one cell per column
     * @return this table
     */
    public TextTable row(Object... cells) {
        if (cells.length != header.size()) {
            throw new IllegalArgumentException(
                    "row has " + cells.length + " cells, table has " + header.size() + " columns");
        }
        rows.add(Arrays.stream(cells).map(String::valueOf).toList());
        return this;
    }

    /**
     * @return the table with space-aligned columns
     */
    public String toText() {
        int[] widths = widths();
        StringBuilder sb = new StringBuilder();
        appendLine(sb, header, widths, " ");
        int total = Arrays.stream(widths).sum() + 2 * (widths.length - 1);
        sb.append("-".repeat(total)).append('\n');
        for (List<String> r : rows) {
            appendLine(sb, r, widths, " ");
        }
        return sb.toString();
    }

    /**
     * @return the table as GitHub-flavoured Markdown
     */
    public String toMarkdown() {
        int[] widths = widths();
        StringBuilder sb = new StringBuilder();
        sb.append("| ");
        appendCells(sb, header, widths, " | ");
        sb.append(" |\n|");
        for (int i = 0; i < widths.length; i++) {
            boolean numeric = !rows.isEmpty() && isNumeric(rows.get(0).get(i));
            sb.append(numeric ? "-".repeat(widths[i] + 1) + ":|" : "-".repeat(widths[i] + 2) + "|");
        }
        sb.append('\n');
        for (List<String> r : rows) {
            sb.append("| ");
            appendCells(sb, r, widths, " | ");
            sb.append(" |\n");
        }
        return sb.toString();
    }

    private int[] widths() {
        int[] widths = new int[header.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = header.get(i).length();
            for (List<String> r : rows) {
                widths[i] = Math.max(widths[i], r.get(i).length());
            }
        }
        return widths;
    }

    private static void appendLine(StringBuilder sb, List<String> cells, int[] widths, String sep) {
        appendCells(sb, cells, widths, sep + sep);
        int end = sb.length();
        while (end > 0 && sb.charAt(end - 1) == ' ') {
            end--;
        }
        sb.setLength(end);
        sb.append('\n');
    }

    private static void appendCells(
            StringBuilder sb, List<String> cells, int[] widths, String separator) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                sb.append(separator);
            }
            String cell = cells.get(i);
            String pad = " ".repeat(widths[i] - cell.length());
            sb.append(isNumeric(cell) ? pad + cell : cell + pad);
        }
    }

    private static boolean isNumeric(String cell) {
        return !cell.isEmpty() && cell.matches("[-+]?[0-9][0-9.,eE+\\-%x]*");
    }
}
