package org.lowmag.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.lowmag.report.TextTable;
import org.lowmag.util.AtomicFiles;

/**
 * The benchmark suite's table: reads the raw samples of one run ({@link RawResults}), builds the
 * rows ({@link ReportRows}), prints them and writes {@code results.md}, {@code results.csv} and the
 * chart {@code train-gflops.png} (see {@link GflopsChart}) into the output folder.
 *
 * <p>Usage: {@code BenchReport --raw FILE --out DIR --threads T --accumulate A --distill-accumulate
 * N --teacher PX --student PX [--memory-limit-gib 16] [--mode quick|full] [--load-start "1.0 0.9
 * 0.8"] [--load-end ...] [--note TEXT]}.
 */
public final class BenchReport {

    private BenchReport() {}

    /**
     * @param args see the class comment
     * @throws IOException when the raw file cannot be read or the outputs written
     */
    public static void main(String[] args) throws IOException {
        BenchArgs a = new BenchArgs(args);
        Map<String, RawResults.Entry> raw = RawResults.read(a.path("raw"));
        MachinePeak peak = MachinePeak.read(a.integer("threads", 2));
        ReportRows.Settings settings =
                new ReportRows.Settings(
                        peak,
                        a.integer("accumulate", 8),
                        a.integer("distill-accumulate", 32),
                        a.integer("teacher", 224),
                        a.integer("student", 56),
                        Double.parseDouble(a.string("memory-limit-gib", "16")));
        List<ReportRow> rows = new ReportRows(raw, settings).build();
        TextTable table = table(rows);
        List<String> header = header(a, peak);
        Path out = a.path("out");
        Files.createDirectories(out);
        String md =
                "# LowMag benchmarks\n\n"
                        + String.join("\n", header.stream().map(h -> "- " + h).toList())
                        + "\n\n"
                        + table.toMarkdown()
                        + "\n";
        AtomicFiles.writeString(out.resolve("results.md"), md);
        AtomicFiles.writeString(out.resolve("results.csv"), csv(rows));
        GflopsChart.save(raw, settings, out.resolve("train-gflops.png"));
        System.out.println();
        header.forEach(System.out::println);
        System.out.println();
        System.out.println(table.toText());
        System.out.println(
                "written: " + out.resolve("results.md") + ", results.csv, train-gflops.png");
    }

    private static List<String> header(BenchArgs a, MachinePeak peak) {
        List<String> h = new ArrayList<>();
        h.add(
                "run: "
                        + a.string("mode", "full")
                        + ", "
                        + ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        h.add("peak: " + peak.describe());
        h.add(
                "load average (1/5/15 min) at start: "
                        + a.string("load-start", "?")
                        + "; at end: "
                        + a.string("load-end", "?")
                        + " (above about 0.5 other processes shared the cores: figures are low"
                        + " and noisy)");
        h.add(
                "cells: median [min-max] over repetitions; ratio = LowMag median / reference"
                        + " median [extreme-sample range]; training FLOPs = 3 x forward FLOPs"
                        + " (convolutions + FC, 2 x MACs)");
        String note = a.string("note", "");
        if (!note.isEmpty()) {
            h.add(note);
        }
        return h;
    }

    private static TextTable table(List<ReportRow> rows) {
        TextTable t =
                new TextTable("section", "figure", "LowMag", "reference", "ratio", "target", "met");
        for (ReportRow r : rows) {
            t.row(
                    r.section(),
                    r.figure(),
                    r.lowmagCell(),
                    r.referenceCell(),
                    r.ratioCell(),
                    r.target(),
                    r.met());
        }
        return t;
    }

    private static String csv(List<ReportRow> rows) {
        StringBuilder sb =
                new StringBuilder(
                        "section,figure,unit,lowmag_median,lowmag_min,lowmag_max,lowmag_n,"
                                + "reference,reference_median,reference_min,reference_max,"
                                + "ratio,ratio_low,ratio_high,target,met\n");
        for (ReportRow r : rows) {
            Samples l = r.lowmag();
            Samples f = r.reference();
            sb.append(
                            String.join(
                                    ",",
                                    quote(r.section()),
                                    quote(r.figure()),
                                    quote(r.unit()),
                                    num(l.median()),
                                    num(l.min()),
                                    num(l.max()),
                                    Integer.toString(l.values().length),
                                    quote(r.referenceName() == null ? "" : r.referenceName()),
                                    f == null ? "" : num(f.median()),
                                    f == null ? "" : num(f.min()),
                                    f == null ? "" : num(f.max()),
                                    num(r.ratio()),
                                    num(r.ratioLow()),
                                    num(r.ratioHigh()),
                                    quote(r.target()),
                                    r.met()))
                    .append('\n');
        }
        return sb.toString();
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "" : String.format(java.util.Locale.ROOT, "%.6g", v);
    }

    private static String quote(String s) {
        return "\"" + s.replace("\"", "\"\"") + "\"";
    }
}
