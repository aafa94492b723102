package org.lowmag.cli;

import java.util.IllegalFormatException;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Help;
import picocli.CommandLine.Help.Ansi.Text;
import picocli.CommandLine.Help.Column;
import picocli.CommandLine.Help.Column.Overflow;
import picocli.CommandLine.Help.TextTable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * picocli's usage help with lines wrapped only at spaces. picocli wraps with {@link
 * java.text.BreakIterator#getLineInstance()}, which also breaks after {@code .}, {@code /}, {@code
 * ,} and before {@code (}, splitting {@code OUT/SLIDE.geojson} into {@code OUT/SLIDE.} and {@code
 * geojson}. This help lays out every section (synopsis, description, header, footer, parameters,
 * options, command list) in the same columns and width as picocli's, in tables whose wrapping
 * columns break a line only at a space; a word longer than its column is still cut.
 */
final class SpaceWrappingHelp extends Help {

    /** picocli's private {@code UsageMessageSpec.MAX_SYNOPSIS_AUTO_INDENT_THRESHOLD}. */
    private static final double MAX_SYNOPSIS_AUTO_INDENT_THRESHOLD = 0.9;

    /**
     * @param spec the command
     * @param colorScheme the colours
     */
    SpaceWrappingHelp(CommandSpec spec, Help.ColorScheme colorScheme) {
        super(spec, colorScheme);
    }

    private int width() {
        return commandSpec().usageMessage().width();
    }

    private boolean adjustCjk() {
        return commandSpec().usageMessage().adjustLineBreaksForWideCJKCharacters();
    }

    @Override
    public Layout createDefaultLayout(
            List<OptionSpec> options,
            List<PositionalParamSpec> positionals,
            Help.ColorScheme aColorScheme) {
        int longOptionsWidth = calcLongOptionColumnWidth(options, positionals, aColorScheme);
        TextTable columns = TextTable.forDefaultColumns(aColorScheme, longOptionsWidth, width());
        TextTable table = new Table(aColorScheme, columns.columns());
        table.setAdjustLineBreaksForWideCJKCharacters(adjustCjk());
        return new Layout(
                aColorScheme,
                table,
                createDefaultOptionRenderer(),
                createDefaultParameterRenderer());
    }

    @Override
    protected String insertSynopsisCommandName(int synopsisHeadingLength, Text details) {
        // as picocli's, in a space-wrapping table
        if (synopsisHeadingLength < 0) {
            throw new IllegalArgumentException(
                    "synopsisHeadingLength must be a positive number but was "
                            + synopsisHeadingLength);
        }
        UsageMessageSpec usage = commandSpec().usageMessage();
        String commandName = commandSpec().qualifiedName();
        int indent = synopsisHeadingLength + commandName.length() + 1;
        if (indent > usage.synopsisAutoIndentThreshold() * width()) {
            indent = usage.synopsisIndent() < 0 ? synopsisHeadingLength : usage.synopsisIndent();
            indent = Math.min(indent, (int) (MAX_SYNOPSIS_AUTO_INDENT_THRESHOLD * width()));
        }
        TextTable table = new Table(colorScheme(), new Column(width(), 0, Overflow.WRAP));
        table.setAdjustLineBreaksForWideCJKCharacters(adjustCjk());
        table.indentWrappedLines = indent;
        Text padding = Help.Ansi.OFF.new Text(" ".repeat(synopsisHeadingLength), colorScheme());
        table.addRowValues(padding.concat(colorScheme().commandText(commandName)).concat(details));
        return table.toString().substring(synopsisHeadingLength);
    }

    @Override
    public String customSynopsis(Object... params) {
        return join(commandSpec().usageMessage().customSynopsis(), params);
    }

    @Override
    public String description(Object... params) {
        return join(commandSpec().usageMessage().description(), params);
    }

    @Override
    public String header(Object... params) {
        return join(commandSpec().usageMessage().header(), params);
    }

    @Override
    public String footer(Object... params) {
        return join(commandSpec().usageMessage().footer(), params);
    }

    @Override
    public TextTable createTextTable(Map<?, ?> map) {
        if (map == null || map.isEmpty()) {
            return super.createTextTable(map);
        }
        int keyLength = 0;
        for (Object key : map.keySet()) {
            keyLength =
                    Math.max(
                            keyLength,
                            colorScheme().text(String.valueOf(key)).plainString().length());
        }
        keyLength = Math.min(width() - 4, keyLength);
        TextTable table =
                new Table(
                        colorScheme(),
                        new Column(keyLength + 3, 2, Overflow.SPAN),
                        new Column(width() - (keyLength + 3), 2, Overflow.WRAP));
        table.setAdjustLineBreaksForWideCJKCharacters(adjustCjk());
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            table.addRowValues(
                    format(String.valueOf(entry.getKey())),
                    format(String.valueOf(entry.getValue())));
        }
        return table;
    }

    @Override
    public String commandList(Map<String, Help> subcommands) {
        if (subcommands.isEmpty()) {
            return "";
        }
        int commandLength = 0;
        for (String name : subcommands.keySet()) {
            commandLength = Math.max(commandLength, name.length());
        }
        commandLength = Math.min(commandLength, width() / 2);
        TextTable table =
                new Table(
                        colorScheme(),
                        new Column(commandLength + 2, 2, Overflow.SPAN),
                        new Column(width() - (commandLength + 2), 2, Overflow.WRAP));
        table.setAdjustLineBreaksForWideCJKCharacters(adjustCjk());
        for (Help help : subcommands.values()) {
            UsageMessageSpec usage = help.commandSpec().usageMessage();
            String summary =
                    usage.header().length > 0
                            ? usage.header()[0]
                            : usage.description().length > 0 ? usage.description()[0] : "";
            Text[] lines = colorScheme().text(format(summary)).splitLines();
            for (int i = 0; i < lines.length; i++) {
                table.addRowValues(
                        i == 0
                                ? help.commandNamesText(", ")
                                : Help.Ansi.OFF.new Text("", colorScheme()),
                        lines[i]);
            }
        }
        return table.toString();
    }

    private String join(String[] values, Object... params) {
        StringBuilder sb = new StringBuilder();
        if (values != null && values.length > 0) {
            TextTable table = new Table(colorScheme(), new Column(width(), 0, Overflow.WRAP));
            table.setAdjustLineBreaksForWideCJKCharacters(adjustCjk());
            table.indentWrappedLines = 0;
            for (String line : values) {
                table.addRowValues(format(line, params));
            }
            table.toString(sb);
        }
        return sb.toString();
    }

    /** As picocli formats help text: {@code %n} and {@code %%}, warning of a lone {@code %}. */
    private static String format(String text, Object... params) {
        if (text == null) {
            return "";
        }
        try {
            return String.format(text, params);
        } catch (IllegalFormatException e) {
            System.err.printf(
                    "[lowmag WARN] Could not format '%s' (%s): escape '%%' as '%%%%'.%n",
                    text, e.getMessage());
            return text;
        }
    }

    /** A picocli table whose wrapping columns break lines only at spaces. */
    static final class Table extends TextTable {

        Table(Help.ColorScheme colorScheme, Column... columns) {
            super(colorScheme, columns);
        }

        @Override
        public Cell putValue(int row, int col, Text value) {
            Column column = columns()[col];
            if (column.overflow != Overflow.WRAP || value == null) {
                return super.putValue(row, col, value);
            }
            // write the value a line at a time, each line short enough for picocli not to break it
            int savedIndent = column.indent;
            try {
                Text rest = value;
                while (true) {
                    int n = fitting(rest, column.width - column.indent);
                    Cell cell = super.putValue(row, col, rest.substring(0, n));
                    rest = rest.substring(n);
                    if (rest.plainString().isEmpty()) {
                        return cell;
                    }
                    row++;
                    addEmptyRow();
                    column.indent = savedIndent + indentWrappedLines;
                }
            } finally {
                column.indent = savedIndent;
            }
        }

        /**
         * @return how many characters of the text go on a line of the given width: whole words with
         *     their trailing spaces (picocli's rule), or as much of an overlong first word as fits
         */
        private int fitting(Text text, int available) {
            String plain = text.plainString();
            int end = 0;
            while (end < plain.length()) {
                int next = end;
                while (next < plain.length() && plain.charAt(next) != ' ') {
                    next++;
                }
                while (next < plain.length() && plain.charAt(next) == ' ') {
                    next++;
                }
                if (length(text, next) > available) {
                    break;
                }
                end = next;
            }
            if (end == 0) {
                end = Math.min(plain.length(), Math.max(1, available));
            }
            return end;
        }

        private int length(Text text, int chars) {
            return isAdjustLineBreaksForWideCJKCharacters()
                    ? text.getCJKAdjustedLength(0, chars)
                    : chars;
        }
    }
}
