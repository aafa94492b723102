package org.lowmag.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.lowmag.dataset.Csv;
import org.lowmag.experiment.PaperStory;
import org.lowmag.slide.Magnification;
import org.lowmag.util.Progress;

/**
 * The demo's closing lines: every model's exact accuracy with its 95% CI and cost, magnification by
 * magnification, then the paper's claim checked in plain words ({@link PaperStory}), and where the
 * report and predictions are.
 */
final class DemoSummary {

    private static final List<String> ARMS = List.of("baseline", "kd", "kd+aux");

    private DemoSummary() {}

    static void print(Path out, DemoCommand.Plan p, double seconds) throws IOException {
        print(out, p, seconds, System.out);
    }

    static void print(Path out, DemoCommand.Plan p, double seconds, PrintStream o)
            throws IOException {
        Path exp = out.resolve("experiment");
        List<List<String>> rows;
        try (Reader r =
                Files.newBufferedReader(exp.resolve("results.csv"), StandardCharsets.UTF_8)) {
            rows = Csv.parse(r);
        }
        Map<String, Integer> col = Csv.columns(rows.get(0));
        o.println();
        o.println(
                "LowMag demo (SYNTHETIC data) finished in "
                        + Progress.formatSeconds(seconds)
                        + ". Test-set exact accuracy (fraction correct, 95% CI resampling"
                        + " patients) and cost per forward pass:");
        List<String[]> want = new ArrayList<>();
        want.add(new String[] {"teacher", Magnification.format(p.teacherMag())});
        for (double m : p.studentMags()) {
            ARMS.forEach(a -> want.add(new String[] {a, Magnification.format(m)}));
        }
        for (String[] w : want) {
            for (List<String> row : rows.subList(1, rows.size())) {
                if (row.get(col.get("arm")).equals(w[0])
                        && row.get(col.get("magnification")).equals(w[1])) {
                    String flag =
                            row.size() > col.get("degenerate")
                                    ? row.get(col.get("degenerate"))
                                    : "";
                    o.printf(
                            Locale.ROOT,
                            "  %-8s at %5sx: %6.2f%% (%5.1f-%5.1f)  %.4f GFLOPs%s%n",
                            w[0],
                            w[1],
                            100 * number(row, col, "exact_accuracy"),
                            100 * number(row, col, "exact_accuracy_ci_low"),
                            100 * number(row, col, "exact_accuracy_ci_high"),
                            number(row, col, "gflops_mean"),
                            flag.isEmpty() ? "" : "  DEGENERATE: " + flag);
                }
            }
        }
        Path paired = exp.resolve("paired.csv");
        if (Files.isRegularFile(paired)) {
            List<PaperStory.Line> story;
            try (Reader r = Files.newBufferedReader(paired, StandardCharsets.UTF_8)) {
                story = PaperStory.lines(PaperStory.readPairedCsv(r));
            }
            if (!story.isEmpty()) {
                o.println("Does distillation work here? (the paper's claim, in plain words)");
                story.forEach(l -> o.println("  " + l.text()));
            }
        }
        o.println(
                "Report: "
                        + exp.resolve("report.html")
                        + " (and report.md,"
                        + " accuracy_vs_gflops.png); predictions: "
                        + out.resolve("predict"));
    }

    private static double number(List<String> row, Map<String, Integer> col, String key) {
        return Double.parseDouble(row.get(col.get(key)));
    }
}
