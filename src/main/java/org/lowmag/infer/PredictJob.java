package org.lowmag.infer;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.lowmag.slide.MagnificationResolver;
import org.lowmag.slide.SlideReaders;
import org.lowmag.tissue.TissueParams;
import org.lowmag.util.AtomicFiles;
import org.lowmag.util.FolderLock;
import org.lowmag.util.LowMagException;
import org.lowmag.util.Progress;

/**
 * {@code lowmag predict}: classifies every tissue of every slide at the model's magnification and
 * writes, per slide, {@code SLIDE.json}, {@code SLIDE.geojson} and (optionally) one heatmap per
 * class, then {@code summary.csv} over all slides. Slides run {@code threads} at a time; a slide
 * that fails is reported in the summary and the others go on; a slide whose {@code SLIDE.json} was
 * made by the same model and settings ({@link PredictionOrigin}) is skipped unless {@code force},
 * one made by another is predicted again. {@code summary.csv} lists every slide predicted into the
 * folder, also by earlier runs ({@link EarlierPredictions}), each with its model. The folder is
 * locked ({@value #LOCK_FILE}) while the job runs. With known labels ({@code --labels}) each
 * slide's truth is written beside its label and the slides classified correctly are counted.
 */
public final class PredictJob {

    /** Lock file that keeps two predictions out of one output folder. */
    public static final String LOCK_FILE = ".predict.lock";

    private PredictJob() {}

    /**
     * Settings.
     *
     * @param model run or model folder
     * @param inputs slide files and folders
     * @param out output folder
     * @param truth known slide labels ({@link TruthLabels#none()} when not given)
     * @param heatmaps whether to write class-activation heatmaps
     * @param heatmapScale what the heatmaps' colours show
     * @param force whether to predict slides whose JSON exists again
     * @param magnifications the user's {@code --source-mag}/{@code --source-mpp}
     * @param tissue tissue detection parameters (tissueloc's defaults in normal use)
     * @param threads slides predicted at once, at least 1
     * @param opener opens slides ({@link SlideReaders#open} in normal use)
     * @param qupath regions of interest and GeoJSON heatmap tiles ({@link QuPathOptions#none()}:
     *     neither); tiles need {@code heatmaps}
     * @param large the most pixels of a tissue in one forward pass, and whether a larger tissue is
     *     tiled or refuses its slide ({@link LargeTissues#defaults()}: refused over 2^23 px)
     */
    public record Config(
            Path model,
            List<Path> inputs,
            Path out,
            TruthLabels truth,
            boolean heatmaps,
            HeatmapScale heatmapScale,
            boolean force,
            MagnificationResolver magnifications,
            TissueParams tissue,
            int threads,
            SlidePredictor.SlideOpener opener,
            QuPathOptions qupath,
            LargeTissues large) {

        /** Validates. */
        public Config {
            inputs = List.copyOf(inputs);
            if (qupath.heatmapTileUm() > 0 && !heatmaps) {
                throw new IllegalArgumentException(
                        "GeoJSON heatmap tiles need the heatmaps (--heatmap)");
            }
            if (inputs.isEmpty()) {
                throw new IllegalArgumentException("give at least one slide or folder");
            }
            if (threads < 1) {
                throw new IllegalArgumentException("--threads must be at least 1, got " + threads);
            }
        }

        /**
         * Settings without regions of interest or GeoJSON heatmap tiles, with the default limit on
         * large tissues ({@link LargeTissues#defaults()}).
         *
         * @param model run or model folder
         * @param inputs slide files and folders
         * @param out output folder
         * @param truth known slide labels
         * @param heatmaps whether to write class-activation heatmaps
         * @param heatmapScale what the heatmaps' colours show
         * @param force whether to predict slides whose JSON exists again
         * @param magnifications the user's {@code --source-mag}/{@code --source-mpp}
         * @param tissue tissue detection parameters
         * @param threads slides predicted at once
         * @param opener opens slides
         */
        public Config(
                Path model,
                List<Path> inputs,
                Path out,
                TruthLabels truth,
                boolean heatmaps,
                HeatmapScale heatmapScale,
                boolean force,
                MagnificationResolver magnifications,
                TissueParams tissue,
                int threads,
                SlidePredictor.SlideOpener opener) {
            this(
                    model,
                    inputs,
                    out,
                    truth,
                    heatmaps,
                    heatmapScale,
                    force,
                    magnifications,
                    tissue,
                    threads,
                    opener,
                    QuPathOptions.none(),
                    LargeTissues.defaults());
        }

        /**
         * @param model run or model folder
         * @param inputs slide files and folders
         * @param out output folder
         * @return settings with the defaults: no known labels, no heatmaps (fixed scale when asked
         *     for), no force, magnification from the slide, tissueloc's detection, 2 threads,
         *     {@link SlideReaders#open}
         */
        public static Config of(Path model, List<Path> inputs, Path out) {
            return new Config(
                    model,
                    inputs,
                    out,
                    TruthLabels.none(),
                    false,
                    HeatmapScale.FIXED,
                    false,
                    MagnificationResolver.slideOnly(),
                    TissueParams.defaults(),
                    2,
                    SlideReaders::open);
        }
    }

    /**
     * The outcome.
     *
     * @param slides each slide's outcome, in input order
     * @param summary the {@code summary.csv} written
     * @param classes the model's classes
     */
    public record Result(List<SlideOutcome> slides, Path summary, List<String> classes) {

        /**
         * @return whether any slide failed
         */
        public boolean anyFailed() {
            return slides.stream().anyMatch(s -> s.status() == SlideOutcome.Status.FAILED);
        }

        /**
         * @return slides classified whose truth is known ({@link SlideOutcome#judged})
         */
        public int judged() {
            return (int) slides.stream().filter(SlideOutcome::judged).count();
        }

        /**
         * @return slides classified correctly ({@link SlideOutcome#correct})
         */
        public int correct() {
            return (int) slides.stream().filter(SlideOutcome::correct).count();
        }
    }

    /**
     * Runs the job.
     *
     * @param c the settings
     * @return the outcome
     * @throws IOException when the output folder or summary cannot be written
     * @throws LowMagException when a known label is not a class of the model
     */
    public static Result run(Config c) throws IOException {
        return FolderLock.holding(
                c.out(),
                LOCK_FILE,
                "another 'lowmag predict' is writing into "
                        + c.out()
                        + " now: wait for it to end, or choose another --out",
                () -> runLocked(c));
    }

    private static Result runLocked(Config c) throws IOException {
        Map<String, Path> slides = SlideInputs.expand(c.inputs(), c.out());
        AtomicFiles.removeLeftovers(c.out(), 1);
        try (PredictSession session = PredictSession.open(c, true)) {
            List<String> classes = session.info().classes();
            c.truth().check(List.copyOf(slides.keySet()), classes);
            List<SlideOutcome> outcomes =
                    runAll(c, slides, s -> session.predict(s.getKey(), s.getValue()));
            return new Result(outcomes, writeSummary(c.out(), classes, outcomes), classes);
        }
    }

    /**
     * Writes {@code OUT/summary.csv}: this run's slides in order, then those predicted into the
     * folder by earlier runs ({@link EarlierPredictions}); and, over the same slides, the
     * slide-level metrics against their known labels ({@link SlideMetrics}, {@code
     * OUT/slide_metrics.json}) when any slide's truth is known.
     *
     * @param out the output folder
     * @param classes the model's classes
     * @param outcomes this run's slides
     * @return the file written
     * @throws IOException when it cannot be written
     */
    public static Path writeSummary(Path out, List<String> classes, List<SlideOutcome> outcomes)
            throws IOException {
        Path summary = out.resolve("summary.csv");
        List<SlideOutcome> rows = new ArrayList<>(outcomes);
        Set<String> names = new HashSet<>();
        outcomes.forEach(o -> names.add(o.name()));
        rows.addAll(EarlierPredictions.read(out, names, classes));
        SummaryCsv.write(summary, classes, rows);
        SlideMetrics.write(out, rows, classes);
        return summary;
    }

    /** One slide's work. */
    private interface SlideTask {
        SlideOutcome run(Map.Entry<String, Path> slide);
    }

    private static List<SlideOutcome> runAll(Config c, Map<String, Path> slides, SlideTask task) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(c.threads(), slides.size()));
        try (Progress bar = new Progress("predict", slides.size(), "slides")) {
            List<Future<SlideOutcome>> futures = new ArrayList<>();
            for (Map.Entry<String, Path> s : slides.entrySet()) {
                futures.add(
                        pool.submit(
                                () -> {
                                    SlideOutcome o = task.run(s);
                                    bar.step();
                                    return o;
                                }));
            }
            List<SlideOutcome> out = new ArrayList<>();
            for (Future<SlideOutcome> f : futures) {
                out.add(get(f));
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    private static SlideOutcome get(Future<SlideOutcome> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while predicting slides", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException("prediction failed: " + e.getCause(), e.getCause());
        }
    }
}
