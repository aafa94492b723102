package org.lowmag.experiment;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.lowmag.eval.BootstrapConfig;
import org.lowmag.eval.PairedBootstrap;
import org.lowmag.eval.PairedDifference;
import org.lowmag.eval.RunPredictions;
import org.lowmag.slide.Magnification;
import org.lowmag.util.LowMagException;

/**
 * The report's paired comparisons, per student magnification: KD − baseline; each KD (aux) arm − KD
 * and − baseline; each fine-tuned arm − its KD (aux) arm; and every student arm − the teacher (at
 * its own magnification, but on the same test tissues). Each compares the mean over the evaluated
 * seeds of arm A with that of arm B, with the 95% interval of a paired bootstrap ({@link
 * PairedBootstrap}) that resamples the experiment's bootstrap unit with the experiment's iterations
 * and seed, reading each run's {@code predictions.csv}. A pair with an arm not evaluated yet is
 * left out.
 */
final class PairedComparisons {

    /**
     * One comparison.
     *
     * @param magnification the student magnification
     * @param labelA arm A's label, e.g. "KD"
     * @param labelB arm B's label, e.g. "Baseline" or "Teacher (10x)"
     * @param runsA arm A's evaluated runs
     * @param runsB arm B's evaluated runs
     * @param difference A minus B
     */
    record Comparison(
            double magnification,
            String labelA,
            String labelB,
            List<String> runsA,
            List<String> runsB,
            PairedDifference difference) {

        /** Copies. */
        Comparison {
            runsA = List.copyOf(runsA);
            runsB = List.copyOf(runsB);
        }

        /**
         * @return e.g. "KD − Baseline"
         */
        String label() {
            return labelA + " − " + labelB;
        }
    }

    private final ExperimentConfig config;
    private final ExperimentPlan plan;
    private final ExperimentData data;
    private final ExperimentLayout layout;
    private final Map<String, RunPredictions> cache = new HashMap<>();

    private PairedComparisons(
            ExperimentConfig config,
            ExperimentPlan plan,
            ExperimentData data,
            ExperimentLayout layout) {
        this.config = config;
        this.plan = plan;
        this.data = data;
        this.layout = layout;
    }

    /**
     * @param config the configuration
     * @param plan the plan
     * @param data the opened datasets
     * @param layout the experiment folder
     * @param res the evaluations
     * @return the comparisons whose arms are both evaluated, by magnification
     * @throws IOException when a {@code predictions.csv} cannot be read
     * @throws LowMagException naming both runs when two were evaluated on different tissues
     */
    static List<Comparison> of(
            ExperimentConfig config,
            ExperimentPlan plan,
            ExperimentData data,
            ExperimentLayout layout,
            ExperimentResults res)
            throws IOException {
        return new PairedComparisons(config, plan, data, layout).all(res);
    }

    private List<Comparison> all(ExperimentResults res) throws IOException {
        List<Comparison> out = new ArrayList<>();
        SeedCell teacher = res.teacher();
        String teacherLabel =
                Arms.label(Arms.TEACHER, null)
                        + " ("
                        + Magnification.format(config.teacherMag())
                        + "x)";
        for (double mag : config.studentMags()) {
            for (String[] pair : pairs()) {
                ExperimentPlan.ArmColumn a = column(pair[0]).orElseThrow();
                ExperimentPlan.ArmColumn b = column(pair[1]).orElseThrow();
                add(out, mag, a.label(), res.cell(a.arm(), mag), b.label(), res.cell(b.arm(), mag));
            }
            for (ExperimentPlan.ArmColumn a : plan.arms()) {
                add(out, mag, a.label(), res.cell(a.arm(), mag), teacherLabel, teacher);
            }
        }
        return out;
    }

    /** The student-arm pairs (A, B) by arm id, in report order. */
    private List<String[]> pairs() {
        List<String[]> out = new ArrayList<>();
        boolean baseline = column(Arms.BASELINE).isPresent();
        boolean kd = column(Arms.KD).isPresent();
        if (kd && baseline) {
            out.add(new String[] {Arms.KD, Arms.BASELINE});
        }
        for (ExperimentPlan.ArmColumn c : plan.arms()) {
            if (c.arm().startsWith("kd+")) {
                if (kd) {
                    out.add(new String[] {c.arm(), Arms.KD});
                }
                if (baseline) {
                    out.add(new String[] {c.arm(), Arms.BASELINE});
                }
            }
        }
        for (ExperimentPlan.ArmColumn c : plan.arms()) {
            if (c.arm().startsWith(Arms.FINETUNE)) {
                String source =
                        c.arm().equals(Arms.FINETUNE)
                                ? Arms.KD_AUX
                                : "kd+" + c.arm().substring(Arms.FINETUNE.length() + 1);
                out.add(new String[] {c.arm(), source});
            }
        }
        return out;
    }

    private Optional<ExperimentPlan.ArmColumn> column(String arm) {
        return plan.arms().stream().filter(c -> c.arm().equals(arm)).findFirst();
    }

    private void add(
            List<Comparison> out, double mag, String labelA, SeedCell a, String labelB, SeedCell b)
            throws IOException {
        if (a.isEmpty() || b.isEmpty()) {
            return;
        }
        List<RunPredictions> pa = predictions(a);
        List<RunPredictions> pb = predictions(b);
        BootstrapConfig boot = config.bootstrapConfig();
        Map<String, String> groups =
                boot.unit() == BootstrapConfig.Unit.GROUP ? data.testGroupOf() : null;
        PairedDifference d;
        try {
            d = PairedBootstrap.allCores(boot).compare(pa, pb, classes().size(), groups);
        } catch (IllegalArgumentException e) {
            throw new LowMagException(
                    "cannot compare " + labelA + " with " + labelB + ": " + e.getMessage(), e);
        }
        out.add(new Comparison(mag, labelA, labelB, names(a), names(b), d));
    }

    private static List<String> names(SeedCell c) {
        return c.results().stream().map(RunResult::run).toList();
    }

    private List<RunPredictions> predictions(SeedCell c) throws IOException {
        List<RunPredictions> out = new ArrayList<>();
        for (RunResult r : c.results()) {
            RunPredictions p = cache.get(r.run());
            if (p == null) {
                p =
                        PredictionsCsv.read(
                                layout.evalDir(r.run()).resolve("predictions.csv"),
                                r.run(),
                                classes());
                cache.put(r.run(), p);
            }
            out.add(p);
        }
        return out;
    }

    private List<String> classes() {
        return data.dataset().info().classes();
    }
}
