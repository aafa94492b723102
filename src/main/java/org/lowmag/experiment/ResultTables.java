package org.lowmag.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.lowmag.distill.ResizeMode;
import org.lowmag.eval.Spread;
import org.lowmag.report.CiFormat;
import org.lowmag.report.TextTable;
import org.lowmag.slide.Magnification;

/**
 * The report's result tables. Metric cells are percentages with their 95% bootstrap CI, {@code
 * "87.06 (85.65-88.48)"}; a cell of a run not evaluated yet is {@value #MISSING}. With several
 * seeds a cell is the mean over the seeds' point values, their sample standard deviation, then each
 * seed's value in seed order, {@code "87.20 ± 1.30 (85.90, 87.50, 88.40)"} (min and max are the
 * extremes of that list; a seed not evaluated yet is {@value #MISSING} and left out of the mean).
 * Where several models are compared the best value (mean) of each row is emphasised (bold), as in
 * the paper's Table 4.
 */
final class ResultTables {

    /** Cell text of a run with no evaluation yet. */
    static final String MISSING = "—";

    /** The row label of the degenerate-model flag ({@link org.lowmag.eval.Degeneracy}). */
    static final String DEGENERATE = "Degenerate (a class never predicted, or one always)";

    private ResultTables() {}

    /**
     * @param c a cell with at least one evaluated run
     * @param m a metric
     * @return {@code "87.06 (85.65-88.48)"} with one seed, {@code "87.20 ± 1.30 (85.90, 87.50,
     *     88.40)"} with several
     */
    static String metric(SeedCell c, Metric m) {
        if (!c.severalSeeds()) {
            return CiFormat.percent(c.first().get(m));
        }
        Spread s = c.spread(m);
        List<String> values = new ArrayList<>();
        for (long seed : c.seeds()) {
            values.add(c.ofSeed(seed).map(r -> CiFormat.percent(r.get(m).value())).orElse(MISSING));
        }
        return String.format(
                Locale.ROOT,
                "%.2f ± %.2f (%s)",
                100 * s.mean(),
                100 * s.sd(),
                String.join(", ", values));
    }

    /**
     * Paper Table 3: one row per metric for the teacher.
     *
     * @param teacher the teacher's runs, at least one evaluated
     * @return the table
     */
    static TextTable teacher(SeedCell teacher) {
        TextTable t =
                new TextTable(
                        "Metric",
                        "Teacher (" + Magnification.format(teacher.magnification()) + "x)");
        for (Metric m : Metric.values()) {
            t.row(m.label(), metric(teacher, m));
        }
        t.row(DEGENERATE, degenerate(teacher));
        return t;
    }

    /**
     * Paper Table 4: for each student magnification one row per metric, one column per arm, the
     * best arm of each row in bold.
     *
     * @param mags the student magnifications
     * @param columns the arms
     * @param res the results
     * @return the table
     */
    static TextTable arms(
            List<Double> mags, List<ExperimentPlan.ArmColumn> columns, ExperimentResults res) {
        List<String> header = new ArrayList<>(List.of("Magnification", "Metric"));
        columns.forEach(c -> header.add(c.label()));
        TextTable t = new TextTable(header.toArray(String[]::new));
        for (double mag : mags) {
            List<SeedCell> cells = new ArrayList<>();
            columns.forEach(c -> cells.add(res.cell(c.arm(), mag)));
            addMetricRows(t, Magnification.format(mag) + "x", cells);
        }
        return t;
    }

    /**
     * Supplementary Figure 1 as a table: for each magnification one row per metric, one column per
     * resize mode, the best in bold.
     *
     * @param ablation the ablation settings
     * @param cells the plan's ablation cells
     * @param res the results
     * @return the table
     */
    static TextTable ablation(
            Ablation ablation, List<ExperimentPlan.AblationCell> cells, ExperimentResults res) {
        List<String> header = new ArrayList<>(List.of("Magnification", "Metric"));
        ablation.resize().forEach(r -> header.add(resizeLabel(r)));
        TextTable t = new TextTable(header.toArray(String[]::new));
        for (double mag : ablation.mags()) {
            List<SeedCell> row = new ArrayList<>();
            for (ResizeMode mode : ablation.resize()) {
                row.add(
                        cells.stream()
                                .filter(
                                        c ->
                                                c.resize() == mode
                                                        && Magnification.same(
                                                                c.magnification(), mag))
                                .findFirst()
                                .map(res::ablation)
                                .orElse(new SeedCell("", res.plan().seeds(), List.of())));
            }
            addMetricRows(t, Magnification.format(mag) + "x", row);
        }
        return t;
    }

    /**
     * @param mode a resize mode
     * @return the paper's name: KD, KD+MP, KD+INT, KD+MP+INT
     */
    static String resizeLabel(ResizeMode mode) {
        return switch (mode) {
            case NONE -> "KD (none)";
            case MAXPOOL -> "KD+MP (maxpool)";
            case BICUBIC -> "KD+INT (bicubic)";
            case MAXPOOL_BICUBIC -> "KD+MP+INT (maxpool+bicubic)";
        };
    }

    private static void addMetricRows(TextTable t, String mag, List<SeedCell> cells) {
        long present = cells.stream().filter(c -> !c.isEmpty()).count();
        for (Metric m : Metric.values()) {
            List<Object> row = new ArrayList<>(List.of(mag, m.label()));
            for (SeedCell c : cells) {
                row.add(c.isEmpty() ? MISSING : metric(c, m));
            }
            t.row(row.toArray());
            if (present > 1) {
                t.markBestInRow(t.rowCount() - 1, 2, true);
            }
        }
        List<Object> row = new ArrayList<>(List.of(mag, DEGENERATE));
        cells.forEach(c -> row.add(c.isEmpty() ? MISSING : degenerate(c)));
        t.row(row.toArray());
    }

    /**
     * @param c a cell with an evaluated run
     * @return "no", or "YES: never predicts blue" (with several seeds each degenerate seed)
     */
    static String degenerate(SeedCell c) {
        List<String> d = c.degenerateRuns();
        return d.isEmpty() ? "no" : "YES: " + String.join("; ", d);
    }

    /**
     * The cost of each model: GFLOPs per forward pass (mean over the test tissues), measured
     * seconds per tissue (the median of the evaluation's timed passes, with the fastest and slowest
     * pass and the number of passes), and both as ratios to the teacher's: {@code flop ratio =
     * GFLOPs / teacher GFLOPs}, {@code speed-up = teacher seconds / seconds}. With several seeds a
     * row is a cell, its numbers the means over the evaluated seeds, its run the base name with the
     * seed count.
     *
     * @param rows the models (teacher first when evaluated), each with an evaluated run
     * @param labels the arm label of each row
     * @param teacher the teacher's runs (possibly none evaluated)
     * @return the table
     */
    static TextTable cost(List<SeedCell> rows, List<String> labels, SeedCell teacher) {
        TextTable t =
                new TextTable(
                        "Arm",
                        "Magnification",
                        "Run",
                        "GFLOPs / forward pass",
                        "FLOPs / teacher FLOPs",
                        "Seconds / tissue (median)",
                        "Fastest-slowest pass",
                        "Timed passes",
                        "Speed-up vs teacher");
        Optional<SeedCell> x = teacher.isEmpty() ? Optional.empty() : Optional.of(teacher);
        for (int i = 0; i < rows.size(); i++) {
            SeedCell r = rows.get(i);
            String run = r.severalSeeds() ? r.base() + " (" + seedCount(r) + ")" : r.first().run();
            t.row(
                    labels.get(i),
                    Magnification.format(r.magnification()) + "x",
                    run,
                    String.format(Locale.ROOT, "%.4g", r.gflopsMean()),
                    x.map(y -> String.format(Locale.ROOT, "%.4g", r.gflopsMean() / y.gflopsMean()))
                            .orElse(MISSING),
                    String.format(Locale.ROOT, "%.4g", r.secondsPerTissue()),
                    String.format(
                            Locale.ROOT,
                            "%.4g-%.4g",
                            r.secondsPerTissueMin(),
                            r.secondsPerTissueMax()),
                    r.timedPasses(),
                    x.map(
                                    y ->
                                            String.format(
                                                    Locale.ROOT,
                                                    "%.3gx",
                                                    y.secondsPerTissue() / r.secondsPerTissue()))
                            .orElse(MISSING));
        }
        return t;
    }

    private static String seedCount(SeedCell c) {
        int n = c.results().size();
        return n == c.seeds().size() ? n + " seeds" : n + " of " + c.seeds().size() + " seeds";
    }

    /**
     * Tissue counts per split and class (paper Tables 1-2).
     *
     * @param counts split to class to count
     * @param columns the class columns
     * @return the table
     */
    static TextTable data(Map<String, Map<String, Integer>> counts, List<String> columns) {
        List<String> header = new ArrayList<>(List.of("Split"));
        header.addAll(columns);
        header.add("Total");
        TextTable t = new TextTable(header.toArray(String[]::new));
        for (Map.Entry<String, Map<String, Integer>> e : counts.entrySet()) {
            List<Object> row = new ArrayList<>(List.of(e.getKey()));
            int total = 0;
            for (String c : columns) {
                int n = e.getValue().getOrDefault(c, 0);
                row.add(n);
                total += n;
            }
            row.add(total);
            t.row(row.toArray());
        }
        return t;
    }
}
