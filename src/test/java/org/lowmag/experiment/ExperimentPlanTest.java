package org.lowmag.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lowmag.distill.ResizeMode;

/** Run names, order, dependencies and settings of planned experiments. */
class ExperimentPlanTest {

    private static ExperimentPlan plan(String yaml) {
        return ExperimentPlan.of(ConfigReader.parse(yaml, Path.of("/base"), false));
    }

    private static List<String> names(ExperimentPlan p) {
        return p.runs().stream().map(RunSpec::name).toList();
    }

    @Test
    void theLeadsGridWithTheFixedNames() {
        ExperimentPlan p =
                plan(
                        """
                        dataset: ds
                        teacher_mag: 10
                        student_mags: [2.5, 1.25]
                        arms: [finetune, kd+aux, kd, baseline]
                        auxiliary: {aux: {splits: [unlabeled]}}
                        ablation: {mags: [2.5, 5], resize: [none, maxpool+bicubic]}
                        epochs: {teacher: 15, baseline: 14, kd: 13, kd+aux: 12, finetune: 5}
                        """);
        assertEquals(
                List.of(
                        "teacher",
                        "baseline-2.5x",
                        "kd-2.5x",
                        "kd+aux-2.5x",
                        "finetune-2.5x",
                        "baseline-1.25x",
                        "kd-1.25x",
                        "kd+aux-1.25x",
                        "finetune-1.25x",
                        "ablation-none-2.5x",
                        "ablation-none-5x",
                        "ablation-maxpool+bicubic-5x"),
                names(p));
        RunSpec teacher = p.run("teacher");
        assertEquals(RunKind.TRAIN, teacher.kind());
        assertEquals(15, teacher.epochs());
        assertEquals(14, p.run("baseline-1.25x").epochs());
        RunSpec kd = p.run("kd-2.5x");
        assertEquals(RunKind.DISTILL, kd.kind());
        assertEquals(List.of("train", "val"), kd.splits());
        assertEquals(ResizeMode.MAXPOOL_BICUBIC, kd.resize());
        assertEquals("teacher", kd.source());
        RunSpec aux = p.run("kd+aux-1.25x");
        assertEquals(List.of("train", "val", "unlabeled"), aux.splits());
        assertEquals(12, aux.epochs());
        RunSpec ft = p.run("finetune-2.5x");
        assertEquals(RunKind.FINETUNE, ft.kind());
        assertEquals("kd+aux-2.5x", ft.source());
        assertEquals(5, ft.epochs());
        assertEquals(
                List.of("Baseline", "KD", "KD (aux)", "KD (aux) + fine-tune"),
                p.arms().stream().map(ExperimentPlan.ArmColumn::label).toList());
        // maxpool+bicubic at 2.5x is the kd-2.5x run (same splits, resize and epochs); at 5x
        // there is no KD run, so the ablation makes one.
        assertEquals(
                List.of(
                        "ablation-none-2.5x",
                        "kd-2.5x",
                        "ablation-none-5x",
                        "ablation-maxpool+bicubic-5x"),
                p.ablation().stream().map(ExperimentPlan.AblationCell::run).toList());
        assertEquals(13, p.run("ablation-none-5x").epochs(), "ablation epochs default to kd's");
    }

    @Test
    void severalAuxiliarySetsGiveOneArmEach() {
        ExperimentPlan p =
                plan(
                        """
                        dataset: ds
                        teacher_mag: 10
                        student_mags: [0.625]
                        arms: [kd+aux, finetune]
                        auxiliary:
                          adv1: {splits: [unlabeled]}
                          adv2: {datasets: [other]}
                        epochs: 2
                        """);
        assertEquals(
                List.of(
                        "teacher",
                        "kd+adv1-0.625x",
                        "kd+adv2-0.625x",
                        "finetune+adv1-0.625x",
                        "finetune+adv2-0.625x"),
                names(p));
        RunSpec adv2 = p.run("kd+adv2-0.625x");
        assertEquals(List.of("train", "val"), adv2.splits());
        assertEquals(List.of(Path.of("/base/other")), adv2.unlabeled());
        assertEquals("kd+adv2-0.625x", p.run("finetune+adv2-0.625x").source());
        assertEquals(
                List.of("KD (adv1)", "KD (adv2)", "KD (adv1) + fine-tune", "KD (adv2) + fine-tune"),
                p.arms().stream().map(ExperimentPlan.ArmColumn::label).toList());
        assertNull(p.run("teacher").source());
    }

    @Test
    void differentAblationEpochsDoNotReuseTheKdRun() {
        ExperimentPlan p =
                plan(
                        """
                        dataset: ds
                        teacher_mag: 10
                        student_mags: [2.5]
                        ablation: {mags: [2.5], resize: [maxpool+bicubic]}
                        epochs: {teacher: 3, baseline: 3, kd: 3, ablation: 2}
                        """);
        assertEquals(
                List.of("teacher", "baseline-2.5x", "kd-2.5x", "ablation-maxpool+bicubic-2.5x"),
                names(p));
    }
}
