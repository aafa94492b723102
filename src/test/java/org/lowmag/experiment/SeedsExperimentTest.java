package org.lowmag.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.lowmag.util.Json;
import org.lowmag.util.LowMagException;

/**
 * A two-seed experiment on the tiny dataset (teacher, baseline and KD at 1x, one epoch each, group
 * bootstrap): every run exists per seed with its own teacher and loop seed, the report shows means
 * over seeds and the paired comparison table, the CSVs hold runs, summaries and comparisons, a
 * second invocation skips everything, and runs evaluated on other tissues are refused by name.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SeedsExperimentTest {

    @TempDir static Path tmp;

    static Path configFile;
    static Path out;
    static ExperimentRunner.Summary first;
    static String log;

    @BeforeAll
    static void runOnce() throws IOException {
        TinyDataset.write(tmp.resolve("tiny-ds"), List.of(4.0, 1.0));
        configFile = tmp.resolve("seeds.yaml");
        Files.writeString(
                configFile,
                """
                dataset: tiny-ds
                teacher_mag: 4
                student_mags: [1]
                arms: [baseline, kd]
                epochs: 1
                accumulate: 4
                seeds: [0, 1]
                bootstrap: 200
                bootstrap_unit: group
                """);
        out = tmp.resolve("exp");
        first = runner().run(configFile);
    }

    private static ExperimentRunner runner() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ExperimentRunner r =
                new ExperimentRunner(
                        ConfigReader.read(configFile),
                        out,
                        new PrintStream(bytes, true, StandardCharsets.UTF_8) {
                            @Override
                            public void flush() {
                                super.flush();
                                log = bytes.toString(StandardCharsets.UTF_8);
                            }
                        });
        return r;
    }

    @Test
    @Order(1)
    void everyRunExistsPerSeedWithItsOwnTeacherAndSeed() throws IOException {
        assertEquals(new ExperimentRunner.Summary(6, 0, 0, 6), first, log);
        assertTrue(log.contains("[experiment 6/6] kd-1x-seed1"), log);
        for (String r :
                List.of(
                        "teacher-seed0",
                        "baseline-1x-seed0",
                        "kd-1x-seed0",
                        "teacher-seed1",
                        "baseline-1x-seed1",
                        "kd-1x-seed1")) {
            assertTrue(Files.isRegularFile(out.resolve("runs/" + r + "/DONE")), r);
            assertTrue(Files.isRegularFile(out.resolve("eval/" + r + "/predictions.csv")), r);
        }
        JsonObject kd1 =
                Json.readTree(out.resolve("runs/kd-1x-seed1/config.json")).getAsJsonObject();
        assertTrue(kd1.get("teacher").getAsString().endsWith("teacher-seed1"), kd1.toString());
        assertEquals(1, kd1.getAsJsonObject("loop").get("seed").getAsInt());
        JsonObject b0 =
                Json.readTree(out.resolve("runs/baseline-1x-seed0/config.json")).getAsJsonObject();
        assertEquals(0, b0.getAsJsonObject("loop").get("seed").getAsInt());
        JsonObject boot =
                Json.readTree(out.resolve("eval/kd-1x-seed1/metrics.json"))
                        .getAsJsonObject()
                        .getAsJsonObject("bootstrap");
        assertEquals(0, boot.get("seed").getAsInt(), "the bootstrap uses the first seed");
    }

    @Test
    @Order(2)
    void theReportShowsMeansOverSeedsAndThePairedTable() throws IOException {
        String md = Files.readString(out.resolve("report.md"));
        for (String s :
                List.of(
                        "Every run is repeated with seeds 0, 1",
                        "Paired comparisons",
                        "| KD − Baseline ",
                        "KD − Teacher (4x)",
                        "Baseline − Teacher (4x)",
                        "Exact accuracy difference, pp (95% CI)",
                        "resamples of the test split's 6 groups",
                        "kd-1x (2 seeds)",
                        "KD at 1x (the sum over 2 evaluated seeds of kd-1x, 12 test tissues).",
                        "points: means over seeds")) {
            assertTrue(md.contains(s), s + " missing in\n" + md);
        }
        assertTrue(
                md.matches(
                        "(?s).*\\| \\*\\*[0-9]+\\.[0-9]{2} ± [0-9]+\\.[0-9]{2} \\([0-9.]+,"
                                + " [0-9.]+\\)\\*\\* .*"),
                "bold mean ± sd (seed values):\n" + md);
        assertTrue(
                md.matches(
                        "(?s).*\\| [+-][0-9]+\\.[0-9]{2} \\([+-][0-9.]+, [+-][0-9.]+\\) .*"
                                + "\\| (KD above the baseline|KD below the baseline|CI includes"
                                + " 0) .*"),
                md);
        assertTrue(Files.isRegularFile(out.resolve("accuracy_vs_gflops.png")));
    }

    @Test
    @Order(3)
    void theCsvsHoldRunsSummariesAndComparisons() throws IOException {
        List<String> lines = Files.readAllLines(out.resolve("results.csv"));
        assertTrue(
                lines.get(0).endsWith(",seconds_per_tissue,seed,statistic,degenerate"),
                lines.get(0));
        List<String> keys =
                lines.stream()
                        .skip(1)
                        .map(l -> l.split(",", -1))
                        .map(c -> c[2] + "/" + c[c.length - 3] + "/" + c[c.length - 2])
                        .toList();
        assertEquals(
                List.of(
                        "teacher-seed0/0/value",
                        "teacher-seed1/1/value",
                        "teacher//mean",
                        "teacher//sd",
                        "teacher//min",
                        "teacher//max"),
                keys.subList(0, 6));
        assertEquals(18, keys.size(), "3 cells x (2 runs + 4 summaries)");
        for (String l : lines) {
            assertEquals(ResultsCsv.header().size(), l.split(",", -1).length, l);
        }
        List<String> paired = Files.readAllLines(out.resolve("paired.csv"));
        assertTrue(paired.get(0).startsWith("magnification,comparison,arm_a,arm_b,runs_a"));
        assertEquals(4, paired.size(), "KD - Baseline, Baseline and KD - Teacher: " + paired);
        assertTrue(
                paired.get(1).startsWith("1,KD - Baseline,KD,Baseline,kd-1x-seed0;kd-1x-seed1,"),
                paired.get(1));
        assertTrue(paired.get(1).contains(",6,6,"), "6 tissues in 6 groups: " + paired.get(1));
    }

    @Test
    @Order(4)
    void aSecondRunSkipsEverything() throws IOException {
        assertEquals(new ExperimentRunner.Summary(0, 0, 6, 0), runner().run(configFile), log);
    }

    /** A run whose predictions lack a tissue cannot be paired: both runs are named. */
    @Test
    @Order(5)
    void runsOnOtherTissuesAreRefusedByName() throws IOException {
        Path p = out.resolve("eval/baseline-1x-seed1/predictions.csv");
        List<String> rows = Files.readAllLines(p);
        Files.write(p, rows.subList(0, rows.size() - 1));
        LowMagException e = assertThrows(LowMagException.class, () -> runner().reportOnly());
        assertTrue(
                e.getMessage()
                        .contains(
                                "runs kd-1x-seed0 and baseline-1x-seed1 were evaluated on"
                                        + " different test tissues (6 and 5; 1 only in"
                                        + " kd-1x-seed0 (t23)"),
                e.getMessage());
        assertTrue(e.getMessage().contains("cannot compare KD with Baseline"), e.getMessage());
    }
}
