package org.lowmag.cli.spark;

import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.lowmag.cli.PrepareOptions;
import org.lowmag.prepare.PrepareConfig;
import org.lowmag.spark.PrepareResults;
import org.lowmag.spark.SlideCutSettings;
import org.lowmag.spark.SparkPrepareJob;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code lowmag-spark prepare --slides}: {@code lowmag prepare}'s flags ({@link PrepareOptions})
 * plus {@code --master}, one Spark task per slide ({@link SparkPrepareJob}).
 */
@Command(
        name = "prepare",
        mixinStandardHelpOptions = true,
        description = {
            "Build a dataset from whole-slide images as 'lowmag prepare --slides' does (the same"
                    + " tissue PNGs, manifest.csv with its splits and dataset.json), one Spark task"
                    + " per slide; also OUT/prepare_results.csv (slide, tissues, images_written,"
                    + " magnification, seconds, status, error). A re-run with the same settings"
                    + " skips the slides cut before (status skipped); a bad slide fails its own row"
                    + " (exit 1 at the end). Slides, labels and OUT must be paths every executor"
                    + " can read and write (a shared filesystem). --images: use 'lowmag prepare'.",
        })
final class SparkPrepareCommand implements Callable<Integer> {

    @Mixin PrepareOptions what;

    @Mixin SparkOptions spark;

    @Spec CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrepareConfig cfg;
        SlideCutSettings s;
        try {
            cfg = what.config(); // the flags read and checked exactly as lowmag prepare reads them
            s = SlideCutSettings.of(cfg, what.slideList());
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        SparkPrepareJob.Outcome o;
        try (SparkSession session = spark.session("lowmag prepare")) {
            o = SparkPrepareJob.run(session, cfg, s);
        }
        System.err.println("wrote " + cfg.out().resolve(PrepareResults.CSV));
        return PrepareOptions.report(cfg, o.result());
    }
}
