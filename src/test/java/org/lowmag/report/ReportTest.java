package org.lowmag.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lowmag.eval.Bootstrap;
import org.lowmag.eval.BootstrapConfig;
import org.lowmag.eval.MetricsReport;

class ReportTest {

    @TempDir Path tmp;

    private ReportDocument sample(Path image) {
        TextTable table =
                new TextTable("Metric", "A", "B")
                        .row("Accuracy", "80.00 (78.00-82.00)", "81.00 (79.00-83.00)")
                        .markBestInRow(0, 1, true);
        return new ReportDocument("Run <1> & co")
                .heading(2, "Results")
                .paragraph("Line one\nline <two>")
                .table(table, "Table 1. Accuracy")
                .image(image, "Figure 1. Cost");
    }

    @Test
    void markdownLinksImagesRelatively() throws IOException {
        Path png = tmp.resolve("plots").resolve("cost.png");
        Plots.savePng(
                Plots.costChart(PlotsTest.samplePoints(), "t", "Accuracy (%)"), png, 300, 200);
        Path md = tmp.resolve("report.md");
        MarkdownReport.write(sample(png), md);
        String text = Files.readString(md, StandardCharsets.UTF_8);
        assertTrue(
                text.startsWith("# Run <1> & co\n\n## Results\n\nLine one\nline <two>\n\n"), text);
        assertTrue(
                text.contains("| Accuracy | 80.00 (78.00-82.00) | **81.00 (79.00-83.00)** |"),
                text);
        assertTrue(text.contains("*Table 1. Accuracy*"), text);
        assertTrue(text.contains("![Figure 1. Cost](plots/cost.png)"), text);
    }

    @Test
    void htmlIsSelfContained() throws IOException {
        Path png = tmp.resolve("plots").resolve("cost.png");
        Plots.savePng(
                Plots.costChart(PlotsTest.samplePoints(), "t", "Accuracy (%)"), png, 300, 200);
        Path html = tmp.resolve("report.html");
        HtmlReport.write(sample(Path.of("plots/cost.png")), html);
        String text = Files.readString(html, StandardCharsets.UTF_8);
        assertTrue(text.contains("<title>Run &lt;1&gt; &amp; co</title>"), text);
        assertTrue(text.contains("<p>Line one<br>\nline &lt;two&gt;</p>"), text);
        assertTrue(text.contains("<td class=\"num\"><b>81.00 (79.00-83.00)</b></td>"), text);
        assertTrue(text.contains("<caption>Table 1. Accuracy</caption>"), text);
        Matcher m =
                Pattern.compile("src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\"").matcher(text);
        assertTrue(m.find(), "no embedded image");
        assertArrayEquals(Files.readAllBytes(png), Base64.getDecoder().decode(m.group(1)));

        String linked = HtmlReport.render(sample(png), tmp, false);
        assertTrue(linked.contains("<img src=\"plots/cost.png\" alt=\"Figure 1. Cost\">"), linked);
    }

    @Test
    void missingImageNamesTheFile() {
        NoSuchFileException e =
                assertThrows(
                        NoSuchFileException.class,
                        () -> HtmlReport.render(sample(Path.of("nope.png")), tmp, true));
        assertTrue(e.getMessage().contains("nope.png"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new ReportDocument("x").heading(1, "t"));
    }

    @Test
    void metricsTablesInPaperLayout() {
        int[] truth = {0, 0, 0, 1, 1, 1, 2, 2};
        int[] good = {0, 0, 0, 1, 1, 1, 2, 1};
        int[] bad = {0, 1, 0, 1, 0, 1, 2, 1};
        List<String> names = List.of("a", "b", "c");
        Bootstrap b = new Bootstrap(new BootstrapConfig(200, 0.95, 1), 1);
        MetricsReport rGood = b.evaluate(truth, good, names);
        MetricsReport rBad = b.evaluate(truth, bad, names);
        TextTable t = MetricsTables.compare(List.of("bad", "good"), List.of(rBad, rGood));
        assertEquals(List.of("Metric", "bad", "good"), t.header());
        assertEquals("Accuracy", t.cell(0, 0));
        assertEquals(CiFormat.percent(rGood.accuracy()), t.cell(0, 2));
        for (int row = 0; row < 4; row++) {
            assertTrue(t.isEmphasized(row, 2), "row " + row);
        }
        TextTable perClass = MetricsTables.perClass(rGood);
        assertEquals("3", perClass.cell(0, 5));
        TextTable confusion = MetricsTables.confusion(rGood);
        assertEquals(
                List.of("c", "0", "1", "1"),
                List.of(
                        confusion.cell(2, 0),
                        confusion.cell(2, 1),
                        confusion.cell(2, 2),
                        confusion.cell(2, 3)));
    }
}
