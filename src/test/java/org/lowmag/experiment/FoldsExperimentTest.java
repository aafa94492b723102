package org.lowmag.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.lowmag.dataset.Dataset;
import org.lowmag.dataset.TissueRecord;
import org.lowmag.util.Json;
import org.lowmag.util.LowMagException;

/**
 * A two-fold experiment on the tiny dataset (teacher, baseline and KD at 1x, one epoch each, group
 * bootstrap): every run exists per fold on its fold's view of the dataset, each cell's evaluation
 * pools the out-of-fold predictions so that every labelled tissue is predicted exactly once by a
 * model that did not train on it, the report says so and shows the folds' own values, a second
 * invocation skips everything, and other folds or a changed fold view are refused.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FoldsExperimentTest {

    @TempDir static Path tmp;

    static Path configFile;
    static Path out;
    static ExperimentRunner.Summary first;
    static String log;

    static final String CONFIG =
            """
            dataset: tiny-ds
            teacher_mag: 4
            student_mags: [1]
            arms: [baseline, kd]
            epochs: 1
            accumulate: 4
            seed: 3
            folds: %d
            bootstrap: 200
            bootstrap_unit: group
            """;

    @BeforeAll
    static void runOnce() throws IOException {
        TinyDataset.write(tmp.resolve("tiny-ds"), List.of(4.0, 1.0));
        configFile = tmp.resolve("folds.yaml");
        Files.writeString(configFile, CONFIG.formatted(2));
        out = tmp.resolve("exp");
        first = runner().run(configFile);
    }

    private static ExperimentRunner runner() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        return new ExperimentRunner(
                ConfigReader.read(configFile),
                out,
                new PrintStream(bytes, true, StandardCharsets.UTF_8) {
                    @Override
                    public void flush() {
                        super.flush();
                        log = bytes.toString(StandardCharsets.UTF_8);
                    }
                });
    }

    /** The 24 labelled tissues of the tiny dataset (train, val and test; not the unlabelled). */
    private static Set<String> labelledIds() {
        Set<String> ids = new HashSet<>();
        for (TissueRecord t : Dataset.open(tmp.resolve("tiny-ds")).tissues()) {
            if (t.labelled()) {
                ids.add(t.id());
            }
        }
        return ids;
    }

    private static List<String> column(Path csv, String name) throws IOException {
        List<String> lines = Files.readAllLines(csv);
        int c = List.of(lines.get(0).split(",")).indexOf(name);
        List<String> out = new ArrayList<>();
        lines.stream().skip(1).forEach(l -> out.add(l.split(",")[c]));
        return out;
    }

    @Test
    @Order(1)
    void everyRunExistsPerFoldOnItsFoldsView() throws IOException {
        assertEquals(new ExperimentRunner.Summary(6, 0, 0, 6), first, log);
        assertTrue(log.contains("[experiment 6/6] kd-1x-fold1"), log);
        assertTrue(log.contains("kd-1x: pooled the out-of-fold predictions of 2 folds"), log);
        for (int k = 0; k < 2; k++) {
            for (String base : List.of("teacher", "baseline-1x", "kd-1x")) {
                String r = base + "-fold" + k;
                assertTrue(Files.isRegularFile(out.resolve("runs/" + r + "/DONE")), r);
                JsonObject c =
                        Json.readTree(out.resolve("runs/" + r + "/config.json")).getAsJsonObject();
                assertTrue(c.get("data").getAsString().endsWith("folds/fold" + k), c.toString());
            }
            JsonObject kd =
                    Json.readTree(out.resolve("runs/kd-1x-fold" + k + "/config.json"))
                            .getAsJsonObject();
            assertTrue(kd.get("teacher").getAsString().endsWith("teacher-fold" + k));
            // The fold's test predictions are its test split: the fold view's test tissues.
            Dataset view = Dataset.open(out.resolve("folds/fold" + k));
            Set<String> test = new HashSet<>();
            view.split("test").forEach(t -> test.add(t.id()));
            assertEquals(
                    test,
                    new HashSet<>(
                            column(
                                    out.resolve("eval/kd-1x-fold" + k + "/predictions.csv"),
                                    "tissue")));
            // Its images are the original ones, not copies.
            TissueRecord t0 = view.tissues().get(0);
            assertTrue(Path.of(t0.image(1.0).orElseThrow().path()).isAbsolute());
            assertTrue(Files.isRegularFile(view.imagePath(t0, 1.0)));
            assertTrue(view.imagePath(t0, 1.0).startsWith(tmp.resolve("tiny-ds")));
        }
        assertFalse(Files.exists(out.resolve("folds/fold0/tissues")), "no images copied");
        JsonObject exp = Json.readTree(out.resolve("experiment.json")).getAsJsonObject();
        assertEquals(2, exp.getAsJsonObject("config").get("folds").getAsInt());
        assertFalse(Files.exists(out.resolve("runs/kd-1x")), "no run without a fold");
    }

    @Test
    @Order(2)
    void thePooledEvaluationPredictsEveryLabelledTissueExactlyOnce() throws IOException {
        Set<String> labelled = labelledIds();
        assertEquals(24, labelled.size());
        for (String cell : List.of("teacher", "baseline-1x", "kd-1x")) {
            List<String> ids = column(out.resolve("eval/" + cell + "/predictions.csv"), "tissue");
            assertEquals(24, ids.size(), cell);
            assertEquals(labelled, new HashSet<>(ids), cell);
            JsonObject m =
                    Json.readTree(out.resolve("eval/" + cell + "/metrics.json")).getAsJsonObject();
            assertEquals(24, m.get("tissues").getAsInt());
            assertEquals("out-of-fold", m.get("split").getAsString());
            assertEquals(24, m.getAsJsonObject("bootstrap").get("groups").getAsInt());
            // No fold run predicts a tissue it trained or validated on.
            for (int k = 0; k < 2; k++) {
                Dataset view = Dataset.open(out.resolve("folds/fold" + k));
                Set<String> seen = new HashSet<>();
                view.split("train", "val").forEach(t -> seen.add(t.id()));
                for (String id :
                        column(
                                out.resolve("eval/" + cell + "-fold" + k + "/predictions.csv"),
                                "tissue")) {
                    assertFalse(seen.contains(id), cell + " fold " + k + " saw " + id);
                }
            }
        }
        // The pooled confusion matrix sums the folds' ones.
        JsonObject pooled = Json.readTree(out.resolve("eval/kd-1x/metrics.json")).getAsJsonObject();
        int[] sum = new int[1];
        pooled.getAsJsonObject("confusion")
                .getAsJsonArray("matrix")
                .forEach(row -> row.getAsJsonArray().forEach(v -> sum[0] += v.getAsInt()));
        assertEquals(24, sum[0]);
    }

    @Test
    @Order(3)
    void theReportExplainsTheFoldsAndShowsEachFoldsValues() throws IOException {
        String md = Files.readString(out.resolve("report.md"));
        for (String s :
                List.of(
                        "K-fold cross-validation (2 folds by patient): each tissue predicted by"
                                + " the model that did not see it",
                        "assigned to 2 folds, stratified by class, with seed 3",
                        "Fold exact accuracy",
                        "| kd-1x-fold1 ",
                        "evaluated on their pooled out-of-fold predictions",
                        "With folds these splits are not used as they are",
                        "resamples of all folds' test tissues: the 24 groups",
                        "| KD − Baseline ")) {
            assertTrue(md.contains(s), s + " missing in\n" + md);
        }
        List<String> results = Files.readAllLines(out.resolve("results.csv"));
        assertTrue(results.stream().anyMatch(l -> l.contains(",kd-1x,")), results.toString());
        List<String> paired = Files.readAllLines(out.resolve("paired.csv"));
        assertTrue(paired.get(1).contains(",24,24,"), "24 tissues in 24 groups: " + paired.get(1));
    }

    @Test
    @Order(4)
    void aSecondRunSkipsEverythingAndDoesNotPoolAgain() throws IOException {
        Path metrics = out.resolve("eval/kd-1x/metrics.json");
        long before = Files.getLastModifiedTime(metrics).toMillis();
        assertEquals(new ExperimentRunner.Summary(0, 0, 6, 0), runner().run(configFile), log);
        assertFalse(log.contains("pooled"), log);
        assertEquals(before, Files.getLastModifiedTime(metrics).toMillis());
    }

    @Test
    @Order(5)
    void otherFoldsAreRefusedByTheirKey() throws IOException {
        Files.writeString(configFile, CONFIG.formatted(3));
        try {
            LowMagException e = assertThrows(LowMagException.class, () -> runner().run(configFile));
            assertTrue(e.getMessage().startsWith("folds: "), e.getMessage());
            assertTrue(e.getMessage().contains("records folds: 2"), e.getMessage());
        } finally {
            Files.writeString(configFile, CONFIG.formatted(2));
        }
    }

    @Test
    @Order(6)
    void aChangedFoldViewIsRefused() throws IOException {
        Path manifest = out.resolve("folds/fold1/manifest.csv");
        String saved = Files.readString(manifest);
        Files.writeString(manifest, saved.replaceFirst(",test,", ",train,"));
        try {
            LowMagException e = assertThrows(LowMagException.class, () -> runner().run(configFile));
            assertTrue(e.getMessage().contains("holds another fold 1"), e.getMessage());
        } finally {
            Files.writeString(manifest, saved);
        }
    }

    @Test
    @Order(7)
    void tooManyFoldsForTheDatasetIsAClearError() throws IOException {
        Path cfg = tmp.resolve("many.yaml");
        Files.writeString(cfg, CONFIG.formatted(100));
        LowMagException e =
                assertThrows(
                        LowMagException.class,
                        () ->
                                new ExperimentRunner(
                                                ConfigReader.read(cfg),
                                                tmp.resolve("many"),
                                                new PrintStream(new ByteArrayOutputStream()))
                                        .run(cfg));
        assertTrue(e.getMessage().startsWith("folds: 100 folds need more groups"), e.getMessage());
        assertTrue(e.getMessage().contains("has 8 labelled groups"), e.getMessage());
        assertTrue(e.getMessage().contains("use at most 8 folds"), e.getMessage());
    }

    /** Distilling on the main dataset itself would show each fold its own test tissues. */
    @Test
    @Order(8)
    void theMainDatasetAsAnAuxiliarySetIsRefused() throws IOException {
        Path cfg = tmp.resolve("self.yaml");
        Files.writeString(
                cfg,
                CONFIG.formatted(2).replace("arms: [baseline, kd]", "arms: [baseline, kd, kd+aux]")
                        + "auxiliary: {self: {splits: [unlabeled], datasets: [tiny-ds]}}\n");
        LowMagException e =
                assertThrows(
                        LowMagException.class,
                        () ->
                                new ExperimentRunner(
                                                ConfigReader.read(cfg),
                                                tmp.resolve("self"),
                                                new PrintStream(new ByteArrayOutputStream()))
                                        .run(cfg));
        assertTrue(
                e.getMessage().startsWith("auxiliary.self.datasets: ")
                        && e.getMessage().contains("is the main dataset; with folds"),
                e.getMessage());
    }

    /**
     * Seeds and folds together: every run per seed and fold, each seed's cell pooled over its
     * folds, all seeds on the same folds (seeded with the first seed), paired over the seeds.
     */
    @Test
    @Order(9)
    void seedsAndFoldsTogether() throws IOException {
        Path cfg = tmp.resolve("seeds-folds.yaml");
        Files.writeString(
                cfg,
                CONFIG.formatted(2)
                        .replace("arms: [baseline, kd]", "arms: [baseline]")
                        .replace("seed: 3", "seeds: [5, 6]"));
        Path dir = tmp.resolve("seeds-folds");
        ExperimentRunner.Summary s =
                new ExperimentRunner(
                                ConfigReader.read(cfg),
                                dir,
                                new PrintStream(new ByteArrayOutputStream()))
                        .run(cfg);
        assertEquals(new ExperimentRunner.Summary(8, 0, 0, 8), s);
        JsonObject b =
                Json.readTree(dir.resolve("runs/baseline-1x-seed6-fold1/config.json"))
                        .getAsJsonObject();
        assertEquals(6, b.getAsJsonObject("loop").get("seed").getAsInt());
        assertTrue(b.get("data").getAsString().endsWith("folds/fold1"));
        assertEquals(
                5,
                Json.readTree(dir.resolve("folds/folds.json"))
                        .getAsJsonObject()
                        .get("seed")
                        .getAsInt(),
                "one fold assignment for all seeds, from the first");
        for (String cell : List.of("teacher-seed5", "teacher-seed6", "baseline-1x-seed6")) {
            List<String> ids = column(dir.resolve("eval/" + cell + "/predictions.csv"), "tissue");
            assertEquals(labelledIds(), new HashSet<>(ids), cell);
            assertEquals(24, ids.size(), cell);
        }
        List<String> paired = Files.readAllLines(dir.resolve("paired.csv"));
        assertTrue(
                paired.get(1)
                        .contains(
                                "baseline-1x-seed5;baseline-1x-seed6,teacher-seed5;teacher-seed6,"),
                paired.get(1));
        String md = Files.readString(dir.resolve("report.md"));
        assertTrue(md.contains("Every run is repeated with seeds 5, 6"), md);
        assertTrue(md.contains("| baseline-1x-seed6-fold1 "), md);
    }
}
