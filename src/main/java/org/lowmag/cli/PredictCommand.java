package org.lowmag.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.lowmag.dataset.SlideList;
import org.lowmag.infer.HeatmapScale;
import org.lowmag.infer.PredictJob;
import org.lowmag.infer.QuPathOptions;
import org.lowmag.infer.SlideOutcome;
import org.lowmag.infer.TruthLabels;
import org.lowmag.slide.SlideReaders;
import org.lowmag.tissue.TissueParams;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

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

    @Option(
            names = "--model",
            required = true,
            paramLabel = "RUN",
            description = "Run or model folder.")
    Path model;

    @Parameters(
            arity = "0..*",
            paramLabel = "SLIDE_OR_FOLDER",
            description =
                    "Slides, or folders of slides (files with slide or image extensions); with"
                            + " --slide-list, its slides are added.")
    List<Path> inputs;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder.")
    Path out;

    @Option(names = "--heatmap", description = "Write one class-activation heatmap per class.")
    boolean heatmap;

    @Option(
            names = "--heatmap-scale",
            paramLabel = "fixed|stretch",
            description =
                    "What the heatmaps show (implies --heatmap). fixed (default): the local"
                            + " probability of the class (softmax of the class-activation maps"
                            + " plus the FC bias) on the fixed scale 0 to 1, comparable across"
                            + " classes and slides; stretch: the class activation stretched to"
                            + " each slide's min-max.")
    HeatmapScale heatmapScale;

    @Option(
            names = "--labels",
            paramLabel = "CSV",
            description =
                    "Known slide labels: the slide,patient,label CSV of 'prepare --slides' and"
                            + " 'synthesize'. Slides match by file name without extension; slides"
                            + " it does not list, or lists without a label, have no truth; a"
                            + " label that is not a class of the model is an error.")
    Path labels;

    @Option(
            names = "--roi",
            paramLabel = "FILE.geojson|DIR",
            description =
                    "Classify only the tissue inside these regions: QuPath annotations exported"
                            + " as GeoJSON (level-0 pixels; holes and multipolygons kept), one"
                            + " file for every slide or a folder of SLIDE.geojson files (SLIDE:"
                            + " the slide's file name without extension). Pixels outside them are"
                            + " white in the network's input.")
    Path roi;

    @Option(
            names = "--heatmap-geojson",
            paramLabel = "UM",
            description =
                    "Also write OUT/SLIDE.tiles.geojson: the heatmap as QuPath detection tiles of"
                            + " UM micrometres on a fixed grid, with p_<class> measurements for"
                            + " QuPath's Measurement Maps (implies --heatmap).")
    Double heatmapTileUm;

    @Option(names = "--force", description = "Predict slides whose SLIDE.json exists again.")
    boolean force;

    @Mixin SourceScaleOptions source;

    @Option(
            names = "--min-size",
            paramLabel = "PX",
            description =
                    "Ignore tissue pieces smaller than this many thumbnail pixels (the"
                            + " thumbnail's longest side is 2048 px, or the slide's when smaller);"
                            + " default: LowMag's tissue defaults (pieces under 0.1%% of the"
                            + " thumbnail's area are dropped, as in 'lowmag tissue').")
    Integer minSizePx;

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
        SlideList list = source.list();
        return report(
                r,
                labels != null || list == null || list.labels().isEmpty() ? labels : list.file());
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
        SlideList list = source.list();
        List<Path> slides = new ArrayList<>(inputs == null ? List.of() : inputs);
        if (list != null) {
            slides.addAll(list.slides());
        }
        if (slides.isEmpty()) {
            throw new UsageException("give slides or folders of slides, or --slide-list CSV");
        }
        if (heatmapTileUm != null && !(heatmapTileUm > 0)) {
            throw new UsageException(
                    "--heatmap-geojson must be a positive number of micrometres, got "
                            + heatmapTileUm);
        }
        TruthLabels truth =
                labels != null
                        ? TruthLabels.read(labels)
                        : list != null && !list.labels().isEmpty()
                                ? TruthLabels.of(list.file(), list.labels())
                                : TruthLabels.none();
        return new PredictJob.Config(
                model,
                slides,
                out,
                truth,
                heatmap || heatmapScale != null || heatmapTileUm != null,
                heatmapScale == null ? HeatmapScale.FIXED : heatmapScale,
                force,
                source.resolver(),
                minSizePx == null
                        ? TissueParams.defaults()
                        : TissueParams.defaults()
                                .withMinTissueAreaFraction(0)
                                .withMinTissueSizePx(minSizePx),
                threads,
                SlideReaders::open,
                new QuPathOptions(roi, heatmapTileUm == null ? 0 : heatmapTileUm));
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
