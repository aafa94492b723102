package org.lowmag.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.lowmag.dataset.Dataset;
import org.lowmag.dataset.TissueRecord;
import org.lowmag.model.LowMagModel;
import org.lowmag.model.ModelInfo;
import org.lowmag.model.ModelPaths;
import org.lowmag.util.LowMagException;

/**
 * {@code lowmag finetune} (paper section 3.4): every weight of a distilled student frozen but the
 * fully connected layer's, trained with Adam and cross-entropy on the labelled train split at the
 * student's magnification, with the usual augmentation.
 */
public final class FinetuneJob {

    private FinetuneJob() {}

    /**
     * Fine-tunes (or, with {@link FinetuneConfig#resume}, resumes).
     *
     * @param c the configuration
     * @return the final loop state
     * @throws IOException when files cannot be written
     */
    public static LoopState run(FinetuneConfig c) throws IOException {
        return new RunFolder(c.out()).whileLocked(() -> runLocked(c));
    }

    private static LoopState runLocked(FinetuneConfig c) throws IOException {
        Dataset ds = Dataset.open(c.data());
        Path base = ModelPaths.resolve(c.model());
        TrainingRun run =
                TrainingRun.start(new RunFolder(c.out()), c.loop(), c.resume(), c.toMap());
        return run.train(new Plan(c, ds, base, run, ds.split("train")));
    }

    /**
     * Cross-entropy on the train split through the student's fully connected layer alone.
     *
     * @param c the configuration
     * @param ds the dataset
     * @param base the student's model folder
     * @param run the run
     * @param train the dataset's train split
     */
    private record Plan(
            FinetuneConfig c, Dataset ds, Path base, TrainingRun run, List<TissueRecord> train)
            implements TrainingRun.Plan {

        @Override
        public LowMagModel create() {
            return LowMagModel.load(base);
        }

        @Override
        public void prepare(LowMagModel model) {
            ModelInfo info = model.info();
            if (!info.classes().equals(ds.info().classes())) {
                throw new LowMagException(
                        "model "
                                + c.model()
                                + " has classes "
                                + info.classes()
                                + " but dataset "
                                + c.data()
                                + " has "
                                + ds.info().classes());
            }
            ds.requireMagnification(info.magnification());
            if (train.isEmpty()) {
                throw new LowMagException("dataset " + c.data() + " has no labelled train split");
            }
            model.net().freezeParameters(true);
            model.net().fc().freezeParameters(false);
        }

        @Override
        public EpochTrainer.Objective objective(LowMagModel model) {
            return run.supervised(
                    model,
                    images(model, train),
                    TrainJob.labels(train, ds.classIndex()),
                    c.augmentation());
        }

        @Override
        public EpochTrainer.Validation validation(LowMagModel model) {
            List<TissueRecord> val = ds.split("val");
            Map<String, Integer> index = ds.classIndex();
            return run.validator(
                    model, images(model, val), TrainJob.labels(val, index), index.size());
        }

        private TissueImages images(LowMagModel model, List<TissueRecord> tissues) {
            return run.images(ds, tissues, model.info().magnification(), model.info().padder());
        }

        @Override
        public int trainCount() {
            return train.size();
        }
    }
}
