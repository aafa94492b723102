package org.lowmag.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.lowmag.dataset.ManifestCsv;
import org.lowmag.dataset.TissueRecord;
import org.lowmag.eval.BootstrapConfig;
import org.lowmag.infer.EvaluateJob;
import org.lowmag.util.Json;
import org.lowmag.util.LowMagException;

/**
 * The whole grid on a tiny synthetic dataset (3 classes, 32 px at 4x, 8 px at 1x, one epoch per
 * run), then a second run that must skip everything, then interrupted runs that must resume, then
 * the group bootstrap: re-evaluation without retraining, the report, and a dataset without groups.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ExperimentRunnerTest {

    @TempDir static Path tmp;

    static Path configFile;
    static Path out;
    static ExperimentRunner.Summary first;
    static String firstLog;

    @BeforeAll
    static void runOnce() throws IOException {
        TinyDataset.write(tmp.resolve("tiny-ds"), List.of(4.0, 1.0));
        configFile = tmp.resolve("tiny.yaml");
        try (InputStream in =
                ExperimentRunnerTest.class.getResourceAsStream("/experiment/tiny.yaml")) {
            Files.copy(in, configFile);
        }
        out = tmp.resolve("exp");
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        ExperimentConfig c = ConfigReader.read(configFile);
        first =
                new ExperimentRunner(c, out, new PrintStream(log, true, StandardCharsets.UTF_8))
                        .run(configFile);
        firstLog = log.toString(StandardCharsets.UTF_8);
        System.out.print(firstLog);
    }

    @Test
    @Order(1)
    void everyRunAndEvaluationExists() {
        List<String> runs =
                List.of("teacher", "baseline-1x", "kd-1x", "kd+aux-1x", "ablation-none-1x");
        for (String r : runs) {
            assertTrue(Files.isRegularFile(out.resolve("runs/" + r + "/DONE")), r);
            assertTrue(Files.isRegularFile(out.resolve("eval/" + r + "/metrics.json")), r);
            assertTrue(Files.isRegularFile(out.resolve("eval/" + r + "/predictions.csv")), r);
        }
        assertEquals(new ExperimentRunner.Summary(5, 0, 0, 5), first, firstLog);
        assertTrue(firstLog.contains("[experiment 3/5] kd-1x (distill, 1 epoch"), firstLog);
        for (String f :
                List.of(
                        "experiment.json",
                        "report.md",
                        "report.html",
                        "results.csv",
                        "paired.csv",
                        "accuracy_vs_gflops.png",
                        "exact_accuracy_vs_gflops.png",
                        "ablation.png")) {
            assertTrue(Files.isRegularFile(out.resolve(f)), f);
        }
    }

    @Test
    @Order(2)
    void resultsCsvHasOneRowPerArmAndMagnification() throws IOException {
        List<String> lines = Files.readAllLines(out.resolve("results.csv"));
        assertTrue(lines.get(0).startsWith("arm,magnification,run,tissues,exact_accuracy,"));
        List<String> keys =
                lines.stream().skip(1).map(l -> l.split(",")[0] + "@" + l.split(",")[1]).toList();
        assertEquals(
                List.of(
                        "teacher@4",
                        "baseline@1",
                        "kd@1",
                        "kd+aux@1",
                        "ablation-none@1",
                        "ablation-maxpool+bicubic@1"),
                keys);
        assertTrue(lines.get(6).contains(",kd-1x,"), "the paper's resize reuses the KD run");
        for (String l : lines.subList(1, lines.size())) {
            assertEquals(ResultsCsv.header().size(), l.split(",", -1).length, l);
            assertEquals("6", l.split(",")[3], "6 test tissues: " + l);
        }
    }

    @Test
    @Order(3)
    void reportHasTheTablesAndMarksBests() throws IOException {
        String md = Files.readString(out.resolve("report.md"));
        for (String s :
                List.of(
                        "Teacher (paper Table 3)",
                        "Students by magnification (paper Table 4)",
                        "Accuracy versus cost (paper Figure 3)",
                        "Resize ablation",
                        "SYNTHETIC",
                        "Exact accuracy (fraction correct)",
                        "Accuracy (macro one-vs-rest)",
                        "KD (aux)",
                        "![",
                        "accuracy_vs_gflops.png",
                        "Paired comparisons",
                        "| KD (aux) − KD ",
                        "| KD (aux) − Baseline ",
                        "| KD (aux) − Teacher (4x) ",
                        "arm A's run minus arm B's run")) {
            assertTrue(md.contains(s), s + " missing in\n" + md);
        }
        assertTrue(!md.contains("±") && !md.contains("seeds"), "one seed: no spreads\n" + md);
        assertEquals(7, Files.readAllLines(out.resolve("paired.csv")).size(), "6 comparisons");
        assertTrue(
                md.matches("(?s).*\\| \\*\\*[0-9]+\\.[0-9]{2} \\([0-9.]+-[0-9.]+\\)\\*\\* .*"), md);
        String html = Files.readString(out.resolve("report.html"));
        assertTrue(html.contains("<b>"), "bold bests in HTML");
        assertTrue(html.contains("data:image/png;base64,"), "embedded charts");
        assertTrue(md.startsWith("# LowMag experiment 'exp' on SYNTHETIC data\n"), md);
        assertTrue(!md.contains(tmp.toAbsolutePath().normalize().toString()), "absolute path");
        for (String s :
                List.of(
                        "chosen by a fixed rule",
                        "## Confusion matrices and per-class metrics",
                        "| True / predicted ",
                        "Degenerate (a class never predicted, or one always)",
                        "then 5 timed passes, and reports their median")) {
            assertTrue(md.contains(s), s + " missing in\n" + md);
        }
        assertTrue(
                md.matches(
                        "(?s).*\\| teacher +\\| train, 1 epoch +\\| +4x +\\| finished +\\| 1 / 1 +\\|"
                                + " +1 +\\| +12 +\\| +3 +\\| yes +\\|.*"),
                "teacher: 1 of 1 epochs, best 1, 12 tissues, ceil(12 / 4) = 3 steps\n" + md);
    }

    /** Evaluation times 5 passes after the untimed prediction pass and reports their median. */
    @Test
    @Order(3)
    void evaluationTimesRepeatedPasses() throws IOException {
        JsonObject m = Json.readTree(out.resolve("eval/kd-1x/metrics.json")).getAsJsonObject();
        JsonObject t = m.getAsJsonObject("timing");
        assertEquals(1, t.get("warmup_passes").getAsInt());
        assertEquals(EvaluateJob.TIMED_PASSES, t.get("timed_passes").getAsInt());
        assertEquals(5, t.getAsJsonArray("pass_seconds").size());
        double[] s = new double[5];
        for (int i = 0; i < 5; i++) {
            s[i] = t.getAsJsonArray("pass_seconds").get(i).getAsDouble();
        }
        java.util.Arrays.sort(s);
        assertEquals(s[2] / 6, m.get("seconds_per_tissue").getAsDouble(), 1e-12, "median / 6");
    }

    @Test
    @Order(4)
    void secondRunSkipsEverythingAndTouchesNoRunFolder() throws IOException {
        Map<String, FileTime> before = stamps(out.resolve("runs"), out.resolve("eval"));
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        ExperimentRunner.Summary again =
                new ExperimentRunner(
                                ConfigReader.read(configFile),
                                out,
                                new PrintStream(log, true, StandardCharsets.UTF_8))
                        .run(configFile);
        assertEquals(new ExperimentRunner.Summary(0, 0, 5, 0), again);
        assertEquals(before, stamps(out.resolve("runs"), out.resolve("eval")));
        assertTrue(log.toString(StandardCharsets.UTF_8).contains("teacher: finished, skipped"));
    }

    /**
     * ablation-none-1x loses its DONE and evaluation (killed after its last checkpoint): resumed;
     * baseline-1x keeps only config.json and log.txt (killed before its first checkpoint):
     * restarted. Nothing else is touched.
     */
    @Test
    @Order(5)
    void interruptedRunsResumeOrRestart() throws IOException {
        Path resumed = out.resolve("runs/ablation-none-1x");
        Files.delete(resumed.resolve("DONE"));
        Files.delete(out.resolve("eval/ablation-none-1x/metrics.json"));
        Path restarted = out.resolve("runs/baseline-1x");
        try (Stream<Path> s = Files.walk(restarted)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                String name = p.getFileName().toString();
                if (!p.equals(restarted)
                        && !name.equals("config.json")
                        && !name.equals("log.txt")) {
                    Files.delete(p);
                }
            }
        }
        assertEquals(RunStatus.RESUMABLE, RunStatus.of(resumed));
        assertEquals(RunStatus.STARTED, RunStatus.of(restarted));
        FileTime teacherDone = Files.getLastModifiedTime(out.resolve("runs/teacher/DONE"));
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        ExperimentRunner.Summary s =
                new ExperimentRunner(
                                ConfigReader.read(configFile),
                                out,
                                new PrintStream(log, true, StandardCharsets.UTF_8))
                        .run(configFile);
        assertEquals(new ExperimentRunner.Summary(1, 1, 3, 2), s, log.toString());
        assertEquals(RunStatus.FINISHED, RunStatus.of(resumed));
        assertEquals(RunStatus.FINISHED, RunStatus.of(restarted));
        assertTrue(Files.isRegularFile(out.resolve("eval/ablation-none-1x/metrics.json")));
        assertTrue(Files.readString(restarted.resolve("log.txt")).contains("restarting"));
        assertEquals(teacherDone, Files.getLastModifiedTime(out.resolve("runs/teacher/DONE")));
    }

    /**
     * The same experiment with bootstrap_unit: group: every run is finished, but every metrics.json
     * was made with the tissue unit, so all five are re-evaluated and record the unit and the 6
     * singleton groups of the test split; the report says so. A third run reuses them.
     */
    @Test
    @Order(6)
    void anotherBootstrapUnitReEvaluates() throws IOException {
        Path groupConfig = tmp.resolve("tiny-group.yaml");
        Files.writeString(groupConfig, Files.readString(configFile) + "bootstrap_unit: group\n");
        Path teacherDone = out.resolve("runs/teacher/DONE");
        FileTime done = Files.getLastModifiedTime(teacherDone);
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        ExperimentRunner runner =
                new ExperimentRunner(
                        ConfigReader.read(groupConfig),
                        out,
                        new PrintStream(log, true, StandardCharsets.UTF_8));
        ExperimentRunner.Summary s = runner.run(groupConfig);
        String text = log.toString(StandardCharsets.UTF_8);
        assertEquals(new ExperimentRunner.Summary(0, 0, 5, 5), s, text);
        assertTrue(
                text.contains(
                        "teacher: evaluating on the test split (its metrics.json has bootstrap"
                                + " unit tissue instead of group)"),
                text);
        assertEquals(done, Files.getLastModifiedTime(teacherDone), "runs are not redone");
        JsonObject boot =
                Json.readTree(out.resolve("eval/kd-1x/metrics.json"))
                        .getAsJsonObject()
                        .getAsJsonObject("bootstrap");
        assertEquals("group", boot.get("unit").getAsString());
        assertEquals(6, boot.get("groups").getAsInt());
        String md = Files.readString(out.resolve("report.md"));
        assertTrue(md.contains("200 resamples of the test split's 6 groups"), md);
        assertTrue(md.contains("5 of 5 runs finished, 5 evaluated"), md);
        JsonObject exp = Json.readTree(out.resolve("experiment.json")).getAsJsonObject();
        assertEquals("group", exp.getAsJsonObject("config").get("bootstrap_unit").getAsString());
        assertEquals(new ExperimentRunner.Summary(0, 0, 5, 0), runner.run(groupConfig));
    }

    /**
     * The report with the tissue unit (--report-only) leaves out the group evaluations: they are
     * "outdated" in the runs table, not shown as tissue-level results.
     */
    @Test
    @Order(7)
    void theReportLeavesOutOtherBootstraps() throws IOException {
        new ExperimentRunner(
                        ConfigReader.read(configFile),
                        out,
                        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))
                .reportOnly();
        String md = Files.readString(out.resolve("report.md"));
        assertTrue(md.contains("5 of 5 runs finished, 0 evaluated"), md);
        assertTrue(md.contains("200 resamples of the test tissues"), md);
        assertTrue(md.contains("| outdated "), md);
        assertTrue(md.contains("The teacher is not evaluated yet."), md);
    }

    /** lowmag evaluate with the group unit refuses a dataset whose test tissues have no group. */
    @Test
    @Order(8)
    void theGroupUnitNeedsGroups() throws IOException {
        Path ds = TinyDataset.write(tmp.resolve("no-groups"), List.of(4.0, 1.0));
        Path manifest = ds.resolve("manifest.csv");
        List<TissueRecord> ungrouped =
                ManifestCsv.read(manifest).stream()
                        .map(
                                t ->
                                        new TissueRecord(
                                                t.id(),
                                                t.source(),
                                                t.split().equals("test") ? "" : t.group(),
                                                t.label(),
                                                t.split(),
                                                t.images()))
                        .toList();
        ManifestCsv.write(manifest, ungrouped, List.of(4.0, 1.0));
        BootstrapConfig group = new BootstrapConfig(50, 0.95, 0, BootstrapConfig.Unit.GROUP);
        LowMagException e =
                assertThrows(
                        LowMagException.class,
                        () ->
                                EvaluateJob.run(
                                        new EvaluateJob.Config(
                                                out.resolve("runs/teacher"),
                                                ds,
                                                "test",
                                                tmp.resolve("eval-no-groups"),
                                                group,
                                                1L << 20)));
        assertTrue(e.getMessage().contains("of dataset " + ds), e.getMessage());
        assertTrue(e.getMessage().contains("use --bootstrap-unit tissue"), e.getMessage());
        Map<String, Object> m =
                EvaluateJob.run(
                        new EvaluateJob.Config(
                                out.resolve("runs/teacher"),
                                ds,
                                "test",
                                tmp.resolve("eval-tissue"),
                                group.withUnit(BootstrapConfig.Unit.TISSUE),
                                1L << 20));
        assertEquals(6, m.get("tissues"));
    }

    private static Map<String, FileTime> stamps(Path... dirs) throws IOException {
        Map<String, FileTime> m = new TreeMap<>();
        for (Path d : dirs) {
            try (Stream<Path> s = Files.walk(d)) {
                for (Path p : s.toList()) {
                    m.put(out.relativize(p).toString(), Files.getLastModifiedTime(p));
                }
            }
        }
        return m;
    }
}
