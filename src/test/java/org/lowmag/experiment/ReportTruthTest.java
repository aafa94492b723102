package org.lowmag.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lowmag.cost.PassTiming;
import org.lowmag.dataset.Csv;
import org.lowmag.eval.Bootstrap;
import org.lowmag.util.AtomicFiles;
import org.lowmag.util.Json;

/**
 * The report written from hand-made evaluations (no training): the tiny synthetic dataset's 6 test
 * tissues (truth red, red, green, green, blue, blue) and four models whose predictions are chosen
 * by hand:
 *
 * <pre>
 *   teacher   red red green green blue  blue    perfect
 *   baseline  red red green green green green   C = [[2,0,0],[0,2,0],[0,2,0]]: never predicts blue
 *   kd        red red green blue  green blue    C = [[2,0,0],[0,1,1],[0,1,1]]
 *   kd+aux    red red red   red   red   red     predicts red for every tissue
 * </pre>
 *
 * Baseline and KD both get 4 of 6 right, so both have accuracy {@code 1 - 2 (1 - 4/6) / 3 = 7/9 =
 * 77.78%}: a tie. Macro F1: baseline (red 1, green {@code 2*2 / (2*2 + 2 + 0) = 2/3}, blue 0) / 3 =
 * 55.56%; KD (red 1, green {@code 2 / (2 + 1 + 1) = 1/2}, blue 1/2) / 3 = 66.67%. The rule
 * therefore names KD, decided by macro F1, and flags baseline and KD (aux) as degenerate.
 */
class ReportTruthTest {

    @TempDir static Path tmp;

    static final List<String> TEST_IDS = List.of("t6", "t7", "t14", "t15", "t22", "t23");
    static final int[] TRUTH = {0, 0, 1, 1, 2, 2};

    static Path out;
    static String md;

    @BeforeAll
    static void writeReport() throws IOException {
        TinyDataset.write(tmp.resolve("tiny-ds"), List.of(4.0, 1.0));
        Path config = tmp.resolve("hand.yaml");
        Files.writeString(
                config,
                """
                dataset: tiny-ds
                teacher_mag: 4
                student_mags: [1]
                arms: [baseline, kd, kd+aux]
                auxiliary:
                  aux: {splits: [unlabeled]}
                epochs: 1
                accumulate: 4
                seed: 0
                bootstrap: 200
                """);
        out = tmp.resolve("exp");
        ExperimentConfig c = ConfigReader.read(config);
        ExperimentLayout layout = new ExperimentLayout(out);
        PassTiming timed = new PassTiming(1, List.of(0.5, 0.2, 0.3, 0.9, 0.4), 6);
        evaluation(layout, c, "teacher", new int[] {0, 0, 1, 1, 2, 2}, 0.02, timed);
        evaluation(layout, c, "baseline-1x", new int[] {0, 0, 1, 1, 1, 1}, 0.00125, timed);
        evaluation(layout, c, "kd-1x", new int[] {0, 0, 1, 2, 1, 2}, 0.00125, timed);
        evaluation(layout, c, "kd+aux-1x", new int[] {0, 0, 0, 0, 0, 0}, 0.00125, null);
        new ExperimentRunner(
                        c,
                        out,
                        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))
                .reportOnly();
        md = Files.readString(out.resolve("report.md"));
    }

    /**
     * Writes {@code eval/<run>/metrics.json} (metrics with a real 200-round bootstrap) and {@code
     * predictions.csv}; {@code timing} null writes a {@code metrics.json} from before timings were
     * repeated (only {@code seconds_per_tissue}, 0.05 s).
     */
    private static void evaluation(
            ExperimentLayout layout,
            ExperimentConfig c,
            String run,
            int[] pred,
            double gflops,
            PassTiming timing)
            throws IOException {
        List<String> classes = TinyDataset.CLASSES;
        Map<String, Object> json =
                new LinkedHashMap<>(
                        new Bootstrap(c.bootstrapConfig(), 1)
                                .evaluate(TRUTH, pred, classes)
                                .toJsonTree());
        json.put("tissues", TRUTH.length);
        json.put("gflops_mean", gflops);
        json.put("seconds_per_tissue", timing == null ? 0.05 : timing.medianPerItem());
        if (timing != null) {
            json.put("timing", timing.toJsonTree());
        }
        Json.write(layout.metrics(run), json);
        StringBuilder csv = new StringBuilder(Csv.line(List.of("tissue", "truth", "predicted")));
        for (int i = 0; i < TRUTH.length; i++) {
            csv.append(
                    Csv.line(
                            List.of(TEST_IDS.get(i), classes.get(TRUTH[i]), classes.get(pred[i]))));
        }
        AtomicFiles.writeString(layout.evalDir(run).resolve("predictions.csv"), csv.toString());
    }

    @Test
    void theTitleSaysSyntheticAndNamesNoAbsolutePath() throws IOException {
        String title = md.lines().findFirst().orElseThrow();
        assertEquals("# LowMag experiment 'exp' on SYNTHETIC data", title);
        assertTrue(md.contains("SYNTHETIC DATA: the dataset was made from generated images"), md);
        assertTrue(md.contains("Dataset: ../tiny-ds (synthetic)"), md);
        String abs = tmp.toAbsolutePath().normalize().toString();
        assertFalse(md.contains(abs), "an absolute path in report.md:\n" + md);
        assertFalse(Files.readString(out.resolve("report.html")).contains(abs), "report.html");
        assertRow(md, "dataset", "../tiny-ds");
    }

    @Test
    void theHeadlineStatesItsRuleAndBreaksTheTieByMacroF1() {
        assertTrue(md.contains("chosen by a fixed rule: " + HeadlineRule.TEXT), md);
        String line =
                md.lines()
                        .filter(l -> l.startsWith("1x: best "))
                        .findFirst()
                        .orElseThrow(() -> new AssertionError(md));
        assertTrue(line.startsWith("1x: best KD, accuracy 77.78 ("), line);
        assertTrue(
                line.contains(
                        "TIE: Baseline has the same accuracy; decided by macro F1 (macro F1 KD"
                                + " 66.67, Baseline 55.56)."),
                line);
        assertTrue(
                line.contains(
                        "Also DEGENERATE: Baseline never predicts blue; KD (aux) predicts red for"
                                + " every tissue."),
                line);
        assertFalse(line.contains("best KD, accuracy 77.78 (") && line.contains("KD DEGENERATE"));
    }

    @Test
    void theTablesFlagDegenerateModels() {
        assertRow(
                md,
                "1x",
                ResultTables.DEGENERATE,
                "YES: never predicts blue",
                "no",
                "YES: predicts red for every tissue");
        assertRow(md, ResultTables.DEGENERATE, "no");
    }

    /** Baseline's matrix with its per-class metrics, derived in the class comment. */
    @Test
    void everyModelHasItsConfusionMatrixAndPerClassMetrics() {
        assertTrue(md.contains("## Confusion matrices and per-class metrics"), md);
        List<String> rows = new ArrayList<>();
        md.lines().filter(l -> l.startsWith("| True / predicted ")).forEach(rows::add);
        assertEquals(4, rows.size(), "one table per model:\n" + md);
        int at =
                md.indexOf(
                        "Baseline at 1x (run baseline-1x, 6 test tissues). DEGENERATE: it never predicts blue.");
        assertTrue(at > 0, md);
        String before = md.substring(0, at);
        String table = before.substring(before.lastIndexOf("| True / predicted "));
        assertRow(table, "red", "2", "0", "0", "2", "100.00", "100.00", "100.00");
        assertRow(table, "green", "0", "2", "0", "2", "100.00", "50.00", "66.67");
        assertRow(table, "blue", "0", "2", "0", "2", "0.00", "0.00", "0.00");
        assertRow(table, "Predicted", "2", "4", "0", "6");
    }

    /**
     * Passes of 0.5, 0.2, 0.3, 0.9, 0.4 s over 6 tissues: median 0.4 / 6 = 0.06667 s per tissue,
     * fastest 0.2 / 6 = 0.03333, slowest 0.9 / 6 = 0.15; KD (aux)'s older evaluation shows its one
     * recorded time as 1 pass.
     */
    @Test
    void theCostTableGivesTheMedianOfRepeatedPassesAndSaysHow() {
        assertRow(md, "teacher", "0.02000", "1.000", "0.06667", "0.03333-0.1500", "5", "1.00x");
        assertRow(
                md, "kd+aux-1x", "0.001250", "0.06250", "0.05000", "0.05000-0.05000", "1", "1.33x");
        assertTrue(md.contains("then 5 timed passes, and reports their median"), md);
    }

    /**
     * No run is made, so every run shows 0 of 1 epochs and 0 steps; KD (aux) would train on train +
     * val (18 tissues) + the unlabelled split (6) = 24 tissues per epoch.
     */
    @Test
    void theRunsTableShowsEpochsBestEpochAndSteps() {
        assertRow(
                md,
                "Run",
                "Job",
                "Magnification",
                "Status",
                "Epochs run / planned",
                "Best epoch",
                "Training tissues / epoch",
                "Optimiser steps",
                "Evaluated");
        assertRow(
                md,
                "kd+aux-1x",
                "distill, 1 epoch, resize maxpool+bicubic",
                "1x",
                "new",
                "0 / 1",
                "—",
                "24",
                "0",
                "yes");
    }

    /** A table row (markdown, any padding) with these consecutive cells, somewhere in the text. */
    private static void assertRow(String text, String... cells) {
        StringBuilder re = new StringBuilder("(?s).*\\|");
        for (String c : cells) {
            re.append(" +").append(java.util.regex.Pattern.quote(c)).append(" +\\|");
        }
        assertTrue(
                text.matches(re.append(".*").toString()),
                String.join(" | ", cells) + " in\n" + text);
    }
}
