package org.lowmag.experiment;

import java.nio.file.Path;
import java.util.List;
import org.lowmag.distill.ResizeMode;

/**
 * One run of the experiment: a folder {@code runs/<name>} and an evaluation {@code eval/<name>}.
 *
 * @param name the folder name, e.g. {@code kd+aux-2.5x}
 * @param arm the arm id, e.g. {@code kd+aux}, {@code teacher}, {@code ablation}
 * @param kind the job that makes it
 * @param magnification its input magnification
 * @param epochs its epochs
 * @param splits for distillation: the dataset's splits distilled on (else empty)
 * @param unlabeled for distillation: other datasets distilled on (else empty)
 * @param resize for distillation: the resize mode of the pixel loss (else null)
 * @param source the run it starts from: the teacher for a distillation, the student for a
 *     fine-tuning; null for training
 * @param auxName the auxiliary set behind a {@code kd+} or {@code finetune} arm, else null
 * @param seed the seed of its training loop
 * @param fold its fold {@code k} under {@code folds: K} (it trains and is evaluated on fold {@code
 *     k}'s view of the dataset), or {@link #NO_FOLD}
 */
public record RunSpec(
        String name,
        String arm,
        RunKind kind,
        double magnification,
        int epochs,
        List<String> splits,
        List<Path> unlabeled,
        ResizeMode resize,
        String source,
        String auxName,
        long seed,
        int fold) {

    /** The fold of a run of an experiment without folds. */
    public static final int NO_FOLD = -1;

    /** Copies the lists. */
    public RunSpec {
        splits = List.copyOf(splits);
        unlabeled = List.copyOf(unlabeled);
        if (fold < NO_FOLD) {
            throw new IllegalArgumentException("fold " + fold + " < 0");
        }
    }

    /**
     * A run of an experiment without folds.
     *
     * @param name the folder name
     * @param arm the arm id
     * @param kind the job
     * @param magnification its input magnification
     * @param epochs its epochs
     * @param splits for distillation: the splits distilled on
     * @param unlabeled for distillation: other datasets distilled on
     * @param resize for distillation: the resize mode
     * @param source the run it starts from, or null
     * @param auxName the auxiliary set, or null
     * @param seed the seed of its loop
     */
    public RunSpec(
            String name,
            String arm,
            RunKind kind,
            double magnification,
            int epochs,
            List<String> splits,
            List<Path> unlabeled,
            ResizeMode resize,
            String source,
            String auxName,
            long seed) {
        this(
                name,
                arm,
                kind,
                magnification,
                epochs,
                splits,
                unlabeled,
                resize,
                source,
                auxName,
                seed,
                NO_FOLD);
    }

    /**
     * @return whether it is one fold's run of a cross-validated experiment
     */
    public boolean hasFold() {
        return fold != NO_FOLD;
    }

    /**
     * @param k a fold
     * @return this run for fold {@code k}: {@code kd-2.5x-seed1} distilled from {@code
     *     teacher-seed1} becomes {@code kd-2.5x-seed1-fold0} distilled from {@code
     *     teacher-seed1-fold0}
     */
    public RunSpec folded(int k) {
        return renamed(foldSuffix(k), seed, k);
    }

    /**
     * @param k a fold
     * @return the suffix of its run names, {@code -fold<k>}
     */
    public static String foldSuffix(int k) {
        return "-fold" + k;
    }

    /**
     * @param suffix appended to its name and its source's name, e.g. {@code -seed1} (or empty)
     * @param loopSeed the seed of its loop
     * @return this run for that seed: {@code kd-2.5x} distilled from {@code teacher} becomes {@code
     *     kd-2.5x-seed1} distilled from {@code teacher-seed1}
     */
    public RunSpec seeded(String suffix, long loopSeed) {
        return renamed(suffix, loopSeed, fold);
    }

    /** This run with {@code suffix} on its name and its source's, another seed and fold. */
    private RunSpec renamed(String suffix, long loopSeed, int k) {
        return new RunSpec(
                name + suffix,
                arm,
                kind,
                magnification,
                epochs,
                splits,
                unlabeled,
                resize,
                source == null ? null : source + suffix,
                auxName,
                loopSeed,
                k);
    }

    /**
     * @return e.g. {@code distill, 15 epochs, maxpool+bicubic}
     */
    public String describe() {
        String s = kind.command() + ", " + epochs + (epochs == 1 ? " epoch" : " epochs");
        return resize != null ? s + ", resize " + resize.flag() : s;
    }
}
