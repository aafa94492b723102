package org.lowmag.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.lowmag.dataset.Csv;
import org.lowmag.dataset.Dataset;
import org.lowmag.dataset.TissueRecord;
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
     * @param sizeUm slide width,height (um)
     * @param mpp micrometres per pixel of the generated slides
     * @param pieces fewest,most tissue pieces per slide
     * @param tissueUm smallest,largest tissue diameter (um)
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
            String sizeUm,
            double mpp,
            String pieces,
            String tissueUm,
            String splitFractions,
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
                        "2400,1800",
                        1.0,
                        "2,5",
                        "500,2000",
                        "60,20,20",
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
                        "1500,1200",
                        1.0,
                        "1,2",
                        "400,800",
                        "50,15,35",
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
                "synthesize",
                "--out",
                data.toString(),
                "--slides-per-class",
                "" + p.slidesPerClass(),
                "--unlabeled",
                "" + p.unlabeled(),
                "--size-um",
                p.sizeUm(),
                "--mpp",
                "" + p.mpp(),
                "--pieces",
                p.pieces(),
                "--tissue-um",
                p.tissueUm(),
                "--seed",
                "" + seed);
        List<String> heldOut = holdOut(data);
        String mags = formatMags(p);
        step(
                2,
                "prepare the dataset (without "
                        + String.join(" and ", heldOut)
                        + ", held out for prediction in step 4)",
                "prepare",
                "--slides",
                data.toString(),
                "--labels",
                data.resolve("labels-demo.csv").toString(),
                "--mags",
                mags,
                "--split-fractions",
                p.splitFractions(),
                "--seed",
                "" + seed,
                "--out",
                out.resolve("dataset").toString());
        Path config = writeExperimentConfig(p);
        step(
                3,
                "teacher, baseline and students (the experiment)",
                "experiment",
                config.toString(),
                "--out",
                out.resolve("experiment").toString(),
                "--device",
                device.device);
        String mag = org.lowmag.dataset.Magnification.format(p.studentMags().get(0));
        step(
                4,
                "classify two held-out slides at " + mag + "x",
                predictArgs(out, data, mag, heldOut, device.device).toArray(String[]::new));
        DemoSummary.print(out, p, (System.nanoTime() - t0) / 1e9);
        System.out.println(
                "Look at them in a browser: lowmag serve --predictions " + out.resolve("predict"));
        return 0;
    }

    /**
     * The demo's {@code predict}: the held-out slides with the student of {@code mag}, heatmaps,
     * and {@code labels.csv} (which lists every synthesized slide, the held-out ones with their
     * labels) as their truth, on the demo's {@code --device}.
     */
    static List<String> predictArgs(
            Path out, Path data, String mag, List<String> heldOut, String device) {
        List<String> predict =
                new ArrayList<>(
                        List.of(
                                "predict",
                                "--model",
                                out.resolve("experiment/runs/kd+aux-" + mag + "x").toString(),
                                "--heatmap",
                                "--labels",
                                data.resolve("labels.csv").toString(),
                                "--out",
                                out.resolve("predict").toString(),
                                "--device",
                                device));
        heldOut.forEach(s -> predict.add(data.resolve(s).toString()));
        return predict;
    }

    private static String formatMags(Plan p) {
        List<String> m = new ArrayList<>();
        m.add(org.lowmag.dataset.Magnification.format(p.teacherMag()));
        p.studentMags().forEach(x -> m.add(org.lowmag.dataset.Magnification.format(x)));
        return String.join(",", m);
    }

    private void step(int n, String what, String... args) {
        System.err.printf(Locale.ROOT, "%n== demo step %d/4: %s%n", n, what);
        long t = System.nanoTime();
        int code = LowMag.newCommandLine().execute(args);
        if (code != 0) {
            throw new LowMagException(
                    "demo step "
                            + n
                            + " ("
                            + what
                            + ") failed with exit code "
                            + code
                            + "; see the messages above. Re-running 'lowmag demo' resumes.");
        }
        System.err.printf(
                Locale.ROOT,
                "== step %d done in %s%n",
                n,
                Progress.formatSeconds((System.nanoTime() - t) / 1e9));
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

    private Path writeExperimentConfig(Plan p) throws IOException {
        StringBuilder y = new StringBuilder();
        y.append("# LowMag demo experiment (synthetic data), written by 'lowmag demo'\n");
        y.append("dataset: ").append(out.resolve("dataset").toAbsolutePath()).append('\n');
        y.append("teacher_mag: ").append(p.teacherMag()).append('\n');
        y.append("student_mags: ").append(p.studentMags()).append('\n');
        y.append("arch: paper\n");
        y.append("arms: [baseline, kd, kd+aux]\n");
        y.append("kd_splits: [train, val]\n");
        y.append("auxiliary:\n  aux: {splits: [unlabeled]}\n");
        y.append(
                String.format(
                        Locale.ROOT,
                        "epochs: {teacher: %d, baseline: %d, kd: %d, kd+aux: %d}%n",
                        p.teacherEpochs(),
                        p.studentEpochs(),
                        p.studentEpochs(),
                        p.auxEpochs()));
        y.append("accumulate: ").append(p.accumulate()).append('\n');
        y.append("lr: 0.001\n");
        y.append("seed: ").append(seed).append('\n');
        y.append("bootstrap: ").append(p.bootstrap()).append('\n');
        if (groupBootstrap(Dataset.open(out.resolve("dataset")))) {
            y.append(
                    "# the test tissues come from a few patients: resample patients, not tissues\n");
            y.append("bootstrap_unit: group\n");
        }
        Path file = out.resolve("experiment.yaml");
        AtomicFiles.writeString(file, y.toString());
        return file;
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
