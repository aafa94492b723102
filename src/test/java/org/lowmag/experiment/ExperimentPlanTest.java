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

    private static final String SMALL =
            """
            dataset: ds
            teacher_mag: 10
            student_mags: [2.5]
            arms: [baseline, kd, kd+aux, finetune]
            auxiliary: {aux: {splits: [unlabeled]}}
            ablation: {mags: [2.5], resize: [none, maxpool+bicubic]}
            epochs: 2
            """;

    @Test
    void oneSeedKeepsTheRunNames() {
        ExperimentPlan p = plan(SMALL + "seed: 5\n");
        assertEquals(
                List.of(
                        "teacher",
                        "baseline-2.5x",
                        "kd-2.5x",
                        "kd+aux-2.5x",
                        "finetune-2.5x",
                        "ablation-none-2.5x"),
                names(p));
        assertEquals(List.of(5L), p.seeds());
        assertEquals(List.of("kd-2.5x"), p.seedRuns("kd-2.5x"));
        p.runs().forEach(r -> assertEquals(5L, r.seed(), r.name()));
        assertEquals("teacher", p.run("kd-2.5x").source());
    }

    @Test
    void threeSeedsRepeatEveryRunWithItsOwnTeacher() {
        ExperimentPlan p = plan(SMALL + "seeds: [0, 1, 2]\n");
        assertEquals(18, p.runs().size());
        assertEquals(
                List.of(
                        "teacher-seed0",
                        "baseline-2.5x-seed0",
                        "kd-2.5x-seed0",
                        "kd+aux-2.5x-seed0",
                        "finetune-2.5x-seed0",
                        "ablation-none-2.5x-seed0",
                        "teacher-seed1"),
                names(p).subList(0, 7));
        assertEquals("ablation-none-2.5x-seed2", names(p).get(17));
        RunSpec kd1 = p.run("kd-2.5x-seed1");
        assertEquals(1L, kd1.seed());
        assertEquals("teacher-seed1", kd1.source());
        assertEquals("kd+aux-2.5x-seed2", p.run("finetune-2.5x-seed2").source());
        assertEquals(2L, p.run("ablation-none-2.5x-seed2").seed());
        assertNull(p.run("baseline-2.5x-seed1").source());
        assertEquals(
                List.of("kd-2.5x-seed0", "kd-2.5x-seed1", "kd-2.5x-seed2"), p.seedRuns("kd-2.5x"));
        assertEquals(
                List.of("ablation-none-2.5x", "kd-2.5x"),
                p.ablation().stream().map(ExperimentPlan.AblationCell::run).toList(),
                "cells keep their base names");
    }

    @Test
    void withFoldsEveryRunOfEverySeedExistsPerFoldAndCellsReadThePooledRuns() {
        ExperimentPlan p =
                plan(
                        """
                        dataset: ds
                        teacher_mag: 10
                        student_mags: [2.5]
                        arms: [baseline, kd]
                        epochs: 3
                        seeds: [0, 1]
                        folds: 2
                        """);
        assertEquals(
                List.of(
                        "teacher-seed0-fold0",
                        "baseline-2.5x-seed0-fold0",
                        "kd-2.5x-seed0-fold0",
                        "teacher-seed0-fold1",
                        "baseline-2.5x-seed0-fold1",
                        "kd-2.5x-seed0-fold1",
                        "teacher-seed1-fold0",
                        "baseline-2.5x-seed1-fold0",
                        "kd-2.5x-seed1-fold0",
                        "teacher-seed1-fold1",
                        "baseline-2.5x-seed1-fold1",
                        "kd-2.5x-seed1-fold1"),
                names(p));
        RunSpec kd = p.run("kd-2.5x-seed1-fold0");
        assertEquals("teacher-seed1-fold0", kd.source());
        assertEquals(1, kd.seed());
        assertEquals(0, kd.fold());
        assertEquals(
                List.of(
                        "teacher-seed0",
                        "baseline-2.5x-seed0",
                        "kd-2.5x-seed0",
                        "teacher-seed1",
                        "baseline-2.5x-seed1",
                        "kd-2.5x-seed1"),
                p.evaluated().stream().map(RunSpec::name).toList());
        assertEquals(RunSpec.NO_FOLD, p.evaluated().get(0).fold());
        assertEquals(List.of("kd-2.5x-seed0", "kd-2.5x-seed1"), p.seedRuns("kd-2.5x"));
        assertEquals(
                List.of("kd-2.5x-seed1-fold0", "kd-2.5x-seed1-fold1"), p.foldRuns("kd-2.5x-seed1"));
    }

    @Test
    void withoutFoldsTheEvaluatedRunsAreTheRuns() {
        ExperimentPlan p =
                plan(
                        """
                        dataset: ds
                        teacher_mag: 10
                        student_mags: [2.5]
                        arms: [baseline]
                        epochs: 3
                        """);
        assertEquals(p.runs(), p.evaluated());
        assertEquals(List.of("teacher"), p.foldRuns("teacher"));
        assertEquals(RunSpec.NO_FOLD, p.run("teacher").fold());
    }
}
