package org.lowmag.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Help text wraps only at spaces: never inside a file name, an option name or a list such as {@code
 * OUT/SLIDE.geojson}, {@code --heatmap-scale} or {@code 10x,2.5x}.
 */
class HelpWrapTest {

    /** Wide enough that nothing in any help message wraps. */
    private static final int UNWRAPPED = 5000;

    private static String help(Integer width, String... args) {
        PrintStream savedOut = System.out;
        PrintStream savedErr = System.err;
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        try (PrintStream capture = new PrintStream(all, true, StandardCharsets.UTF_8)) {
            System.setOut(capture);
            System.setErr(capture);
            CommandLine cl = LowMag.newCommandLine();
            if (width != null) {
                cl.setUsageHelpWidth(width);
            }
            cl.setOut(new PrintWriter(capture, true));
            cl.setErr(new PrintWriter(capture, true));
            assertEquals(0, cl.execute(args));
            return all.toString(StandardCharsets.UTF_8);
        } finally {
            System.setOut(savedOut);
            System.setErr(savedErr);
        }
    }

    private static List<String[]> everyCommand() {
        List<String[]> commands = new ArrayList<>();
        commands.add(new String[] {"--help"});
        for (String name : LowMag.newCommandLine().getSubcommands().keySet()) {
            commands.add(new String[] {name, "--help"});
        }
        return commands;
    }

    private static boolean hasSeparator(String token) {
        return token.matches(".*[./,-].*");
    }

    @Test
    void noLineBreakSplitsAToken() {
        List<String> problems = new ArrayList<>();
        for (String[] args : everyCommand()) {
            String wrapped = help(null, args);
            Set<String> tokens = new TreeSet<>();
            for (String token : help(UNWRAPPED, args).split("\\s+")) {
                if (hasSeparator(token)) {
                    tokens.add(token);
                }
            }
            String[] lines = wrapped.split("\\R");
            for (int i = 0; i + 1 < lines.length; i++) {
                String first = lines[i].stripTrailing();
                String next = lines[i + 1].strip();
                if (first.isEmpty() || next.isEmpty()) {
                    continue;
                }
                String tail = first.substring(first.lastIndexOf(' ') + 1);
                String head = next.split(" ", 2)[0];
                String joined = tail + head;
                if (tokens.stream().anyMatch(t -> t.contains(joined))) {
                    problems.add(String.join(" ", args) + ": '" + tail + "' | '" + head + "'");
                }
            }
            for (String token : tokens) {
                if (!wrapped.contains(token)) {
                    problems.add(String.join(" ", args) + ": '" + token + "' is broken");
                }
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void predictsHelpShowsItsFileNamesWhole() {
        String text = help(null, "predict", "--help");
        assertTrue(text.contains("OUT/SLIDE.geojson"), text);
        assertTrue(text.contains("OUT/SLIDE.json"), text);
        assertTrue(text.contains("SLIDE.json)"), text);
    }

    @Test
    void theHelpKeepsItsWidth() {
        for (String[] args : everyCommand()) {
            String text = help(null, args);
            for (String line : text.split("\\R")) {
                assertTrue(line.length() <= 80, String.join(" ", args) + ": " + line);
            }
        }
    }
}
