package org.lowmag.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.lowmag.dataset.Csv;
import org.lowmag.util.Progress;

/** The demo's closing lines: where everything is, and teacher vs baseline vs student. */
final class DemoSummary {

    private DemoSummary() {}

    static void print(Path out, DemoCommand.Plan p, double seconds) throws IOException {
        Path results = out.resolve("experiment/results.csv");
        List<List<String>> rows;
        try (var r = Files.newBufferedReader(results, StandardCharsets.UTF_8)) {
            rows = Csv.parse(r);
        }
        Map<String, Integer> col = new HashMap<>();
        for (int i = 0; i < rows.get(0).size(); i++) {
            col.put(rows.get(0).get(i), i);
        }
        System.out.println();
        System.out.println(
                "LowMag demo (SYNTHETIC data) finished in "
                        + Progress.formatSeconds(seconds)
                        + ". Test-set exact accuracy (fraction correct) and cost per forward"
                        + " pass:");
        String studentMag = org.lowmag.dataset.Magnification.format(p.studentMags().get(0));
        for (String[] want :
                new String[][] {
                    {"teacher", org.lowmag.dataset.Magnification.format(p.teacherMag())},
                    {"baseline", studentMag},
                    {"kd", studentMag},
                    {"kd+aux", studentMag}
                }) {
            for (List<String> row : rows.subList(1, rows.size())) {
                if (row.get(col.get("arm")).equals(want[0])
                        && row.get(col.get("magnification")).equals(want[1])) {
                    System.out.printf(
                            Locale.ROOT,
                            "  %-9s at %5sx: accuracy %6.2f%%  %.4f GFLOPs%n",
                            want[0],
                            want[1],
                            100 * Double.parseDouble(row.get(col.get("exact_accuracy"))),
                            Double.parseDouble(row.get(col.get("gflops_mean"))));
                }
            }
        }
        System.out.println(
                "Report: "
                        + out.resolve("experiment/report.html")
                        + " (and report.md,"
                        + " accuracy_vs_gflops.png); predictions: "
                        + out.resolve("predict"));
    }
}
