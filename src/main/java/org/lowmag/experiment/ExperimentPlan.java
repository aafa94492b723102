package org.lowmag.experiment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.lowmag.distill.ResizeMode;
import org.lowmag.slide.Magnification;

/**
 * The runs of an experiment in dependency order (the teacher first; each fine-tuning after its
 * student), the student arms in column order, and the ablation cells. A KD run doubles as the
 * {@code maxpool+bicubic} ablation cell of its magnification when the epochs agree, since it is the
 * same run.
 *
 * <p><b>Seeds.</b> A cell of the grid is named by its <i>base</i> run name ({@code teacher}, {@code
 * kd-2.5x}). With one seed the base name is the run's name. With several, every run exists once per
 * seed {@code s}, named {@code <base>-seed<s>}, with loop seed {@code s}; a student of seed {@code
 * s} is distilled from {@code teacher-seed<s>}, a fine-tuning starts from the {@code kd+aux} run of
 * its seed. The runs come seed by seed, in the order of {@code seeds}.
 *
 * <p><b>Folds.</b> With {@code folds: K} every run of a seed exists once per fold {@code k}, named
 * {@code <run>-fold<k>} ({@code kd-2.5x-fold0}, or {@code kd-2.5x-seed1-fold0} with several seeds),
 * trained and evaluated on fold {@code k}'s view of the dataset and distilled from the teacher of
 * its seed and fold; the runs come seed by seed, then fold by fold. The run a result cell reads is
 * then the fold runs' pooled evaluation, named as the run would be without folds ({@code kd-2.5x},
 * {@code kd-2.5x-seed1}): it has an evaluation ({@code eval/<name>}, the out-of-fold predictions of
 * its {@code K} fold runs) but no run folder. Without folds, {@link #evaluated()} is {@link
 * #runs()}.
 *
 * @param runs every run, in the order to make them
 * @param evaluated the runs whose evaluations the results read: {@code runs} without folds, the
 *     pooled runs (one per seed and base name, {@link RunSpec#NO_FOLD}) with folds
 * @param arms the student arms (expanded ids) in column order
 * @param ablation the ablation cells, by magnification then resize mode (base run names)
 * @param seeds the seeds, at least one
 * @param folds {@code K}, or {@link ExperimentConfig#NO_FOLDS}
 */
public record ExperimentPlan(
        List<RunSpec> runs,
        List<RunSpec> evaluated,
        List<ArmColumn> arms,
        List<AblationCell> ablation,
        List<Long> seeds,
        int folds) {

    /**
     * A student arm as a column of the results table.
     *
     * @param arm the expanded arm id ({@code kd+aux}, {@code kd+adv1}, ...)
     * @param label the heading ("KD (adv1)")
     */
    public record ArmColumn(String arm, String label) {}

    /**
     * One bar of the ablation.
     *
     * @param magnification the student magnification
     * @param resize the resize mode
     * @param run the base name of the run that holds it
     */
    public record AblationCell(double magnification, ResizeMode resize, String run) {}

    /** Copies. */
    public ExperimentPlan {
        runs = List.copyOf(runs);
        evaluated = List.copyOf(evaluated);
        arms = List.copyOf(arms);
        ablation = List.copyOf(ablation);
        seeds = List.copyOf(seeds);
    }

    /**
     * @param arm an arm id
     * @param mag a magnification
     * @return the run folder name, e.g. {@code kd-2.5x}
     */
    public static String runName(String arm, double mag) {
        return arm + "-" + Magnification.format(mag) + "x";
    }

    /**
     * @param seeds the experiment's seeds
     * @param seed one of them
     * @return the suffix of that seed's run names: empty with one seed, else {@code -seed<seed>}
     */
    static String suffix(List<Long> seeds, long seed) {
        return seeds.size() == 1 ? "" : "-seed" + seed;
    }

    /**
     * @param base a base run name, e.g. {@code kd-2.5x}
     * @return the names of its runs, one per seed in seed order ({@code [kd-2.5x]} with one seed)
     */
    public List<String> seedRuns(String base) {
        return seeds.stream().map(s -> base + suffix(seeds, s)).toList();
    }

    /**
     * Plans an experiment.
     *
     * @param c the configuration
     * @return the plan
     */
    public static ExperimentPlan of(ExperimentConfig c) {
        // The runs of one seed under their base names; each seed's copies are made at the end.
        Map<String, RunSpec> runs = new LinkedHashMap<>();
        RunSpec teacher =
                new RunSpec(
                        Arms.TEACHER,
                        Arms.TEACHER,
                        RunKind.TRAIN,
                        c.teacherMag(),
                        c.epochsOf(Arms.TEACHER),
                        List.of(),
                        List.of(),
                        null,
                        null,
                        null,
                        0L);
        runs.put(teacher.name(), teacher);
        List<ArmColumn> columns = columns(c);
        for (double mag : c.studentMags()) {
            for (ArmColumn col : columns) {
                RunSpec r = student(c, col.arm(), mag);
                runs.put(r.name(), r);
            }
        }
        List<AblationCell> cells = new ArrayList<>();
        for (double mag : c.ablation().mags()) {
            for (ResizeMode mode : c.ablation().resize()) {
                Optional<String> reuse = reusableKd(c, mag, mode);
                String name = reuse.orElse(runName(Arms.ABLATION + "-" + mode.flag(), mag));
                if (reuse.isEmpty()) {
                    runs.put(
                            name,
                            distill(
                                    c,
                                    name,
                                    Arms.ABLATION,
                                    mag,
                                    c.ablation().epochs(),
                                    c.kdSplits(),
                                    List.of(),
                                    mode,
                                    null));
                }
                cells.add(new AblationCell(mag, mode, name));
            }
        }
        List<RunSpec> seeded = new ArrayList<>();
        List<RunSpec> all = new ArrayList<>();
        for (long seed : c.seeds()) {
            String suffix = suffix(c.seeds(), seed);
            List<RunSpec> ofSeed = runs.values().stream().map(r -> r.seeded(suffix, seed)).toList();
            seeded.addAll(ofSeed);
            if (!c.hasFolds()) {
                all.addAll(ofSeed);
            }
            for (int k = 0; k < c.folds(); k++) {
                for (RunSpec r : ofSeed) {
                    all.add(r.folded(k));
                }
            }
        }
        return new ExperimentPlan(all, seeded, columns, cells, c.seeds(), c.folds());
    }

    /**
     * @param evaluatedRun a run of {@link #evaluated()}
     * @return the names of its fold runs, in fold order (with folds); without folds, the run itself
     */
    public List<String> foldRuns(String evaluatedRun) {
        if (folds == ExperimentConfig.NO_FOLDS) {
            return List.of(evaluatedRun);
        }
        List<String> out = new ArrayList<>();
        for (int k = 0; k < folds; k++) {
            out.add(evaluatedRun + RunSpec.foldSuffix(k));
        }
        return out;
    }

    private static List<ArmColumn> columns(ExperimentConfig c) {
        List<ArmColumn> out = new ArrayList<>();
        for (String arm : c.arms()) {
            if (arm.equals(Arms.KD_AUX) || arm.equals(Arms.FINETUNE)) {
                for (AuxSet s : c.auxiliary()) {
                    String id = auxArm(c, arm, s);
                    out.add(new ArmColumn(id, Arms.label(id, s.name())));
                }
            } else {
                out.add(new ArmColumn(arm, Arms.label(arm, null)));
            }
        }
        return out;
    }

    /** {@code kd+aux}/{@code finetune} with one auxiliary set; else {@code kd+<name>}... */
    private static String auxArm(ExperimentConfig c, String arm, AuxSet s) {
        if (c.auxiliary().size() == 1) {
            return arm;
        }
        return arm.equals(Arms.KD_AUX) ? "kd+" + s.name() : Arms.FINETUNE + "+" + s.name();
    }

    private static AuxSet auxOf(ExperimentConfig c, String armId) {
        for (AuxSet s : c.auxiliary()) {
            if (auxArm(c, Arms.KD_AUX, s).equals(armId)
                    || auxArm(c, Arms.FINETUNE, s).equals(armId)) {
                return s;
            }
        }
        throw new IllegalStateException("no auxiliary set behind arm " + armId);
    }

    private static RunSpec student(ExperimentConfig c, String arm, double mag) {
        String name = runName(arm, mag);
        if (arm.equals(Arms.BASELINE)) {
            return new RunSpec(
                    name,
                    arm,
                    RunKind.TRAIN,
                    mag,
                    c.epochsOf(Arms.BASELINE),
                    List.of(),
                    List.of(),
                    null,
                    null,
                    null,
                    0L);
        }
        if (arm.equals(Arms.KD)) {
            return distill(
                    c,
                    name,
                    arm,
                    mag,
                    c.epochsOf(Arms.KD),
                    c.kdSplits(),
                    List.of(),
                    ResizeMode.MAXPOOL_BICUBIC,
                    null);
        }
        AuxSet s = auxOf(c, arm);
        if (arm.startsWith(Arms.FINETUNE)) {
            String source = runName(auxArm(c, Arms.KD_AUX, s), mag);
            return new RunSpec(
                    name,
                    arm,
                    RunKind.FINETUNE,
                    mag,
                    c.epochsOf(Arms.FINETUNE),
                    List.of(),
                    List.of(),
                    null,
                    source,
                    s.name(),
                    0L);
        }
        LinkedHashSet<String> splits = new LinkedHashSet<>(c.kdSplits());
        splits.addAll(s.splits());
        return distill(
                c,
                name,
                arm,
                mag,
                c.epochsOf(Arms.KD_AUX),
                new ArrayList<>(splits),
                s.datasets(),
                ResizeMode.MAXPOOL_BICUBIC,
                s.name());
    }

    private static RunSpec distill(
            ExperimentConfig c,
            String name,
            String arm,
            double mag,
            int epochs,
            List<String> splits,
            List<java.nio.file.Path> unlabeled,
            ResizeMode mode,
            String auxName) {
        return new RunSpec(
                name,
                arm,
                RunKind.DISTILL,
                mag,
                epochs,
                splits,
                unlabeled,
                mode,
                Arms.TEACHER,
                auxName,
                0L);
    }

    private static Optional<String> reusableKd(ExperimentConfig c, double mag, ResizeMode mode) {
        boolean same =
                mode == ResizeMode.MAXPOOL_BICUBIC
                        && c.arms().contains(Arms.KD)
                        && c.studentMags().stream().anyMatch(m -> Magnification.same(m, mag))
                        && c.ablation().epochs() == c.epochsOf(Arms.KD);
        return same ? Optional.of(runName(Arms.KD, mag)) : Optional.empty();
    }

    /**
     * @param name a run name
     * @return its spec
     */
    public RunSpec run(String name) {
        return runs.stream()
                .filter(r -> r.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no run named " + name));
    }
}
