package org.lowmag.spark;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.lowmag.prepare.PrepareConfig;
import org.lowmag.prepare.PrepareInput;
import org.lowmag.prepare.PrepareItem;
import org.lowmag.prepare.PrepareJob;
import org.lowmag.prepare.SlideReport;
import org.lowmag.prepare.SlideTissueCutter;
import org.lowmag.resample.LanczosResampler;
import org.lowmag.util.AtomicFiles;

/**
 * {@code lowmag-spark prepare --slides}: {@code lowmag prepare --slides} with one Spark task per
 * slide. The driver runs the core's {@link PrepareJob#run(PrepareConfig, List, List,
 * PrepareJob.CutAll)}: it lists the slides ({@link PrepareInput.Slides#items}), assigns the splits,
 * checks and records the settings ({@code prepare.json}), hands the cutting to Spark, and writes
 * {@code manifest.csv} and {@code dataset.json} from the tissues the tasks return, exactly as
 * {@code lowmag prepare}. Each task rebuilds the core's cutter from {@link SlideCutSettings} and
 * cuts its slide through {@link PrepareJob#cutOne} ({@link SlideTissueCutter}): tissue PNGs written
 * atomically under the dataset folder, images already there kept (a re-run with the same settings
 * resumes, a slide with every image on disk counts as skipped), a bad slide failing its own row. A
 * task that Spark runs again (a lost executor) rewrites the same images whole; the driver collects
 * one row per slide and finally deletes the temporary files of killed attempts. The driver also
 * writes {@code OUT/}{@value PrepareResults#CSV}, one row per slide. A task records each slide it
 * cut in the {@link CutJournal}, so that a re-run with the same settings skips the slide without
 * reading it.
 */
public final class SparkPrepareJob {

    private SparkPrepareJob() {}

    /**
     * One task's slide, in a form Spark ships.
     *
     * @param id the slide's id
     * @param file its absolute path
     * @param group its patient
     * @param label its class, or ""
     * @param origin where it was listed
     */
    record SlideTask(String id, String file, String group, String label, String origin)
            implements Serializable {

        private static final long serialVersionUID = 1L;

        static SlideTask of(PrepareItem it) {
            return new SlideTask(
                    it.id(),
                    it.file().toAbsolutePath().toString(),
                    it.group(),
                    it.label(),
                    it.origin());
        }

        PrepareItem item() {
            return new PrepareItem(id, Path.of(file), group, label, origin);
        }
    }

    /**
     * What the job did.
     *
     * @param result the core's outcome (with every slide's report), as {@code lowmag prepare}'s
     * @param rows one row per slide, in the order of the slides
     */
    public record Outcome(PrepareJob.Result result, List<SlideCutRow> rows) {}

    /**
     * Runs the job.
     *
     * @param spark the Spark session (its master decides where the tasks run)
     * @param cfg the settings, as {@code lowmag prepare} reads them from its flags
     * @param s the same settings for the executors ({@link SlideCutSettings#of})
     * @return the outcome
     * @throws IOException when the slides cannot be listed or the dataset files written
     */
    public static Outcome run(SparkSession spark, PrepareConfig cfg, SlideCutSettings s)
            throws IOException {
        if (!(cfg.input() instanceof PrepareInput.Slides in)) {
            throw new IllegalArgumentException("lowmag-spark prepare cuts slides (--slides)");
        }
        Path out = cfg.out();
        List<SlideCutRow> rows = new ArrayList<>();
        PrepareJob.Result r =
                PrepareJob.run(
                        cfg,
                        in.items(),
                        in.sources(),
                        items -> cutOnSpark(spark, s, out, items, rows));
        // a task attempt killed midway (a lost executor) may have left a temporary image
        AtomicFiles.removeLeftovers(out.resolve("tissues"), 2);
        AtomicFiles.removeLeftovers(out.resolve(CutJournal.DIR), 1);
        List<SlideReport> reports =
                rows.stream()
                        .map(SlideCutRow::report)
                        .filter(x -> x != null)
                        .sorted(Comparator.comparing(SlideReport::slideId))
                        .toList();
        PrepareResults.write(out, rows);
        return new Outcome(
                new PrepareJob.Result(
                        r.tissues(), r.failures(), r.sourceMagnifications(), r.gaps(), reports),
                List.copyOf(rows));
    }

    private static List<PrepareJob.ItemOutcome> cutOnSpark(
            SparkSession spark,
            SlideCutSettings s,
            Path out,
            List<PrepareItem> items,
            List<SlideCutRow> rows) {
        List<SlideTask> tasks = items.stream().map(SlideTask::of).toList();
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        jsc.setJobDescription("lowmag prepare: " + tasks.size() + " slides into " + out);
        List<SlideCutRow> got =
                jsc.parallelize(tasks, Math.max(1, tasks.size())).map(t -> cutTask(s, t)).collect();
        rows.addAll(got);
        List<PrepareJob.ItemOutcome> outcomes = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            outcomes.add(got.get(i).outcomeFor(items.get(i)));
        }
        return outcomes;
    }

    /**
     * One task: one slide, through the core's cutter. An error the core does not expect from a
     * slide (a bug on one odd slide) fails that slide's row too, not a job of thousands.
     */
    private static SlideCutRow cutTask(SlideCutSettings s, SlideTask t) {
        try (LanczosResampler resampler = new LanczosResampler(1)) {
            PrepareConfig cfg = s.toConfig();
            PrepareItem item = t.item();
            Optional<SlideCutRow> done = CutJournal.skip(cfg, t.id(), item.file());
            if (done.isPresent()) {
                return done.get();
            }
            SlideTissueCutter cutter = SlideTissueCutter.of(cfg, resampler);
            PrepareJob.ItemOutcome o = PrepareJob.cutOne(cutter, item);
            List<SlideReport> reports = cutter.reports();
            SlideCutRow row =
                    new SlideCutRow(
                            t.id(),
                            o,
                            reports.isEmpty() ? null : reports.get(0),
                            cutter.imagesWritten());
            CutJournal.record(cfg, item.file(), row);
            return row;
        } catch (IOException | RuntimeException e) {
            return new SlideCutRow(t.id(), PrepareJob.ItemOutcome.failed(e.toString()), null, 0);
        }
    }
}
