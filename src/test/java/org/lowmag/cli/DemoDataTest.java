package org.lowmag.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lowmag.dataset.Dataset;
import org.lowmag.dataset.DatasetInfo;
import org.lowmag.dataset.TissueRecord;
import org.lowmag.experiment.ConfigReader;
import org.lowmag.experiment.ConfigWriter;
import org.lowmag.experiment.ExperimentConfig;
import org.lowmag.prepare.PrepareInput;

/**
 * What the demo's data carry into the experiment: a prepared dataset of synthesized slides records
 * that they are synthetic, and the demo resamples patients when the manifest has them.
 */
class DemoDataTest {

    @TempDir Path tmp;

    /** {@code lowmag synthesize} writes {@code synthetic.json} with this generator. */
    @Test
    void preparingSynthesizedSlidesRecordsASyntheticSource() throws IOException {
        Path data = Files.createDirectories(tmp.resolve("data"));
        Files.createDirectories(data.resolve("slides"));
        Files.writeString(data.resolve("synthetic.json"), "{\"generator\": \"lowmag synthesize\"}");
        Path labels = data.resolve("labels.csv");
        String json = data.resolve("synthetic.json").toAbsolutePath().toString();
        assertEquals(
                List.of(
                        "slides:" + data.toAbsolutePath(),
                        "labels:" + labels.toAbsolutePath(),
                        "synthetic:" + json),
                new PrepareInput.Slides(data, labels).sources());
        assertTrue(
                new PrepareInput.Slides(data.resolve("slides"), labels)
                        .sources()
                        .contains("synthetic:" + json),
                "the slides/ folder of a synthetic data set");
    }

    @Test
    void otherSlidesRecordNoSyntheticSource() throws IOException {
        Path real = Files.createDirectories(tmp.resolve("scanner"));
        assertEquals(2, new PrepareInput.Slides(real, real.resolve("l.csv")).sources().size());
        Files.writeString(real.resolve("synthetic.json"), "{\"generator\": \"someone else\"}");
        assertEquals(2, new PrepareInput.Slides(real, real.resolve("l.csv")).sources().size());
    }

    @Test
    void theDemoResamplesPatientsWhenEveryTestTissueHasOne() {
        assertTrue(DemoCommand.groupBootstrap(dataset("p1", "p1", "p2")));
        assertFalse(DemoCommand.groupBootstrap(dataset("p1", "", "p2")), "one without a group");
    }

    /**
     * The demo's experiment, now built as an object, is the one its former YAML text (kept here as
     * the reference) described, and {@code experiment.yaml} written from it reads back the same.
     */
    @Test
    void theDemoExperimentIsTheOneItsYamlUsedToDescribe() {
        Path dataset = tmp.resolve("dataset").toAbsolutePath();
        for (boolean quick : new boolean[] {true, false}) {
            for (boolean group : new boolean[] {true, false}) {
                DemoCommand.Plan p = DemoCommand.plan(quick);
                ExperimentConfig c = DemoCommand.experimentConfig(dataset, p, 7, group);
                assertEquals(ConfigReader.parse(formerYaml(dataset, p, 7, group), tmp, false), c);
                assertEquals(ConfigReader.parse(ConfigWriter.yaml(c, "demo"), tmp, false), c);
            }
        }
    }

    /** The text {@code lowmag demo} used to concatenate into {@code experiment.yaml}. */
    private static String formerYaml(Path dataset, DemoCommand.Plan p, long seed, boolean group) {
        return "dataset: "
                + dataset
                + "\nteacher_mag: "
                + p.teacherMag()
                + "\nstudent_mags: "
                + p.studentMags()
                + "\narch: paper\narms: [baseline, kd, kd+aux]\nkd_splits: [train, val]\n"
                + "auxiliary:\n  aux: {splits: [unlabeled]}\n"
                + String.format(
                        Locale.ROOT,
                        "epochs: {teacher: %d, baseline: %d, kd: %d, kd+aux: %d}%n",
                        p.teacherEpochs(),
                        p.studentEpochs(),
                        p.studentEpochs(),
                        p.auxEpochs())
                + "accumulate: "
                + p.accumulate()
                + "\nlr: 0.001\nseed: "
                + seed
                + "\nbootstrap: "
                + p.bootstrap()
                + "\n"
                + (group ? "bootstrap_unit: group\n" : "");
    }

    /** A dataset in memory with one labelled test tissue per given group. */
    private Dataset dataset(String... groups) {
        List<TissueRecord> tissues =
                java.util.stream.IntStream.range(0, groups.length)
                        .mapToObj(
                                i ->
                                        new TissueRecord(
                                                "t" + i, "s" + i, groups[i], "a", "test", Map.of()))
                        .toList();
        DatasetInfo info =
                new DatasetInfo(
                        DatasetInfo.FORMAT_VERSION,
                        List.of("a", "b"),
                        List.of(1.0),
                        1.0,
                        Map.of(),
                        0,
                        List.of(60, 20, 20),
                        List.of(),
                        Map.of());
        return new Dataset(tmp, info, tissues);
    }
}
