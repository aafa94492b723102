package org.lowmag.cli.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.lowmag.cli.PredictOptions;
import org.lowmag.dataset.SlideList;
import org.lowmag.infer.PredictJob;
import org.lowmag.infer.SlideMetrics;
import org.lowmag.infer.SlideOutcome;
import org.lowmag.spark.PredictSettings;
import org.lowmag.spark.ResultsTable;
import org.lowmag.spark.SlideStorage;
import org.lowmag.spark.SlideUris;
import org.lowmag.spark.SparkPredictJob;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code lowmag-spark predict}: {@code lowmag predict}'s flags ({@link PredictOptions}) plus {@code
 * --master}, one Spark task per slide ({@link SparkPredictJob}).
 */
@Command(
        name = "predict",
        mixinStandardHelpOptions = true,
        description = {
            "Classify slides as 'lowmag predict' does (same SLIDE.json, SLIDE.geojson, heatmaps"
                    + " and summary.csv), one Spark task per slide, the model loaded once per"
                    + " executor; also OUT/results.parquet and OUT/results.csv (slide, label,"
                    + " p_CLASS, tissues, seconds, status, error, model). Slides may be paths"
                    + " every executor can read or Hadoop FileSystem URIs (hdfs://, s3a://,"
                    + " file://: files, folders, quoted patterns, also in --slide-list); model"
                    + " and OUT must be paths every executor can read and write (a shared"
                    + " filesystem).",
        })
class SparkPredictCommand implements Callable<Integer> {

    @Mixin PredictOptions what;

    @Mixin SparkOptions spark;

    @Mixin SlideStorageOptions storage;

    @Spec CommandSpec spec;

    /**
     * @return whether the slides' labels must be known (evaluate)
     */
    boolean needsTruth() {
        return false;
    }

    @Override
    public Integer call() throws Exception {
        PredictJob.Config c;
        SlideStorage cache;
        try {
            c = what.config(1); // the flags read and checked exactly as lowmag predict reads them
            cache = storage.storage();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        if (needsTruth() && !c.truth().given()) {
            throw new ParameterException(
                    spec.commandLine(),
                    "evaluate needs the slides' labels: --labels CSV, or a --slide-list with a"
                            + " label column");
        }
        List<Path> slides = slides();
        Path out = what.out();
        PredictSettings s =
                new PredictSettings(
                        absolute(c.model()),
                        absolute(out),
                        absolute(what.labels()),
                        c.heatmaps(),
                        c.heatmapScale(),
                        c.force(),
                        boxed(c.magnifications().sourceMag()),
                        boxed(c.magnifications().sourceMpp()),
                        what.minSizePx(),
                        absolute(c.qupath().roi()),
                        what.heatmapTileUm(),
                        absolute(what.slideList()),
                        c.large().maxTissuePx(),
                        c.large().tile());
        PredictJob.Result r;
        try (SparkSession session = spark.session("lowmag predict")) {
            r = SparkPredictJob.run(session, new SparkPredictJob.Config(s, slides, cache));
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
        Path metrics = out.resolve(SlideMetrics.FILE);
        if (Files.isRegularFile(metrics)) {
            System.out.println(SlideMetrics.summaryLine(metrics));
        }
        return r.anyFailed() ? 1 : 0;
    }

    /**
     * @return the slides as typed (a Hadoop FileSystem URI stays a URI; picocli's and the slide
     *     list's paths would have made {@code hdfs://nn/a.svs} a local path), then the list's
     * @throws IOException when the slide list cannot be read
     */
    private List<Path> slides() throws IOException {
        List<Path> slides = new ArrayList<>();
        for (String text : spec.positionalParameters().get(0).originalStringValues()) {
            slides.add(SlideUris.path(text));
        }
        if (what.slideList() != null) {
            slides.addAll(SlideUris.listed(SlideList.read(what.slideList())));
        }
        return slides;
    }

    private static Double boxed(OptionalDouble d) {
        return d.isPresent() ? d.getAsDouble() : null;
    }

    private static String absolute(Path p) {
        return p == null ? null : p.toAbsolutePath().toString();
    }
}
