package org.lowmag.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lowmag.dataset.InputPadding;
import org.lowmag.dataset.PadTarget;
import org.lowmag.distill.ResizeMode;
import org.lowmag.eval.BootstrapConfig;
import org.lowmag.model.WeightInit;
import org.lowmag.train.ModelSetup;

/** Reading experiment files: the documented example, JSON, defaults and every kind of bad value. */
class ConfigReaderTest {

    private static final String GOOD =
            """
            dataset: ds
            teacher_mag: 10
            student_mags: [2.5, 1.25]
            arms: [baseline, kd, kd+aux, finetune]
            auxiliary:
              aux: {splits: [unlabeled]}
            epochs: {teacher: 15, baseline: 15, kd: 15, kd+aux: 15, finetune: 5}
            """;

    private static ExperimentConfig parse(String yaml) {
        return ConfigReader.parse(yaml, Path.of("/base"), false);
    }

    private static String error(String yaml) {
        return assertThrows(IllegalArgumentException.class, () -> parse(yaml)).getMessage();
    }

    @Test
    void theDocumentedExampleParses() throws IOException {
        ExperimentConfig c = ConfigReader.read(Path.of("examples/experiment-lc25000.yaml"));
        assertEquals(10.0, c.teacherMag());
        assertEquals(List.of(2.5, 1.25), c.studentMags());
        assertEquals(List.of("baseline", "kd", "kd+aux"), c.arms());
        assertEquals(List.of("train", "val"), c.kdSplits());
        assertEquals(List.of(new AuxSet("aux", List.of("unlabeled"), List.of())), c.auxiliary());
        assertEquals(List.of(2.5), c.ablation().mags());
        assertEquals(4, c.ablation().resize().size());
        assertEquals(15, c.ablation().epochs(), "ablation epochs default to kd's");
        assertEquals(5, c.epochsOf("finetune"));
        assertEquals(32, c.accumulate());
        assertEquals(10_000, c.bootstrap());
        assertEquals(BootstrapConfig.Unit.GROUP, c.bootstrapUnit(), "LC25000: near-duplicates");
        assertEquals(
                new BootstrapConfig(10_000, 0.95, 0, BootstrapConfig.Unit.GROUP),
                c.bootstrapConfig());
        assertEquals("group", c.toMap().get("bootstrap_unit"));
    }

    @Test
    void defaultsAndRelativePaths() {
        ExperimentConfig c =
                parse("dataset: ds\nteacher_mag: 10x\nstudent_mags: 2.5x\nepochs: 3\n");
        assertEquals(Path.of("/base/ds"), c.dataset());
        assertEquals(List.of(2.5), c.studentMags());
        assertEquals(List.of("baseline", "kd"), c.arms());
        assertEquals("paper", c.arch());
        assertEquals(3, c.epochsOf("teacher"));
        assertEquals(1e-3, c.learningRate());
        assertEquals(1.0, c.temperature());
        assertEquals(3, c.loop(3, 0).epochs());
        assertEquals(1e-4, c.loop(3, 0).weightDecay(), "other loop settings: the paper's");
        assertEquals(BootstrapConfig.Unit.TISSUE, c.bootstrapUnit());
        assertEquals("tissue", c.toMap().get("bootstrap_unit"));
    }

    @Test
    void jsonWorksToo(@TempDir Path tmp) throws IOException {
        Path f = tmp.resolve("e.json");
        Files.writeString(
                f,
                "{\"dataset\": \"/d\", \"teacher_mag\": 10, \"student_mags\": [5],"
                        + " \"ablation\": {\"mags\": [5], \"resize\": [\"none\"]},"
                        + " \"epochs\": 2, \"bootstrap\": 200, \"bootstrap_unit\": \"Group\"}");
        ExperimentConfig c = ConfigReader.read(f);
        assertEquals(List.of(ResizeMode.NONE), c.ablation().resize());
        assertEquals(200, c.bootstrap());
        assertEquals(BootstrapConfig.Unit.GROUP, c.bootstrapUnit());
        assertEquals(Path.of("/d"), c.dataset());
    }

    @Test
    void seedsOrOneSeed() {
        ExperimentConfig none = parse(GOOD);
        assertEquals(List.of(0L), none.seeds());
        assertEquals(0L, none.toMap().get("seed"), "one seed: recorded as before");
        ExperimentConfig one = parse(GOOD + "seed: 7\n");
        assertEquals(List.of(7L), one.seeds());
        assertEquals(7, one.bootstrapConfig().seed());
        assertEquals(7, one.loop(3, 7).seed());
        ExperimentConfig three = parse(GOOD + "seeds: [3, 1, 2]\n");
        assertEquals(List.of(3L, 1L, 2L), three.seeds());
        assertTrue(three.severalSeeds());
        assertEquals(3, three.bootstrapConfig().seed(), "the bootstrap uses the first seed");
        assertEquals(List.of(3L, 1L, 2L), three.toMap().get("seeds"));
        assertTrue(!three.toMap().containsKey("seed"));
        assertEquals(List.of(4L), parse(GOOD + "seeds: 4\n").seeds(), "a single value");
        String m = error(GOOD + "seed: 0\nseeds: [0, 1]\n");
        assertTrue(m.contains("seed and seeds: give one of them"), m);
        assertTrue(error(GOOD + "seeds: []\n").contains("seeds: list at least one seed"));
        assertTrue(error(GOOD + "seeds: [1, 2, 1]\n").contains("seeds: [1, 2, 1] lists a seed"));
        assertTrue(error(GOOD + "seeds: [1, x]\n").contains("seeds: 'x' is not a number"));
        assertTrue(error(GOOD + "seeds: [1.5]\n").contains("seeds: '1.5' is not a whole"));
    }

    @Test
    void foldsAreRecordedOnlyWhenGivenAndMustBeAtLeastTwo() {
        ExperimentConfig none = parse(GOOD);
        assertEquals(ExperimentConfig.NO_FOLDS, none.folds());
        assertTrue(!none.hasFolds());
        assertTrue(!none.toMap().containsKey("folds"), "no folds: recorded as before");
        ExperimentConfig five = parse(GOOD + "folds: 5\n");
        assertEquals(5, five.folds());
        assertEquals(5, five.toMap().get("folds"));
        for (String bad : List.of("1", "0", "-3")) {
            String m = error(GOOD + "folds: " + bad + "\n");
            assertTrue(m.startsWith("folds: must be at least 2"), m);
            assertTrue(m.endsWith("got " + bad), m);
        }
        assertTrue(error(GOOD + "folds: five\n").contains("folds: 'five' is not a number"));
    }

    @Test
    void withFoldsNothingDistilsOnTheTestSplit() {
        String m = error(GOOD + "folds: 3\nkd_splits: [train, val, test]\n");
        assertTrue(m.startsWith("kd_splits: 'test' cannot be distilled on with folds"), m);
        m = error(GOOD.replace("[unlabeled]", "[unlabeled, test]") + "folds: 3\n");
        assertTrue(m.startsWith("auxiliary.aux.splits: 'test' cannot be distilled on"), m);
        assertEquals(
                List.of("train", "val", "test"),
                parse(GOOD + "kd_splits: [train, val, test]\n").kdSplits(),
                "without folds the choice is the user's");
    }

    @Test
    void initialisationAndPadding() {
        ExperimentConfig d = parse(GOOD);
        assertEquals(ModelSetup.DEFAULT, d.setup());
        assertEquals("multiple", d.toMap().get("pad_to"));
        ExperimentConfig c = parse(GOOD + "init: torch\npadding: none\npad_to: stride\n");
        assertEquals(
                new ModelSetup(WeightInit.TORCH, InputPadding.NONE, PadTarget.STRIDE), c.setup());
        assertEquals("none", c.toMap().get("padding"));
        String m = error(GOOD + "padding: zero\n");
        assertTrue(m.contains("padding: padding 'zero' is not one of none, white"), m);
        assertTrue(error(GOOD + "pad_to: all\n").contains("pad_to: "));
    }

    @Test
    void unknownKeysAreNamedWithTheirPath() {
        assertTrue(error(GOOD + "epoch: 3\n").contains("epoch: unknown key"));
        assertTrue(
                error(GOOD + "ablation: {mags: [2.5], resise: [none]}\n")
                        .contains("ablation.resise: unknown key"));
        assertTrue(
                error(GOOD.replace("{splits: [unlabeled]}", "{split: [unlabeled]}"))
                        .contains("auxiliary.aux.split: unknown key"));
        assertTrue(
                error(GOOD.replace("finetune: 5", "fintune: 5"))
                        .contains("epochs.fintune: unknown key"));
    }

    @Test
    void badArmsAreRefused() {
        assertTrue(error(GOOD.replace("finetune]", "kd+adv]")).contains("unknown arm 'kd+adv'"));
        assertTrue(
                error(GOOD.replace("auxiliary:\n  aux: {splits: [unlabeled]}\n", ""))
                        .contains("'kd+aux' needs at least one set under 'auxiliary'"));
        assertTrue(
                error(GOOD.replace("kd+aux, finetune", "finetune"))
                        .contains("'finetune' fine-tunes the kd+aux student"));
        assertTrue(error(GOOD.replace("finetune]", "kd]")).contains("listed twice"));
        assertTrue(error(GOOD.replace(", finetune: 5", "")).contains("epochs.finetune: missing"));
    }

    @Test
    void studentsMustBeBelowTheTeacher() {
        String m = error(GOOD.replace("[2.5, 1.25]", "[2.5, 10]"));
        assertTrue(m.contains("student_mags: 10x is not below teacher_mag 10x"), m);
        m = error(GOOD + "ablation: {mags: [20]}\n");
        assertTrue(m.contains("ablation.mags: 20x is not below teacher_mag"), m);
        assertTrue(error(GOOD.replace("[2.5, 1.25]", "[2.5, 2.5x]")).contains("listed twice"));
        assertTrue(error(GOOD.replace("[2.5, 1.25]", "[fast]")).contains("student_mags:"));
    }

    @Test
    void missingOrMalformedValues() {
        assertTrue(error(GOOD.replace("dataset: ds\n", "")).contains("dataset: missing"));
        assertTrue(error(GOOD.replace("teacher_mag: 10\n", "")).contains("teacher_mag: missing"));
        assertTrue(
                error(GOOD.replace("student_mags: [2.5, 1.25]\n", ""))
                        .contains("student_mags: missing"));
        assertTrue(error(GOOD + "lr: fast\n").contains("lr: 'fast' is not a number"));
        assertTrue(error(GOOD + "accumulate: 2.5\n").contains("accumulate: '2.5' is not a whole"));
        assertTrue(error(GOOD + "bootstrap: 0\n").contains("bootstrap: must be at least 1"));
        String m = error(GOOD + "bootstrap_unit: patient\n");
        assertTrue(m.contains("bootstrap_unit: 'patient' is not a bootstrap unit: use tissue"), m);
        m = error(GOOD + "bootstrap_unit: [group]\n");
        assertTrue(m.contains("bootstrap_unit: expected a single value"), m);
        assertTrue(error(GOOD + "arch: vgg\n").contains("arch: unknown architecture 'vgg'"));
        assertTrue(
                error(GOOD + "ablation: {mags: [2.5], resize: [nearest]}\n")
                        .contains("ablation.resize: unknown resize mode 'nearest'"));
        assertTrue(error(GOOD + "seed: 1\nseed: 2\n").contains("not valid YAML"));
        assertTrue(error("- just\n- a list\n").contains("expected a mapping"));
        assertTrue(
                error(GOOD.replace("aux: {splits: [unlabeled]}", "a/b: {splits: [x]}"))
                        .contains("auxiliary.a/b: set names may use"));
    }

    @Test
    void theFileNameIsInTheMessage(@TempDir Path tmp) throws IOException {
        Path f = tmp.resolve("bad.yaml");
        Files.writeString(f, GOOD + "colour: red\n");
        String m =
                assertThrows(IllegalArgumentException.class, () -> ConfigReader.read(f))
                        .getMessage();
        assertTrue(m.startsWith(f + ": colour: unknown key"), m);
    }
}
