package org.lowmag.experiment;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.lowmag.dataset.Augmentation;
import org.lowmag.dataset.TissueRecord;
import org.lowmag.train.RunFolder;
import org.lowmag.util.FolderLock;
import org.lowmag.util.Json;
import org.lowmag.util.LowMagException;
import org.lowmag.util.Provenance;

/**
 * Runs a whole experiment: every run of the {@link ExperimentPlan} in order, each followed by its
 * test evaluation, then the report. Finished runs ({@code DONE}) and done evaluations ({@code
 * metrics.json} made with the configured bootstrap, see {@link EvaluationCheck}) are skipped, runs
 * with a checkpoint are resumed, runs interrupted before their first checkpoint are restarted; so
 * an interrupted experiment continues when the same command is run again. One experiment at a time
 * per folder (a lock file).
 *
 * <p>With {@code folds: K} the fold views of the dataset are written (or verified) first ({@link
 * FoldDatasets}), a folder made with other {@code folds} is refused, and once every fold run of a
 * cell is evaluated its out-of-fold predictions are pooled ({@link FoldPooling}): again whenever a
 * fold was evaluated anew or the pooled evaluation is missing or outdated.
 */
public final class ExperimentRunner {

    /** Lock file that keeps two experiments out of one folder. */
    static final String LOCK_FILE = ".experiment.lock";

    private final ExperimentConfig config;
    private final ExperimentLayout layout;
    private final PrintStream out;

    /**
     * What one invocation did.
     *
     * @param made runs trained from scratch (or restarted)
     * @param resumed runs continued from a checkpoint
     * @param skipped runs already finished
     * @param evaluated evaluations made
     */
    public record Summary(int made, int resumed, int skipped, int evaluated) {}

    /**
     * @param config the configuration
     * @param dir the experiment folder
     * @param out where progress lines go
     */
    public ExperimentRunner(ExperimentConfig config, Path dir, PrintStream out) {
        this.config = config;
        this.layout = new ExperimentLayout(dir);
        this.out = out;
    }

    /**
     * Runs what is missing, then writes the report.
     *
     * @param configFile the configuration file (recorded in {@code experiment.json})
     * @return what was done
     * @throws IOException when files cannot be read or written
     */
    public Summary run(Path configFile) throws IOException {
        Files.createDirectories(layout.dir());
        return FolderLock.holding(
                layout.dir(),
                LOCK_FILE,
                "another 'lowmag experiment' is running in "
                        + layout.dir()
                        + ": wait for it (or use --report-only to see its results so far)",
                () -> {
                    ExperimentPlan plan = ExperimentPlan.of(config);
                    ExperimentData data = ExperimentData.open(config);
                    checkRecordedFolds();
                    if (config.hasFolds()) {
                        FoldDatasets.prepare(config, data, layout);
                    }
                    writeExperimentJson(configFile, plan);
                    Summary s = runAll(plan, data);
                    new ExperimentReport(config, plan, data, layout).write();
                    out.println("[experiment] report: " + layout.file(ExperimentReport.MARKDOWN));
                    return s;
                });
    }

    /**
     * Writes the report from whatever runs and evaluations are finished.
     *
     * @throws IOException when files cannot be read or written
     */
    public void reportOnly() throws IOException {
        ExperimentPlan plan = ExperimentPlan.of(config);
        ExperimentData data = ExperimentData.open(config);
        new ExperimentReport(config, plan, data, layout).write();
        out.println("[experiment] report: " + layout.file(ExperimentReport.MARKDOWN));
    }

    private Summary runAll(ExperimentPlan plan, ExperimentData data) throws IOException {
        RunLauncher launcher = new RunLauncher(config, layout);
        List<RunSpec> runs = plan.runs();
        ExperimentProgress progress = new ExperimentProgress(out, runs.size());
        int[] counts = new int[RunStatus.values().length];
        int evaluated = 0;
        Set<String> evaluatedNow = new HashSet<>();
        for (int i = 0; i < runs.size(); i++) {
            RunSpec r = runs.get(i);
            Path dir = layout.runDir(r.name());
            RunStatus status = RunStatus.of(dir);
            counts[status.ordinal()]++;
            if (status != RunStatus.NEW) {
                RunConsistency.check(dir, launcher.expectedConfig(r));
            }
            Optional<String> outdated = outdatedEvaluation(r);
            boolean evalDone = Files.isRegularFile(layout.metrics(r.name())) && outdated.isEmpty();
            if (status == RunStatus.FINISHED) {
                progress.line(i + 1, r.name() + ": finished" + (evalDone ? ", skipped" : ""));
            } else {
                make(launcher, progress, runs, i, status, data);
                evalDone = false;
                outdated = Optional.empty();
            }
            if (!evalDone) {
                String why = outdated.map(d -> " (its metrics.json has " + d + ")").orElse("");
                progress.line(i + 1, r.name() + ": evaluating on the test split" + why + " ...");
                launcher.evaluate(r);
                evaluatedNow.add(r.name());
                evaluated++;
            }
        }
        if (config.hasFolds()) {
            poolFolds(plan, data, evaluatedNow);
        }
        return new Summary(
                counts[RunStatus.NEW.ordinal()] + counts[RunStatus.STARTED.ordinal()],
                counts[RunStatus.RESUMABLE.ordinal()],
                counts[RunStatus.FINISHED.ordinal()],
                evaluated);
    }

    /**
     * Pools the fold runs of every evaluated cell whose folds are all evaluated, when a fold was
     * evaluated now or the pooled evaluation is missing or outdated.
     */
    private void poolFolds(ExperimentPlan plan, ExperimentData data, Set<String> evaluatedNow)
            throws IOException {
        FoldPooling pooling = new FoldPooling(config, data, layout);
        for (RunSpec r : plan.evaluated()) {
            List<String> folds = plan.foldRuns(r.name());
            boolean fresh = folds.stream().anyMatch(evaluatedNow::contains);
            if (fresh
                    || !Files.isRegularFile(layout.metrics(r.name()))
                    || outdatedEvaluation(r).isPresent()) {
                pooling.pool(r, folds);
                out.println(
                        "[experiment] "
                                + r.name()
                                + ": pooled the out-of-fold predictions of "
                                + folds.size()
                                + " folds");
                out.flush();
            }
        }
    }

    /**
     * Refuses an experiment folder whose {@code experiment.json} records other {@code folds} than
     * the configuration (its runs were made on other data), unless it holds no run yet.
     */
    private void checkRecordedFolds() throws IOException {
        Path json = layout.file(ExperimentLayout.CONFIG_FILE);
        if (!Files.isRegularFile(json) || !Files.isDirectory(layout.dir().resolve("runs"))) {
            return;
        }
        int had = FoldDatasets.recordedFolds(json);
        if (had != config.folds()) {
            throw new LowMagException(
                    "folds: "
                            + json
                            + " records "
                            + (had == ExperimentConfig.NO_FOLDS ? "no folds" : "folds: " + had)
                            + " but the configuration asks for "
                            + (config.hasFolds() ? "folds: " + config.folds() : "no folds")
                            + "; the runs in "
                            + layout.dir()
                            + " were made on other splits. Use another --out, or the folds they"
                            + " were made with");
        }
    }

    /**
     * @return what makes run {@code r}'s existing evaluation unusable (other bootstrap settings, an
     *     unreadable file), or empty when it has none or a reusable one
     */
    private Optional<String> outdatedEvaluation(RunSpec r) {
        Path metrics = layout.metrics(r.name());
        if (!Files.isRegularFile(metrics)) {
            return Optional.empty();
        }
        try {
            return EvaluationCheck.difference(metrics, config.bootstrapConfig());
        } catch (IOException e) {
            return Optional.of("an unreadable file: " + e.getMessage());
        }
    }

    /** Makes run {@code i} (new, restarted or resumed) and prints its time and the estimate. */
    private void make(
            RunLauncher launcher,
            ExperimentProgress progress,
            List<RunSpec> runs,
            int i,
            RunStatus status,
            ExperimentData data)
            throws IOException {
        RunSpec r = runs.get(i);
        Path dir = layout.runDir(r.name());
        int done = status == RunStatus.RESUMABLE ? RunStatus.epochsDone(dir) : 0;
        if (status == RunStatus.STARTED) {
            clearStarted(dir);
        }
        progress.line(i + 1, r.name() + " (" + r.describe() + resumeNote(done) + ") ...");
        long t0 = System.nanoTime();
        launcher.make(r, status == RunStatus.RESUMABLE);
        double seconds = (System.nanoTime() - t0) / 1e9;
        double units = units(r, Math.max(0, r.epochs() - done), data);
        progress.finished(i + 1, r, seconds, units, unitsLeft(runs, i + 1, data));
    }

    private static String resumeNote(int epochsDone) {
        return epochsDone > 0 ? ", resuming after epoch " + epochsDone : "";
    }

    private double units(RunSpec r, int epochs, ExperimentData data) {
        List<TissueRecord> tissues = data.trainingSet(r);
        return ExperimentProgress.units(
                r,
                epochs,
                tissues.size(),
                ExperimentData.meanPixels(tissues, r.magnification()),
                ExperimentData.meanPixels(tissues, config.teacherMag()));
    }

    private double unitsLeft(List<RunSpec> runs, int from, ExperimentData data) {
        double left = 0;
        for (RunSpec r : runs.subList(from, runs.size())) {
            Path dir = layout.runDir(r.name());
            if (RunStatus.of(dir) != RunStatus.FINISHED) {
                left += units(r, Math.max(0, r.epochs() - RunStatus.epochsDone(dir)), data);
            }
        }
        return left;
    }

    /**
     * Clears a run interrupted before its first checkpoint so that it can start again: its {@code
     * config.json} and any {@code model/} (nothing there can be resumed); {@code log.txt} stays.
     */
    private static void clearStarted(Path dir) throws IOException {
        RunFolder run = new RunFolder(dir);
        run.log("experiment: restarting (interrupted before its first checkpoint)");
        Files.deleteIfExists(dir.resolve("config.json"));
        Path model = dir.resolve("model");
        if (Files.isDirectory(model)) {
            try (Stream<Path> s = Files.walk(model)) {
                for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    private void writeExperimentJson(Path configFile, ExperimentPlan plan) throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("config_file", configFile.toAbsolutePath().normalize().toString());
        m.put("config", config.toMap());
        m.put("augmentation", Augmentation.paperDefault());
        m.put("runs", plan.runs().stream().map(RunSpec::name).toList());
        m.put("provenance", Provenance.current().toMap());
        Json.write(layout.file(ExperimentLayout.CONFIG_FILE), m);
    }
}
