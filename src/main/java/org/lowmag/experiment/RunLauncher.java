package org.lowmag.experiment;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.lowmag.dataset.Augmentation;
import org.lowmag.distill.DistillConfig;
import org.lowmag.distill.PixelNorm;
import org.lowmag.infer.EvaluateJob;
import org.lowmag.train.DistillJob;
import org.lowmag.train.DistillRunConfig;
import org.lowmag.train.FinetuneConfig;
import org.lowmag.train.FinetuneJob;
import org.lowmag.train.LoopConfig;
import org.lowmag.train.TrainConfig;
import org.lowmag.train.TrainJob;

/**
 * Turns a {@link RunSpec} into the job that makes it ({@link TrainJob}, {@link DistillJob} or
 * {@link FinetuneJob}) with the experiment's settings, and evaluates a finished run on the test
 * split ({@link EvaluateJob}). A run of fold {@code k} trains, distils, fine-tunes and is evaluated
 * on that fold's view of the dataset ({@link ExperimentLayout#foldDataset}), so its test split is
 * fold {@code k}. Every run uses {@link Augmentation#paperDefault()} and the paper's squared-error
 * pixel loss.
 */
final class RunLauncher {

    /** The split every run is evaluated on. */
    static final String TEST_SPLIT = "test";

    private final ExperimentConfig config;
    private final ExperimentLayout layout;

    RunLauncher(ExperimentConfig config, ExperimentLayout layout) {
        this.config = config;
        this.layout = layout;
    }

    /**
     * @param r a run
     * @return the settings its {@code config.json} holds (as the job writes them)
     */
    Map<String, Object> expectedConfig(RunSpec r) {
        return switch (r.kind()) {
            case TRAIN -> trainConfig(r, false).toMap();
            case DISTILL -> distillConfig(r, false).toMap();
            case FINETUNE -> finetuneConfig(r, false).toMap();
        };
    }

    /**
     * Makes (or resumes) a run.
     *
     * @param r the run
     * @param resume continue from its checkpoint
     * @throws IOException when files cannot be written
     */
    void make(RunSpec r, boolean resume) throws IOException {
        switch (r.kind()) {
            case TRAIN -> TrainJob.run(trainConfig(r, resume));
            case DISTILL -> DistillJob.run(distillConfig(r, resume));
            case FINETUNE -> FinetuneJob.run(finetuneConfig(r, resume));
        }
    }

    /**
     * Evaluates a finished run's best model on the test split into {@code eval/<name>}.
     *
     * @param r the run
     * @return the {@code metrics.json} tree
     * @throws IOException when files cannot be written
     */
    Map<String, Object> evaluate(RunSpec r) throws IOException {
        return EvaluateJob.run(
                new EvaluateJob.Config(
                        layout.runDir(r.name()),
                        dataset(r),
                        TEST_SPLIT,
                        layout.evalDir(r.name()),
                        config.bootstrapConfig(),
                        LoopConfig.paperDefaults().maxBatchPixels()));
    }

    /**
     * @param r a run
     * @return the dataset it trains and is evaluated on: its fold's view, or the configured one
     */
    Path dataset(RunSpec r) {
        return r.hasFold() ? layout.foldDataset(r.fold()) : config.dataset();
    }

    private LoopConfig loop(RunSpec r) {
        return config.loop(r.epochs(), r.seed());
    }

    private TrainConfig trainConfig(RunSpec r, boolean resume) {
        return new TrainConfig(
                dataset(r),
                r.magnification(),
                layout.runDir(r.name()),
                config.arch(),
                loop(r),
                Augmentation.paperDefault(),
                r.arm().equals(Arms.TEACHER) ? Arms.TEACHER : Arms.BASELINE,
                config.setup(),
                resume);
    }

    private DistillRunConfig distillConfig(RunSpec r, boolean resume) {
        return new DistillRunConfig(
                layout.runDir(r.source()),
                dataset(r),
                r.splits(),
                r.unlabeled(),
                r.magnification(),
                layout.runDir(r.name()),
                config.arch(),
                new DistillConfig(config.temperature(), r.resize(), PixelNorm.L2),
                loop(r),
                Augmentation.paperDefault(),
                config.setup(),
                resume);
    }

    private FinetuneConfig finetuneConfig(RunSpec r, boolean resume) {
        return new FinetuneConfig(
                layout.runDir(r.source()),
                dataset(r),
                layout.runDir(r.name()),
                loop(r),
                Augmentation.paperDefault(),
                resume);
    }

    /**
     * @param p a path
     * @return it absolute and normalised
     */
    static Path abs(Path p) {
        return p.toAbsolutePath().normalize();
    }
}
