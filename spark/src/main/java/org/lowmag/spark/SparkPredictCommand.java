package org.lowmag.spark;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.lowmag.infer.HeatmapScale;
import org.lowmag.infer.PredictJob;
import org.lowmag.infer.SlideOutcome;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code lowmag-spark predict}: {@code lowmag predict}'s flags, one Spark task per slide. */
@Command(
        name = "predict",
        mixinStandardHelpOptions = true,
        description = {
            "Classify slides as 'lowmag predict' does (same SLIDE.json, SLIDE.geojson, heatmaps"
                    + " and summary.csv), one Spark task per slide, the model loaded once per"
                    + " executor; also OUT/results.parquet and OUT/results.csv (slide, label,"
                    + " p_CLASS, tissues, seconds, status, error, model). Slides, model and OUT"
                    + " must be paths every executor can read and write (a shared filesystem).",
        })
final class SparkPredictCommand implements Callable<Integer> {

    @Option(
            names = "--model",
            required = true,
            paramLabel = "RUN",
            description = "Run or model folder.")
    Path model;

    @Parameters(
            arity = "1..*",
            paramLabel = "SLIDE_OR_FOLDER",
            description = "Slides, or folders of slides (files with slide or image extensions).")
    List<Path> inputs;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder.")
    Path out;

    @Option(names = "--heatmap", description = "Write one class-activation heatmap per class.")
    boolean heatmap;

    @Option(
            names = "--heatmap-scale",
            paramLabel = "FIXED|STRETCH",
            description = "What the heatmaps show (implies --heatmap), as in 'lowmag predict'.")
    HeatmapScale heatmapScale;

    @Option(
            names = "--labels",
            paramLabel = "CSV",
            description = "Known slide labels (slide,patient,label), as in 'lowmag predict'.")
    Path labels;

    @Option(names = "--force", description = "Predict slides done before again.")
    boolean force;

    @Option(
            names = "--source-mag",
            paramLabel = "M",
            description = "Magnification of the slides' level 0 (overrides what they record).")
    Double sourceMag;

    @Option(
            names = "--source-mpp",
            paramLabel = "UM",
            description = "Micrometres per level-0 pixel (instead of --source-mag).")
    Double sourceMpp;

    @Option(
            names = "--min-size",
            paramLabel = "PX",
            description = "Ignore tissue pieces smaller than this many thumbnail pixels.")
    Integer minSizePx;

    @Mixin SparkOptions spark;

    @Override
    public Integer call() throws Exception {
        PredictSettings s =
                new PredictSettings(
                        model.toAbsolutePath().toString(),
                        out.toAbsolutePath().toString(),
                        labels == null ? null : labels.toAbsolutePath().toString(),
                        heatmap || heatmapScale != null,
                        heatmapScale == null ? HeatmapScale.FIXED : heatmapScale,
                        force,
                        sourceMag,
                        sourceMpp,
                        minSizePx);
        PredictJob.Result r;
        try (SparkSession session = spark.session("lowmag predict")) {
            r = SparkPredictJob.run(session, new SparkPredictJob.Config(s, inputs));
        }
        int[] n = new int[SlideOutcome.Status.values().length];
        for (SlideOutcome o : r.slides()) {
            n[o.status().ordinal()]++;
            if (o.status() == SlideOutcome.Status.FAILED) {
                System.err.println(o.name() + ": FAILED: " + o.message());
            }
        }
        System.out.printf(
                Locale.ROOT,
                "%d predicted, %d skipped (already done; --force redoes them), %d failed; wrote"
                        + " %s, %s and %s%n",
                n[SlideOutcome.Status.OK.ordinal()],
                n[SlideOutcome.Status.SKIPPED.ordinal()],
                n[SlideOutcome.Status.FAILED.ordinal()],
                r.summary(),
                out.resolve(ResultsTable.PARQUET),
                out.resolve(ResultsTable.CSV));
        return r.anyFailed() ? 1 : 0;
    }
}
