package org.lowmag.experiment;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.lowmag.arch.Architecture;
import org.lowmag.eval.BootstrapConfig;
import org.lowmag.slide.Magnification;
import org.lowmag.train.LoopConfig;
import org.lowmag.train.ModelSetup;

/**
 * One experiment of the paper's grid, as read from a configuration file by {@link ConfigReader}.
 * Each run uses {@link LoopConfig#paperDefaults()} except for the epochs, accumulation, learning
 * rate and seed given here. Messages name the configuration key of a bad value.
 *
 * <p>With several {@code seeds} every run is repeated once per seed (see {@link ExperimentPlan});
 * the bootstrap of every evaluation is seeded with the first seed, so that the confidence intervals
 * of all runs come from the same resamples.
 *
 * @param dataset the prepared dataset ({@code lowmag prepare})
 * @param teacherMag the teacher's magnification (paper: 10)
 * @param studentMags the student magnifications, each below {@code teacherMag}
 * @param arch the architecture of every network
 * @param arms the configured arms, a subset of {@link Arms#CONFIGURABLE} in that order
 * @param kdSplits the splits the KD arms distil on, labels ignored (paper: train and val)
 * @param auxiliary the named auxiliary sets of the {@code kd+aux} arm, in file order
 * @param ablation the resize ablation
 * @param epochs epochs per role: teacher, baseline, kd, kd+aux, finetune (those needed)
 * @param accumulate tissues per optimiser step
 * @param learningRate Adam's learning rate
 * @param seeds the seeds, at least one, none twice: each run is made once per seed with that loop
 *     seed; the first also seeds the bootstrap ({@code seed: N} in a file is {@code seeds: [N]})
 * @param bootstrap bootstrap iterations of each evaluation
 * @param bootstrapUnit what each evaluation's bootstrap resamples: test tissues, or whole groups
 *     (the manifest's group column: patients, sets of near-duplicate images)
 * @param temperature the distillation temperature {@code T}
 * @param setup initialisation and input padding of every trained or distilled network
 * @param folds {@code K} for group {@code K}-fold cross-validation ({@code folds: K}, at least 2),
 *     or {@link #NO_FOLDS}: the labelled groups of the dataset's train, val and test splits are
 *     re-split into {@code K} folds ({@link org.lowmag.dataset.GroupFolds}), every run is made once
 *     per fold, and each arm is evaluated on the pooled out-of-fold predictions (see {@link
 *     ExperimentPlan})
 */
public record ExperimentConfig(
        Path dataset,
        double teacherMag,
        List<Double> studentMags,
        String arch,
        List<String> arms,
        List<String> kdSplits,
        List<AuxSet> auxiliary,
        Ablation ablation,
        Map<String, Integer> epochs,
        int accumulate,
        double learningRate,
        List<Long> seeds,
        int bootstrap,
        BootstrapConfig.Unit bootstrapUnit,
        double temperature,
        ModelSetup setup,
        int folds) {

    /** {@code folds} of an experiment without cross-validation (the dataset's own test split). */
    public static final int NO_FOLDS = 0;

    /** Copies and validates, naming the key of a bad value. */
    public ExperimentConfig {
        studentMags = List.copyOf(studentMags);
        arms = List.copyOf(arms);
        kdSplits = List.copyOf(kdSplits);
        auxiliary = List.copyOf(auxiliary);
        epochs = Map.copyOf(epochs);
        if (setup == null) {
            setup = ModelSetup.DEFAULT;
        }
        seeds = List.copyOf(seeds);
        if (dataset == null) {
            throw new IllegalArgumentException("dataset: missing (a folder from 'lowmag prepare')");
        }
        checkMag("teacher_mag", teacherMag);
        if (studentMags.isEmpty()) {
            throw new IllegalArgumentException("student_mags: list at least one magnification");
        }
        checkStudents("student_mags", studentMags, teacherMag);
        checkStudents("ablation.mags", ablation.mags(), teacherMag);
        try {
            Architecture.byName(arch);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("arch: " + e.getMessage(), e);
        }
        checkArms(arms, auxiliary, kdSplits);
        for (String role : neededEpochs(arms)) {
            Integer e = epochs.get(role);
            if (e == null) {
                throw new IllegalArgumentException(
                        "epochs." + role + ": missing (needed by the " + role + " runs)");
            }
            if (e < 1) {
                throw new IllegalArgumentException(
                        "epochs." + role + ": must be at least 1, got " + e);
            }
        }
        if (accumulate < 1) {
            throw new IllegalArgumentException("accumulate: must be at least 1, got " + accumulate);
        }
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("lr: must be positive, got " + learningRate);
        }
        checkSeeds(seeds);
        if (bootstrap < 1) {
            throw new IllegalArgumentException("bootstrap: must be at least 1, got " + bootstrap);
        }
        if (bootstrapUnit == null) {
            throw new IllegalArgumentException("bootstrap_unit: missing (tissue or group)");
        }
        if (!(temperature > 0) || Double.isInfinite(temperature)) {
            throw new IllegalArgumentException(
                    "temperature: must be finite and positive, got " + temperature);
        }
        checkFolds(folds, kdSplits, auxiliary);
    }

    /**
     * With folds, every fold's test tissues must stay unseen by its runs, so no run may distil on
     * the {@code test} split (the folds re-split train, val and test).
     */
    private static void checkFolds(int folds, List<String> kdSplits, List<AuxSet> auxiliary) {
        if (folds == NO_FOLDS) {
            return;
        }
        if (folds < 2) {
            throw new IllegalArgumentException(
                    "folds: must be at least 2 (group K-fold cross-validation; leave it out to"
                            + " use the dataset's own test split), got "
                            + folds);
        }
        String why =
                ": 'test' cannot be distilled on with folds: each fold's test tissues come from"
                        + " the dataset's train, val and test splits and must stay unseen by"
                        + " that fold's runs";
        if (kdSplits.contains(RunLauncher.TEST_SPLIT)) {
            throw new IllegalArgumentException("kd_splits" + why);
        }
        for (AuxSet a : auxiliary) {
            if (a.splits().contains(RunLauncher.TEST_SPLIT)) {
                throw new IllegalArgumentException("auxiliary." + a.name() + ".splits" + why);
            }
        }
    }

    /**
     * @return whether the experiment cross-validates over folds
     */
    public boolean hasFolds() {
        return folds != NO_FOLDS;
    }

    private static void checkMag(String key, double mag) {
        if (!(mag > 0) || Double.isInfinite(mag)) {
            throw new IllegalArgumentException(
                    key + ": must be a positive magnification, got " + mag);
        }
    }

    private static void checkSeeds(List<Long> seeds) {
        if (seeds.isEmpty()) {
            throw new IllegalArgumentException("seeds: list at least one seed");
        }
        if (new HashSet<>(seeds).size() != seeds.size()) {
            throw new IllegalArgumentException(
                    "seeds: " + seeds + " lists a seed twice (each seed names its runs)");
        }
    }

    private static void checkStudents(String key, List<Double> mags, double teacherMag) {
        Set<String> seen = new HashSet<>();
        for (double m : mags) {
            checkMag(key, m);
            if (!(m < teacherMag)) {
                throw new IllegalArgumentException(
                        key
                                + ": "
                                + Magnification.format(m)
                                + "x is not below teacher_mag "
                                + Magnification.format(teacherMag)
                                + "x (students learn at a lower magnification)");
            }
            if (!seen.add(Magnification.format(m))) {
                throw new IllegalArgumentException(
                        key + ": " + Magnification.format(m) + "x is listed twice");
            }
        }
    }

    private static void checkArms(List<String> arms, List<AuxSet> auxiliary, List<String> kd) {
        for (String a : arms) {
            if (!Arms.CONFIGURABLE.contains(a)) {
                throw new IllegalArgumentException(
                        "arms: unknown arm '" + a + "'; known arms: " + Arms.CONFIGURABLE);
            }
        }
        if (arms.contains(Arms.KD_AUX) && auxiliary.isEmpty()) {
            throw new IllegalArgumentException(
                    "arms: 'kd+aux' needs at least one set under 'auxiliary'");
        }
        if (arms.contains(Arms.FINETUNE) && !arms.contains(Arms.KD_AUX)) {
            throw new IllegalArgumentException(
                    "arms: 'finetune' fine-tunes the kd+aux student, so 'kd+aux' must be listed");
        }
        if (kd.isEmpty()) {
            throw new IllegalArgumentException("kd_splits: list at least one split");
        }
    }

    private static List<String> neededEpochs(List<String> arms) {
        List<String> roles = new ArrayList<>(List.of(Arms.TEACHER));
        roles.addAll(arms);
        return roles;
    }

    /**
     * @param role teacher, baseline, kd, kd+aux or finetune
     * @return its epochs
     */
    public int epochsOf(String role) {
        Integer e = epochs.get(role);
        if (e == null) {
            throw new IllegalArgumentException("epochs." + role + ": not configured");
        }
        return e;
    }

    /**
     * @return the first seed: the bootstrap's, and the only one of a single-seed experiment
     */
    public long firstSeed() {
        return seeds.get(0);
    }

    /**
     * @return whether every run is repeated with several seeds
     */
    public boolean severalSeeds() {
        return seeds.size() > 1;
    }

    /**
     * @param epochCount the run's epochs
     * @param seed the run's seed
     * @return the paper's loop settings with this experiment's epochs, accumulation and rate and
     *     the given seed
     */
    public LoopConfig loop(int epochCount, long seed) {
        LoopConfig d = LoopConfig.paperDefaults();
        return new LoopConfig(
                epochCount,
                accumulate,
                learningRate,
                d.weightDecay(),
                d.lrGamma(),
                seed,
                d.select(),
                d.patience(),
                d.checkpointMinutes(),
                d.maxBatchPixels(),
                d.maxTissuePixels(),
                d.cacheBytes(),
                d.checkpointActivations());
    }

    /**
     * @return the bootstrap of every evaluation: {@code bootstrap} iterations at the paper's 95%,
     *     seeded with the first seed, resampling {@code bootstrap_unit}
     */
    public BootstrapConfig bootstrapConfig() {
        return new BootstrapConfig(
                bootstrap, BootstrapConfig.DEFAULT_LEVEL, firstSeed(), bootstrapUnit);
    }

    /**
     * @return the resolved configuration for {@code experiment.json} and the report ({@code seed}
     *     with one seed, as before seeds existed; {@code seeds} with several; {@code folds} only
     *     when cross-validating)
     */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("dataset", dataset.toAbsolutePath().normalize().toString());
        m.put("teacher_mag", teacherMag);
        m.put("student_mags", studentMags);
        m.put("arch", arch);
        m.put("arms", arms);
        m.put("kd_splits", kdSplits);
        Map<String, Object> aux = new LinkedHashMap<>();
        for (AuxSet s : auxiliary) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("splits", s.splits());
            one.put(
                    "datasets",
                    s.datasets().stream()
                            .map(p -> p.toAbsolutePath().normalize().toString())
                            .toList());
            aux.put(s.name(), one);
        }
        m.put("auxiliary", aux);
        Map<String, Object> abl = new LinkedHashMap<>();
        abl.put("mags", ablation.mags());
        abl.put("resize", ablation.resize().stream().map(r -> r.flag()).toList());
        m.put("ablation", abl);
        Map<String, Object> ep = new LinkedHashMap<>();
        for (String role : neededEpochs(arms)) {
            ep.put(role, epochs.get(role));
        }
        if (ablation.enabled()) {
            ep.put(Arms.ABLATION, ablation.epochs());
        }
        m.put("epochs", ep);
        m.put("accumulate", accumulate);
        m.put("lr", learningRate);
        if (severalSeeds()) {
            m.put("seeds", seeds);
        } else {
            m.put("seed", firstSeed());
        }
        if (hasFolds()) {
            m.put("folds", folds);
        }
        m.put("bootstrap", bootstrap);
        m.put("bootstrap_unit", bootstrapUnit.key());
        m.put("temperature", temperature);
        m.put("init", setup.init().flag());
        m.put("padding", setup.padding().flag());
        m.put("pad_to", setup.padTo().flag());
        LoopConfig d = LoopConfig.paperDefaults();
        Map<String, Object> rest = new LinkedHashMap<>();
        rest.put("weight_decay", d.weightDecay());
        rest.put("lr_gamma", d.lrGamma());
        rest.put("select", d.select());
        rest.put("patience", d.patience());
        rest.put("checkpoint_minutes", d.checkpointMinutes());
        rest.put("max_batch_pixels", d.maxBatchPixels());
        rest.put("max_tissue_pixels", d.maxTissuePixels());
        rest.put("cache_bytes", d.cacheBytes());
        rest.put("checkpoint_activations", d.checkpointActivations().flag());
        m.put("loop_defaults", rest);
        return m;
    }
}
