package org.lowmag.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.lowmag.dataset.Csv;
import org.lowmag.dataset.Dataset;
import org.lowmag.dataset.TissueRecord;
import org.lowmag.eval.BootstrapConfig;
import org.lowmag.experiment.Ablation;
import org.lowmag.experiment.Arms;
import org.lowmag.experiment.AuxSet;
import org.lowmag.experiment.ConfigWriter;
import org.lowmag.experiment.ExperimentConfig;
import org.lowmag.experiment.ExperimentRunner;
import org.lowmag.infer.HeatmapScale;
import org.lowmag.infer.PredictJob;
import org.lowmag.infer.TruthLabels;
import org.lowmag.prepare.PrepareConfig;
import org.lowmag.prepare.PrepareInput;
import org.lowmag.prepare.PrepareJob;
import org.lowmag.slide.Magnification;
import org.lowmag.slide.MagnificationResolver;
import org.lowmag.slide.SlideReaders;
import org.lowmag.synthetic.SynthesisParams;
import org.lowmag.synthetic.SyntheticDatasetWriter;
import org.lowmag.tissue.TissueParams;
import org.lowmag.train.ModelSetup;
import org.lowmag.util.AtomicFiles;
import org.lowmag.util.LowMagException;
import org.lowmag.util.Progress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code lowmag demo}: the whole method on built-in (synthetic) data, end to end: generate slides,
 * prepare a dataset, train a teacher, a baseline and distilled students, evaluate them, write the
 * experiment report and classify held-out slides with heatmaps.
 */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description = {
            "Run LowMag's whole method on generated H&E-like slides (synthetic data): synthesize,"
                    + " prepare, train a high-magnification teacher and a low-magnification"
                    + " baseline, distil students with and without unlabelled slides, evaluate"
                    + " with CIs, write the report, and predict two held-out slides with heatmaps.",
            "Default: about 8 minutes on 2 cores; --quick: about 30 seconds (a smoke test)."
        })
final class DemoCommand implements Callable<Integer> {

    @Option(
            names = "--out",
            defaultValue = "lowmag-demo",
            description = "Output folder (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--quick", description = "A small, fast run (smoke test, CI).")
    boolean quick;

    @Mixin DeviceOption device;

    @Option(
            names = "--seed",
            defaultValue = "1",
            description = "Seed of the data and every run (default: ${DEFAULT-VALUE}).")
    long seed;

    /**
     * The demo's size.
     *
     * @param slidesPerClass labelled slides per class
     * @param unlabeled unlabelled slides (the auxiliary set)
     * @param synthesis the slides' size, resolution, tissue pieces and tissue diameters
     * @param splitFractions train,val,test percentages of the labelled patients
     * @param teacherMag the teacher's magnification
     * @param studentMags the students' magnifications
     * @param teacherEpochs the teacher's epochs
     * @param studentEpochs the baseline's and KD's epochs
     * @param auxEpochs KD (aux)'s epochs (each sees the unlabelled tissues too)
     * @param bootstrap bootstrap resamples
     * @param accumulate tissues per optimizer step
     */
    record Plan(
            int slidesPerClass,
            int unlabeled,
            SynthesisParams synthesis,
            List<Integer> splitFractions,
            double teacherMag,
            List<Double> studentMags,
            int teacherEpochs,
            int studentEpochs,
            int auxEpochs,
            int bootstrap,
            int accumulate) {}

    /**
     * The full demo: 45 labelled slides per class from about 100 patients (35% of them, 36, in the
     * test split), 135 unlabelled slides, one or two 0.4-0.8 mm tissue pieces per slide at 10x (1
     * um/px); a 5x teacher and 1.25x students; KD (aux) trains 14 epochs (at 10 it was still
     * learning). The quick demo is a smoke test of every step.
     */
    static Plan plan(boolean quick) {
        return quick
                ? new Plan(
                        4,
                        4,
                        new SynthesisParams(1.0, 2400, 1800, 2, 5, 500, 2000),
                        List.of(60, 20, 20),
                        2.5,
                        List.of(0.625),
                        4,
                        4,
                        3,
                        1000,
                        4)
                : new Plan(
                        45,
                        135,
                        new SynthesisParams(1.0, 1500, 1200, 1, 2, 400, 800),
                        List.of(50, 15, 35),
                        5,
                        List.of(1.25),
                        20,
                        20,
                        14,
                        10000,
                        4);
    }

    @Override
    public Integer call() throws IOException {
        long t0 = System.nanoTime();
        device.apply(); // a GPU that is not there is refused before any work
        Plan p = plan(quick);
        Files.createDirectories(out);
        Path data = out.resolve("data");
        step(
                1,
                "synthesize slides",
                () -> {
                    SynthesizeCommand.synthesize(
                            data,
                            new SyntheticDatasetWriter.Settings(
                                    seed, p.slidesPerClass(), p.unlabeled(), p.synthesis(), 0.9),
                            Runtime.getRuntime().availableProcessors());
                    return 0;
                });
        List<String> heldOut = holdOut(data);
        PrepareConfig prepare = prepareConfig(p, data);
        step(
                2,
                "prepare the dataset (without "
                        + String.join(" and ", heldOut)
                        + ", held out for prediction in step 4)",
                () -> PrepareOptions.report(prepare, PrepareJob.run(prepare)));
        Path dataset = out.resolve("dataset").toAbsolutePath();
        ExperimentConfig experiment =
                experimentConfig(dataset, p, seed, groupBootstrap(Dataset.open(dataset)));
        Path config = out.resolve("experiment.yaml");
        AtomicFiles.writeString(
                config,
                ConfigWriter.yaml(
                        experiment,
                        "LowMag demo experiment (synthetic data), written by 'lowmag demo'"));
        step(
                3,
                "teacher, baseline and students (the experiment)",
                () -> {
                    ExperimentCommand.printDone(
                            new ExperimentRunner(experiment, out.resolve("experiment"), System.err)
                                    .run(config));
                    return 0;
                });
        String mag = Magnification.format(p.studentMags().get(0));
        PredictJob.Config predict = predictConfig(out, data, mag, heldOut);
        step(
                4,
                "classify two held-out slides at " + mag + "x",
                () -> PredictCommand.report(PredictJob.run(predict), data.resolve("labels.csv")));
        DemoSummary.print(out, p, (System.nanoTime() - t0) / 1e9);
        System.out.println(
                "Look at them in a browser: lowmag serve --predictions " + out.resolve("predict"));
        return 0;
    }

    /**
     * The demo's {@code prepare}: the slides of {@code labels-demo.csv} at the teacher's and the
     * students' magnifications.
     */
    private PrepareConfig prepareConfig(Plan p, Path data) {
        List<Double> mags = new ArrayList<>();
        mags.add(p.teacherMag());
        mags.addAll(p.studentMags());
        return new PrepareConfig(
                out.resolve("dataset"),
                mags,
                p.splitFractions(),
                0,
                seed,
                false,
                MagnificationResolver.slideOnly(),
                new PrepareInput.Slides(data, data.resolve("labels-demo.csv")));
    }

    /**
     * The demo's experiment: baseline, KD and KD (aux) (on the unlabelled split) at each student
     * magnification, the paper's network and learning rate; the bootstrap resamples patients when
     * every test tissue has one ({@link #groupBootstrap}).
     *
     * @param dataset the prepared dataset
     * @param p the demo's size
     * @param seed the seed of every run and of the bootstrap
     * @param groupBootstrap whether the bootstrap resamples patients
     * @return the experiment, as {@code experiment.yaml} records it
     */
    static ExperimentConfig experimentConfig(
            Path dataset, Plan p, long seed, boolean groupBootstrap) {
        Map<String, Integer> epochs = new LinkedHashMap<>();
        epochs.put(Arms.TEACHER, p.teacherEpochs());
        epochs.put(Arms.BASELINE, p.studentEpochs());
        epochs.put(Arms.KD, p.studentEpochs());
        epochs.put(Arms.KD_AUX, p.auxEpochs());
        return new ExperimentConfig(
                dataset,
                p.teacherMag(),
                p.studentMags(),
                "paper",
                List.of(Arms.BASELINE, Arms.KD, Arms.KD_AUX),
                List.of("train", "val"),
                List.of(new AuxSet("aux", List.of("unlabeled"), List.of())),
                Ablation.none(),
                epochs,
                p.accumulate(),
                0.001,
                List.of(seed),
                p.bootstrap(),
                groupBootstrap ? BootstrapConfig.Unit.GROUP : BootstrapConfig.Unit.TISSUE,
                1.0,
                ModelSetup.DEFAULT,
                ExperimentConfig.NO_FOLDS);
    }

    /**
     * The demo's {@code predict}: the held-out slides with the student of {@code mag}, heatmaps,
     * and {@code labels.csv} (which lists every synthesized slide, the held-out ones with their
     * labels) as their truth.
     */
    static PredictJob.Config predictConfig(Path out, Path data, String mag, List<String> heldOut)
            throws IOException {
        return new PredictJob.Config(
                out.resolve("experiment/runs/kd+aux-" + mag + "x"),
                heldOut.stream().map(data::resolve).toList(),
                out.resolve("predict"),
                TruthLabels.read(data.resolve("labels.csv")),
                true,
                HeatmapScale.FIXED,
                false,
                MagnificationResolver.slideOnly(),
                TissueParams.defaults(),
                2,
                SlideReaders::open);
    }

    /** One step of the demo: its exit code (0: done). */
    @FunctionalInterface
    private interface Step {
        int run() throws IOException;
    }

    private static void step(int n, String what, Step work) throws IOException {
        System.err.printf(Locale.ROOT, "%n== demo step %d/4: %s%n", n, what);
        long t = System.nanoTime();
        int code;
        try {
            code = work.run();
        } catch (LowMagException e) {
            throw new LowMagException(failed(n, what, e.getMessage()), e);
        }
        if (code != 0) {
            throw new LowMagException(failed(n, what, "exit code " + code));
        }
        System.err.printf(
                Locale.ROOT,
                "== step %d done in %s%n",
                n,
                Progress.formatSeconds((System.nanoTime() - t) / 1e9));
    }

    private static String failed(int n, String what, String why) {
        return "demo step "
                + n
                + " ("
                + what
                + ") failed: "
                + why
                + "; see the messages above. Re-running 'lowmag demo' resumes.";
    }

    /**
     * Writes {@code labels-demo.csv} without the first labelled slide of two classes, which are
     * kept aside for {@code predict}.
     */
    static List<String> holdOut(Path data) throws IOException {
        List<List<String>> rows;
        try (var r = Files.newBufferedReader(data.resolve("labels.csv"), StandardCharsets.UTF_8)) {
            rows = Csv.parse(r);
        }
        List<String> held = new ArrayList<>();
        List<String> seenLabels = new ArrayList<>();
        StringBuilder sb = new StringBuilder(Csv.line(rows.get(0)));
        for (List<String> row : rows.subList(1, rows.size())) {
            String label = row.get(2);
            if (!label.isEmpty() && held.size() < 2 && !seenLabels.contains(label)) {
                held.add(row.get(0));
                seenLabels.add(label);
            } else {
                sb.append(Csv.line(row));
            }
        }
        AtomicFiles.writeString(data.resolve("labels-demo.csv"), sb.toString());
        AtomicFiles.writeString(
                data.resolve("held-out.csv"),
                Csv.line(List.of("slide", "label"))
                        + String.join(
                                "",
                                held.stream()
                                        .map(
                                                s ->
                                                        Csv.line(
                                                                List.of(
                                                                        s,
                                                                        seenLabels.get(
                                                                                held.indexOf(s)))))
                                        .toList()));
        return held;
    }

    /**
     * @param ds the prepared dataset
     * @return whether every labelled test tissue has a group (the manifest's patient): then the
     *     demo's bootstrap resamples groups, since a patient's tissues are not independent
     */
    static boolean groupBootstrap(Dataset ds) {
        List<TissueRecord> test = ds.split("test").stream().filter(TissueRecord::labelled).toList();
        return !test.isEmpty()
                && test.stream().allMatch(t -> t.group() != null && !t.group().isBlank());
    }
}
