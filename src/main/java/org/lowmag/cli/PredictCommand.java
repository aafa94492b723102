package org.lowmag.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.lowmag.infer.PredictJob;
import org.lowmag.infer.SlideMetrics;
import org.lowmag.infer.SlideOutcome;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code lowmag predict}: classify the tissues of new slides. */
@Command(
        name = "predict",
        mixinStandardHelpOptions = true,
        description = {
            "Classify slides at the model's magnification: find the tissue pieces on a thumbnail"
                    + " (tissueloc's method), read each whole piece from the coarsest pyramid"
                    + " level that is at least as fine as the model's magnification, Lanczos-3"
                    + " resample the rest (as the training images were) and classify it. The"
                    + " slide label is the class with the highest area-weighted mean probability"
                    + " over its tissues.",
            "",
            "Writes, per slide, OUT/SLIDE.json (slide label and probabilities, every tissue with"
                    + " its level-0 box, size, label, probabilities and seconds), OUT/SLIDE.geojson"
                    + " (tissue outlines in level-0 pixels, classified, for QuPath's import), with"
                    + " --heatmap OUT/SLIDE.heatmap.CLASS.png (class-activation maps over the"
                    + " thumbnail, with a title and a colour bar), and OUT/summary.csv over all"
                    + " slides. A slide that fails is reported and skipped (exit code 1 at the"
                    + " end); slides whose SLIDE.json exists are skipped unless --force. With"
                    + " --heatmap-geojson also OUT/SLIDE.tiles.geojson (heatmap tiles for QuPath).",
            "",
            "With --labels, each slide whose label is known is judged: its truth is shown beside"
                    + " the prediction (console, summary.csv columns truth and correct, SLIDE.json)"
                    + " and the slides classified correctly are counted; a --slide-list with a"
                    + " label column serves as --labels.",
        })
final class PredictCommand implements Callable<Integer> {

    @Mixin PredictOptions what;

    @Option(
            names = "--threads",
            defaultValue = "2",
            paramLabel = "N",
            description = "Slides predicted at once (default: ${DEFAULT-VALUE}).")
    int threads;

    @Mixin DeviceOption device;

    @Override
    public Integer call() throws Exception {
        device.apply();
        PredictJob.Result r = PredictJob.run(UsageException.fromFlags(this::config));
        return report(r, what.truthFile());
    }

    /**
     * Prints one line per slide, the counts and (with truth labels) the judgement.
     *
     * @param r the outcome
     * @param labels the truth labels file (null: none)
     * @return the exit code: 1 when a slide failed
     */
    static int report(PredictJob.Result r, Path labels) {
        int ok = 0;
        int skipped = 0;
        int failed = 0;
        for (SlideOutcome o : r.slides()) {
            switch (o.status()) {
                case OK -> ok++;
                case SKIPPED -> skipped++;
                case FAILED -> failed++;
            }
            if (o.status() == SlideOutcome.Status.FAILED) {
                System.err.println(line(o, r.classes()));
            } else {
                System.out.println(line(o, r.classes()));
            }
        }
        System.out.printf(
                Locale.ROOT,
                "%d predicted, %d skipped (already done; --force redoes them), %d failed; wrote"
                        + " %s%n",
                ok,
                skipped,
                failed,
                r.summary());
        if (labels != null) {
            System.out.println(judgement(r, labels));
            Path metrics = r.summary().resolveSibling(SlideMetrics.FILE);
            if (Files.isRegularFile(metrics)) {
                System.out.println(SlideMetrics.summaryLine(metrics));
            }
        }
        return r.anyFailed() ? LowMag.EXIT_FAILURE : 0;
    }

    private static String line(SlideOutcome o, List<String> classes) {
        if (o.status() == SlideOutcome.Status.FAILED) {
            return o.name() + ": FAILED: " + o.message();
        }
        int k = classes.indexOf(o.label());
        return String.format(
                Locale.ROOT,
                "%s: %s (p=%.3f)%s, %d tissue%s, %.1f s%s",
                o.name(),
                o.label(),
                k < 0 ? Double.NaN : o.probabilities()[k],
                o.judged() ? ", truth " + o.truth() + (o.correct() ? ": ok" : ": WRONG") : "",
                o.tissues(),
                o.tissues() == 1 ? "" : "s",
                o.seconds(),
                o.status() == SlideOutcome.Status.SKIPPED ? " (skipped: done before)" : "");
    }

    private PredictJob.Config config() throws IOException {
        return what.config(threads);
    }

    /**
     * @param r the job's outcome
     * @param labels the {@code --labels} file
     * @return {@code N of M slides with known truth classified correctly}, or why none was judged
     */
    static String judgement(PredictJob.Result r, Path labels) {
        if (r.judged() == 0) {
            return "no slide classified has a label in "
                    + labels
                    + " (slides match by file name without extension)";
        }
        return String.format(
                Locale.ROOT,
                "%d of %d slide%s with known truth classified correctly",
                r.correct(),
                r.judged(),
                r.judged() == 1 ? "" : "s");
    }
}
