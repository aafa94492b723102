package org.lowmag.spark;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.lowmag.infer.PredictJob;
import org.lowmag.infer.PredictSession;
import org.lowmag.infer.SlideInputs;
import org.lowmag.infer.SlideOutcome;
import org.lowmag.model.ModelPaths;
import org.lowmag.util.AtomicFiles;
import org.lowmag.util.FolderLock;
import scala.Tuple2;

/**
 * {@code lowmag-spark predict}: {@code lowmag predict} with one Spark task per slide. The driver
 * lists the slides (local ones with {@link SlideInputs}, as {@code lowmag predict}; Hadoop
 * FileSystem URIs with {@link SlideUris}), holds the output folder's lock ({@link
 * PredictJob#LOCK_FILE}, so a {@code lowmag predict} and a {@code lowmag-spark predict} never write
 * one folder at once) and checks the labels; each task predicts its slide with its executor's model
 * ({@link ExecutorSessions}, loaded once per executor) through the core's {@link
 * org.lowmag.infer.PredictSession}, which writes {@code SLIDE.json}, {@code SLIDE.geojson} and
 * heatmaps atomically, skips a slide done before by the same model and settings and turns a bad
 * slide into a failed row. The driver then writes {@code summary.csv} (as {@code lowmag predict})
 * and the results table ({@link ResultsTable}). A task that Spark runs again (a lost executor)
 * rewrites the same files whole: a reader never sees a torn output, and the table holds each slide
 * once.
 */
public final class SparkPredictJob {

    private SparkPredictJob() {}

    /**
     * Settings.
     *
     * @param settings the prediction settings (paths every executor can read)
     * @param inputs slide files, folders and patterns, as {@code lowmag predict} takes them, and
     *     Hadoop FileSystem URIs of slides, folders and patterns ({@link SlideUris#path})
     * @param storage the executors' local cache for slides read from URIs by backends that need a
     *     file
     */
    public record Config(PredictSettings settings, List<Path> inputs, SlideStorage storage) {

        /** Copies. */
        public Config {
            inputs = List.copyOf(inputs);
        }

        /**
         * @param settings the prediction settings
         * @param inputs the slides
         */
        public Config(PredictSettings settings, List<Path> inputs) {
            this(settings, inputs, SlideStorage.defaults());
        }
    }

    /**
     * Runs the job.
     *
     * @param spark the Spark session (its master decides where the tasks run)
     * @param c the settings
     * @return every slide's outcome in input order, {@code summary.csv} and the model's classes
     * @throws IOException when the output folder cannot be written
     */
    public static PredictJob.Result run(SparkSession spark, Config c) throws IOException {
        Path out = c.settings().outDir();
        return FolderLock.holding(
                out,
                PredictJob.LOCK_FILE,
                "another prediction is writing into "
                        + out
                        + " now: wait for it to end, or choose another --out",
                () -> runLocked(spark, c));
    }

    private static PredictJob.Result runLocked(SparkSession spark, Config c) throws IOException {
        PredictSettings s = c.settings();
        Path out = s.outDir();
        Map<String, Path> slides =
                SlideUris.expand(c.inputs(), out, spark.sparkContext().hadoopConfiguration());
        AtomicFiles.removeLeftovers(out, 1);
        List<String> classes = ModelPaths.readInfo(Path.of(s.model())).classes();
        s.toConfig(c.inputs(), 1).truth().check(List.copyOf(slides.keySet()), classes);
        List<Tuple2<String, String>> tasks = new ArrayList<>();
        // a local path as an absolute path, a URI as its text (SlideUris.parse reads both)
        slides.forEach((name, p) -> tasks.add(new Tuple2<>(name, p.toAbsolutePath().toString())));
        SlideStorage storage = c.storage(); // the task captures it, not the inputs
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        jsc.setJobDescription("lowmag predict: " + tasks.size() + " slides into " + out);
        List<SlideRow> rows =
                jsc.parallelize(tasks, tasks.size()).map(t -> predictTask(s, storage, t)).collect();
        List<SlideOutcome> outcomes = new ArrayList<>();
        for (SlideRow r : rows) {
            outcomes.add(r.outcome(slides.get(r.name())));
        }
        // a task attempt killed midway (a lost executor) may have left a temporary file
        AtomicFiles.removeLeftovers(out, 1);
        Path summary = PredictJob.writeSummary(out, classes, outcomes);
        ResultsTable.write(spark, out, classes, outcomes);
        return new PredictJob.Result(outcomes, summary, classes);
    }

    /**
     * One task: one slide, with the executor's model. An error the core does not expect from a
     * slide (a bug on one odd slide) fails that slide's row too, not a job of thousands.
     */
    private static SlideRow predictTask(
            PredictSettings s, SlideStorage storage, Tuple2<String, String> t) {
        Path slide = SlideUris.parse(t._2());
        PredictSession session = ExecutorSessions.of(s, storage, slide);
        try {
            return SlideRow.of(session.predict(t._1(), slide));
        } catch (RuntimeException e) {
            String truth = session.truth(t._1());
            return SlideRow.of(
                    SlideOutcome.failed(
                            slide, t._1(), e.toString(), truth, session.origin().modelPath()));
        }
    }
}
