package org.lowmag.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.lowmag.experiment.ConfigReader;
import org.lowmag.experiment.ExperimentConfig;
import org.lowmag.experiment.ExperimentRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code lowmag experiment}: the paper's whole grid from one configuration file. */
@Command(
        name = "experiment",
        mixinStandardHelpOptions = true,
        description = {
            "Run the paper's experiment grid from one YAML/JSON file (see"
                    + " examples/experiment-lc25000.yaml): the teacher, then per student"
                    + " magnification the baseline, KD, KD with auxiliary data and fine-tuning"
                    + " arms, and the resize ablation; each run evaluated on the test split.",
            "Layout: OUT/experiment.json, OUT/runs/<run>/, OUT/eval/<run>/, and the report"
                    + " OUT/report.md, report.html, results.csv, paired.csv,"
                    + " accuracy_vs_gflops.png, ablation.png. With 'seeds: [0, 1, 2]' every run"
                    + " is made once per seed (<run>-seed<k>) and the report shows means over"
                    + " seeds and paired comparisons of the arms. With 'folds: K' (small"
                    + " datasets) the labelled patients are re-split into K folds (OUT/folds/),"
                    + " every run is made once per fold (<run>-fold<k>) and each arm is"
                    + " evaluated on its pooled out-of-fold predictions.",
            "Finished runs (DONE) and evaluations (metrics.json) are skipped, runs with a"
                    + " checkpoint resumed: re-run the same command to continue an interrupted"
                    + " experiment."
        })
final class ExperimentCommand implements Callable<Integer> {

    @Parameters(
            index = "0",
            paramLabel = "CONFIG",
            description = "Experiment file (.yaml or .json).")
    Path config;

    @Option(
            names = "--out",
            required = true,
            description = "Experiment folder (created or resumed).")
    Path out;

    @Option(
            names = {"--report-only", "--resume-only-report"},
            description = "Only rewrite the report from the runs and evaluations finished so far.")
    boolean reportOnly;

    @Mixin DeviceOption device;

    @Override
    public Integer call() throws Exception {
        ExperimentConfig c = UsageException.fromFlags(() -> ConfigReader.read(config));
        ExperimentRunner runner = new ExperimentRunner(c, out, System.err);
        if (reportOnly) {
            runner.reportOnly();
            return 0;
        }
        device.apply();
        printDone(runner.run(config));
        return 0;
    }

    /** Prints what an experiment run did. */
    static void printDone(ExperimentRunner.Summary s) {
        System.err.printf(
                "[experiment] done: %d runs made, %d resumed, %d already finished; %d evaluations%n",
                s.made(), s.resumed(), s.skipped(), s.evaluated());
    }
}
