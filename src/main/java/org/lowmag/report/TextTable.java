package org.lowmag.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A plain-text table with aligned columns, for terminals, Markdown and HTML reports.
 * Numeric-looking cells (including "value (low-high)" intervals) are right-aligned. Cells can be
 * emphasised, e.g. the best value per row or column as in the paper's tables: bold in Markdown and
 * HTML, a trailing {@code " *"} in plain text.
 */
public final class TextTable {

    private static final Pattern NUMERIC =
            Pattern.compile(
                    "[-+]?[0-9][0-9.,eE+\\-%x]*( \\([-+]?[0-9][0-9.]*-[-+]?[0-9][0-9.]*\\))?");
    private static final Pattern LEADING_NUMBER =
            Pattern.compile("^\\s*\\**([-+]?(?:[0-9]+\\.?[0-9]*|\\.[0-9]+)(?:[eE][-+]?[0-9]+)?)");

    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();
    private final Set<Long> emphasized = new HashSet<>();

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
     * Emphasises one cell.
     *
     * @param row the row index (0 = first data row)
     * @param column the column index
     * @return this table
     */
    public TextTable emphasize(int row, int column) {
        cell(row, column);
        emphasized.add(key(row, column));
        return this;
    }

    /**
     * Emphasises the best cell(s) of a column, comparing each cell's leading number (cells without
     * one are ignored; ties are all emphasised).
     *
     * @param column the column index
     * @param higherIsBetter true to pick the maximum, false the minimum
     * @return this table
     */
    public TextTable markBestInColumn(int column, boolean higherIsBetter) {
        List<int[]> cells = new ArrayList<>();
        for (int r = 0; r < rows.size(); r++) {
            cells.add(new int[] {r, column});
        }
        return markBest(cells, higherIsBetter);
    }

    /**
     * Emphasises the best cell(s) of a row among columns {@code fromColumn..} (e.g. 1 to skip a
     * label column), comparing leading numbers as {@link #markBestInColumn} does.
     *
     * @param row the row index
     * @param fromColumn the first column compared
     * @param higherIsBetter true to pick the maximum, false the minimum
     * @return this table
     */
    public TextTable markBestInRow(int row, int fromColumn, boolean higherIsBetter) {
        List<int[]> cells = new ArrayList<>();
        for (int c = fromColumn; c < header.size(); c++) {
            cells.add(new int[] {row, c});
        }
        return markBest(cells, higherIsBetter);
    }

    /**
     * @return the column names
     */
    public List<String> header() {
        return header;
    }

    /**
     * @return the number of data rows
     */
    public int rowCount() {
        return rows.size();
    }

    /**
     * @param row the row index
     * @param column the column index
     * @return the cell text
     */
    public String cell(int row, int column) {
        if (row < 0 || row >= rows.size() || column < 0 || column >= header.size()) {
            throw new IndexOutOfBoundsException(
                    "cell ("
                            + row
                            + ", "
                            + column
                            + ") outside "
                            + rows.size()
                            + "x"
                            + header.size());
        }
        return rows.get(row).get(column);
    }

    /**
     * @param row the row index
     * @param column the column index
     * @return whether the cell is emphasised
     */
    public boolean isEmphasized(int row, int column) {
        return emphasized.contains(key(row, column));
    }

    /**
     * @param cell a cell text
     * @return whether it looks like a number (or "value (low-high)") and is right-aligned
     */
    public static boolean isNumeric(String cell) {
        return !cell.isEmpty() && NUMERIC.matcher(cell).matches();
    }

    /**
     * @return the table with space-aligned columns; emphasised cells end in {@code " *"}
     */
    public String toText() {
        List<List<String>> body = rendered(s -> s, s -> s + " *");
        int[] widths = widths(header, body);
        StringBuilder sb = new StringBuilder();
        appendLine(sb, header, widths, "  ");
        int total = Arrays.stream(widths).sum() + 2 * (widths.length - 1);
        sb.append("-".repeat(total)).append('\n');
        for (int r = 0; r < body.size(); r++) {
            appendLine(sb, body.get(r), widths, "  ", rows.get(r));
        }
        return sb.toString();
    }

    /**
     * @return the table as GitHub-flavoured Markdown; emphasised cells in {@code **bold**}
     */
    public String toMarkdown() {
        List<List<String>> body = rendered(TextTable::escapeMarkdown, s -> "**" + s + "**");
        List<String> head = header.stream().map(TextTable::escapeMarkdown).toList();
        int[] widths = widths(head, body);
        StringBuilder sb = new StringBuilder();
        sb.append("| ");
        appendCells(sb, head, widths, " | ", head);
        sb.append(" |\n|");
        for (int i = 0; i < widths.length; i++) {
            boolean numeric = !rows.isEmpty() && isNumeric(rows.get(0).get(i));
            sb.append(numeric ? "-".repeat(widths[i] + 1) + ":|" : "-".repeat(widths[i] + 2) + "|");
        }
        sb.append('\n');
        for (int r = 0; r < body.size(); r++) {
            sb.append("| ");
            appendCells(sb, body.get(r), widths, " | ", rows.get(r));
            sb.append(" |\n");
        }
        return sb.toString();
    }

    private TextTable markBest(List<int[]> cells, boolean higherIsBetter) {
        double best = Double.NaN;
        for (int[] rc : cells) {
            double v = leadingNumber(cell(rc[0], rc[1]));
            if (!Double.isNaN(v)
                    && (Double.isNaN(best) || (higherIsBetter ? v > best : v < best))) {
                best = v;
            }
        }
        for (int[] rc : cells) {
            if (leadingNumber(cell(rc[0], rc[1])) == best) {
                emphasize(rc[0], rc[1]);
            }
        }
        return this;
    }

    /**
     * @param cell a cell text
     * @return its leading number ("87.06 (85.65-88.48)" gives 87.06), or NaN when there is none
     */
    static double leadingNumber(String cell) {
        Matcher m = LEADING_NUMBER.matcher(cell);
        return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
    }

    private List<List<String>> rendered(
            UnaryOperator<String> escape, UnaryOperator<String> emphasis) {
        List<List<String>> out = new ArrayList<>();
        for (int r = 0; r < rows.size(); r++) {
            List<String> row = new ArrayList<>();
            for (int c = 0; c < header.size(); c++) {
                String text = escape.apply(rows.get(r).get(c));
                row.add(isEmphasized(r, c) ? emphasis.apply(text) : text);
            }
            out.add(row);
        }
        return out;
    }

    private static String escapeMarkdown(String s) {
        return s.replace("|", "\\|");
    }

    private static int[] widths(List<String> head, List<List<String>> body) {
        int[] widths = new int[head.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = head.get(i).length();
            for (List<String> r : body) {
                widths[i] = Math.max(widths[i], r.get(i).length());
            }
        }
        return widths;
    }

    private static void appendLine(StringBuilder sb, List<String> cells, int[] widths, String sep) {
        appendLine(sb, cells, widths, sep, cells);
    }

    private static void appendLine(
            StringBuilder sb, List<String> cells, int[] widths, String sep, List<String> raw) {
        appendCells(sb, cells, widths, sep, raw);
        int end = sb.length();
        while (end > 0 && sb.charAt(end - 1) == ' ') {
            end--;
        }
        sb.setLength(end);
        sb.append('\n');
    }

    /** Appends padded cells; alignment follows the raw (unemphasised) text. */
    private static void appendCells(
            StringBuilder sb,
            List<String> cells,
            int[] widths,
            String separator,
            List<String> raw) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                sb.append(separator);
            }
            String cell = cells.get(i);
            String pad = " ".repeat(widths[i] - cell.length());
            sb.append(isNumeric(raw.get(i)) ? pad + cell : cell + pad);
        }
    }

    private long key(int row, int column) {
        return ((long) row << 32) | column;
    }
}
