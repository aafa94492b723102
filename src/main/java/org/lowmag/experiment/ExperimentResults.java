package org.lowmag.experiment;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.lowmag.eval.BootstrapConfig;

/**
 * The evaluations an experiment folder holds so far, by run name, beside the plan they belong to.
 * Cells of the grid are looked up by base run name and hold the runs of every seed ({@link
 * SeedCell}).
 *
 * @param plan the plan
 * @param byRun the results of the evaluated runs
 */
public record ExperimentResults(ExperimentPlan plan, Map<String, RunResult> byRun) {

    /** Copies. */
    public ExperimentResults {
        byRun = Map.copyOf(byRun);
    }

    /**
     * Reads every {@code metrics.json} of the plan's evaluated runs ({@link
     * ExperimentPlan#evaluated()}: with folds, the pooled ones) that exists and was made with the
     * experiment's bootstrap ({@link EvaluationCheck}); one made with other settings is left out
     * (the next {@code lowmag experiment} redoes it).
     *
     * @param plan the plan
     * @param layout the experiment folder
     * @param bootstrap the bootstrap of the experiment's evaluations
     * @return the results
     * @throws IOException when a file cannot be read
     */
    public static ExperimentResults load(
            ExperimentPlan plan, ExperimentLayout layout, BootstrapConfig bootstrap)
            throws IOException {
        Map<String, RunResult> m = new LinkedHashMap<>();
        for (RunSpec r : plan.evaluated()) {
            Optional<RunResult> res = RunResult.load(layout, r);
            if (res.isPresent()
                    && EvaluationCheck.difference(layout.metrics(r.name()), bootstrap).isEmpty()) {
                m.put(r.name(), res.get());
            }
        }
        return new ExperimentResults(plan, m);
    }

    /**
     * @param run a run name
     * @return its result, if evaluated
     */
    public Optional<RunResult> of(String run) {
        return Optional.ofNullable(byRun.get(run));
    }

    /**
     * @param base a base run name ({@code kd-2.5x})
     * @return the evaluated runs of that cell over the seeds
     */
    public SeedCell seeds(String base) {
        List<RunResult> found = plan.seedRuns(base).stream().flatMap(r -> of(r).stream()).toList();
        return new SeedCell(base, plan.seeds(), found);
    }

    /**
     * @return the teacher's runs
     */
    public SeedCell teacher() {
        return seeds(Arms.TEACHER);
    }

    /**
     * @param arm an expanded arm id
     * @param mag a student magnification
     * @return the runs of that cell
     */
    public SeedCell cell(String arm, double mag) {
        return seeds(ExperimentPlan.runName(arm, mag));
    }

    /**
     * @param cell an ablation cell
     * @return its runs
     */
    public SeedCell ablation(ExperimentPlan.AblationCell cell) {
        return seeds(cell.run());
    }
}
