package org.lowmag.experiment;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.lowmag.dataset.Csv;
import org.lowmag.eval.Estimate;
import org.lowmag.eval.Spread;
import org.lowmag.slide.Magnification;
import org.lowmag.util.AtomicFiles;

/**
 * {@code results.csv}: one row per evaluated run (the teacher, the student arms, then the ablation
 * cells as arm {@code ablation-<resize>}), metrics as fractions with their CI bounds: {@code arm,
 * magnification, run, tissues, exact_accuracy, exact_accuracy_ci_low, exact_accuracy_ci_high,
 * accuracy, ..., recall_ci_high, gflops_mean, seconds_per_tissue, seed, statistic, degenerate}; a
 * run's row has {@code statistic = value} and {@code degenerate} empty, or what makes the model
 * degenerate ({@link org.lowmag.eval.Degeneracy}: {@code never predicts normal}) so that a reader
 * of the table alone cannot take a model that ignores a class for a good one. With several seeds
 * each cell's runs are followed by four summary rows over its evaluated seeds, {@code statistic} =
 * {@code mean}, {@code sd} (sample standard deviation), {@code min}, {@code max}, of the runs'
 * point values, GFLOPs and seconds; their {@code run} is the cell's base name ({@code kd-2.5x}),
 * their seed and CI columns are empty, and their {@code degenerate} says how many of the seeds'
 * models are degenerate ({@code 1 of 3}), empty when none is.
 */
final class ResultsCsv {

    private static final List<Metric> ORDER =
            List.of(
                    Metric.EXACT_ACCURACY,
                    Metric.ACCURACY,
                    Metric.F1,
                    Metric.PRECISION,
                    Metric.RECALL);

    private ResultsCsv() {}

    /**
     * @return the header cells
     */
    static List<String> header() {
        List<String> h = new ArrayList<>(List.of("arm", "magnification", "run", "tissues"));
        for (Metric m : ORDER) {
            h.add(m.key());
            h.add(m.key() + "_ci_low");
            h.add(m.key() + "_ci_high");
        }
        h.add("gflops_mean");
        h.add("seconds_per_tissue");
        h.add("seed");
        h.add("statistic");
        h.add("degenerate");
        return h;
    }

    /**
     * @param arm the arm id written in the first column
     * @param r the result
     * @return the row's cells
     */
    static List<String> row(String arm, RunResult r) {
        List<String> row =
                new ArrayList<>(
                        List.of(
                                arm,
                                Magnification.format(r.magnification()),
                                r.run(),
                                Integer.toString(r.tissues())));
        for (Metric m : ORDER) {
            Estimate e = r.get(m);
            row.add(Double.toString(e.value()));
            row.add(Double.toString(e.ciLow()));
            row.add(Double.toString(e.ciHigh()));
        }
        row.add(Double.toString(r.gflopsMean()));
        row.add(Double.toString(r.secondsPerTissue()));
        row.add(Long.toString(r.seed()));
        row.add("value");
        org.lowmag.eval.Degeneracy d = r.degeneracy();
        row.add(d.degenerate() ? d.describe(r.classes()) : "");
        return row;
    }

    /**
     * @param arm the arm id written in the first column
     * @param c a cell with at least one evaluated run
     * @return its four summary rows over the seeds: mean, sd, min, max
     */
    static List<List<String>> summary(String arm, SeedCell c) {
        Spread gflops = Spread.of(c.results().stream().map(RunResult::gflopsMean).toList());
        Spread seconds = Spread.of(c.results().stream().map(RunResult::secondsPerTissue).toList());
        List<List<String>> out = new ArrayList<>();
        for (String stat : List.of("mean", "sd", "min", "max")) {
            List<String> row =
                    new ArrayList<>(
                            List.of(
                                    arm,
                                    Magnification.format(c.magnification()),
                                    c.base(),
                                    Integer.toString(c.first().tissues())));
            for (Metric m : ORDER) {
                row.add(Double.toString(pick(c.spread(m), stat)));
                row.add("");
                row.add("");
            }
            row.add(Double.toString(pick(gflops, stat)));
            row.add(Double.toString(pick(seconds, stat)));
            row.add("");
            row.add(stat);
            int bad = c.degenerateRuns().size();
            row.add(bad == 0 ? "" : bad + " of " + c.results().size());
            out.add(row);
        }
        return out;
    }

    private static double pick(Spread s, String stat) {
        return switch (stat) {
            case "mean" -> s.mean();
            case "sd" -> s.sd();
            case "min" -> s.min();
            default -> s.max();
        };
    }

    /**
     * Writes the file atomically.
     *
     * @param file the target
     * @param rows the rows' cells
     * @throws IOException when writing fails
     */
    static void write(Path file, List<List<String>> rows) throws IOException {
        StringBuilder sb = new StringBuilder(Csv.line(header()));
        rows.forEach(r -> sb.append(Csv.line(r)));
        AtomicFiles.writeString(file, sb.toString());
    }
}
