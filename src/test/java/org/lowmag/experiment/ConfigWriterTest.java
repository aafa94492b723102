package org.lowmag.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link ConfigWriter} writes what {@link ConfigReader} reads back into the same configuration. */
class ConfigWriterTest {

    @TempDir Path tmp;

    @Test
    void everyKeyReadsBackTheSame() {
        String text =
                "dataset: \"my data\"\n"
                        + "teacher_mag: 10x\n"
                        + "student_mags: [2.5, 0.625]\n"
                        + "arch: resnet18\n"
                        + "arms: [finetune, kd, kd+aux]\n"
                        + "kd_splits: [train]\n"
                        + "auxiliary:\n"
                        + "  aux: {splits: [unlabeled], datasets: [other]}\n"
                        + "  more.b: {datasets: [third, fourth]}\n"
                        + "ablation: {mags: [1.25], resize: [none, bicubic]}\n"
                        + "epochs: {teacher: 3, kd: 2, kd+aux: 4, finetune: 1, ablation: 5}\n"
                        + "accumulate: 8\n"
                        + "lr: 0.00001\n"
                        + "seeds: [3, 1]\n"
                        + "bootstrap: 200\n"
                        + "bootstrap_unit: group\n"
                        + "temperature: 2.5\n"
                        + "init: torch\n"
                        + "padding: reflect\n"
                        + "pad_to: multiple\n"
                        + "folds: 3\n";
        ExperimentConfig c = ConfigReader.parse(text, tmp, false);
        String yaml = ConfigWriter.yaml(c, "a comment");
        assertTrue(yaml.startsWith("# a comment\n"), yaml);
        assertEquals(c, ConfigReader.parse(yaml, tmp.resolve("elsewhere"), false), yaml);
    }
}
