package org.lowmag.train;

import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.lowmag.dataset.Dataset;
import org.lowmag.dataset.Padder;
import org.lowmag.dataset.TissueRecord;
import org.lowmag.model.Engines;
import org.lowmag.model.LowMagModel;
import org.lowmag.model.ModelInfo;
import org.lowmag.model.Normalization;
import org.lowmag.util.LowMagException;
import org.lowmag.util.Provenance;

/** {@code lowmag train}: a teacher or a baseline, from He initialisation, with cross-entropy. */
public final class TrainJob {

    private TrainJob() {}

    /**
     * Trains (or, with {@link TrainConfig#resume}, resumes) a run.
     *
     * @param c the configuration
     * @return the final loop state
     * @throws IOException when files cannot be written
     */
    public static LoopState run(TrainConfig c) throws IOException {
        return new RunFolder(c.out()).whileLocked(() -> runLocked(c));
    }

    private static LoopState runLocked(TrainConfig c) throws IOException {
        Dataset ds = Dataset.open(c.data());
        ds.requireMagnification(c.magnification());
        List<TissueRecord> train = ds.split("train");
        if (train.isEmpty()) {
            throw new LowMagException(
                    "dataset "
                            + c.data()
                            + " has no tissues in its train split: prepare it with"
                            + " a non-zero training fraction");
        }
        List<TissueRecord> val = ds.split("val");
        TrainingRun run =
                TrainingRun.start(new RunFolder(c.out()), c.loop(), c.resume(), c.toMap());
        return run.train(
                new Plan(
                        c,
                        ds,
                        train,
                        val,
                        run,
                        run.images(ds, train, c.magnification(), Padder.none())));
    }

    /**
     * Cross-entropy on the train split, from a fresh model with the train split's statistics.
     *
     * @param c the configuration
     * @param ds the dataset
     * @param train its train split
     * @param val its validation split
     * @param run the run
     * @param unpadded the training images, before the model's padding is known
     */
    private record Plan(
            TrainConfig c,
            Dataset ds,
            List<TissueRecord> train,
            List<TissueRecord> val,
            TrainingRun run,
            TissueImages unpadded)
            implements TrainingRun.Plan {

        @Override
        public LowMagModel create() {
            Normalization norm = Normalization.of(unpadded.channelStats());
            ModelInfo info =
                    new ModelInfo(
                            ModelInfo.FORMAT_VERSION,
                            c.architecture(),
                            ds.info().classes(),
                            c.magnification(),
                            norm,
                            c.role(),
                            c.loop().seed(),
                            c.toMap(),
                            Provenance.current().toMap());
            Engines.seed(c.loop().seed());
            return LowMagModel.create(info, c.setup().init());
        }

        @Override
        public EpochTrainer.Objective objective(LowMagModel model) {
            return run.supervised(
                    model,
                    unpadded.withPadder(model.info().padder()),
                    labels(train, ds.classIndex()),
                    c.augmentation());
        }

        @Override
        public EpochTrainer.Validation validation(LowMagModel model) {
            Map<String, Integer> index = ds.classIndex();
            return run.validator(
                    model,
                    run.images(ds, val, c.magnification(), model.info().padder()),
                    labels(val, index),
                    index.size());
        }

        @Override
        public int trainCount() {
            return train.size();
        }

        @Override
        public void summarise(LoopState state, Map<String, Object> done) {
            done.put("best_" + c.loop().select(), state.bestScore());
        }
    }

    /**
     * Makes every unfrozen parameter record gradients (a loaded model's arrays do not by default).
     *
     * @param model the model
     */
    static void enableGradients(LowMagModel model) {
        for (Pair<String, Parameter> p : model.net().getParameters()) {
            if (p.getValue().requiresGradient()) {
                p.getValue().getArray().setRequiresGradient(true);
            }
        }
    }

    static int[] labels(List<TissueRecord> tissues, Map<String, Integer> index) {
        int[] y = new int[tissues.size()];
        for (int i = 0; i < y.length; i++) {
            TissueRecord t = tissues.get(i);
            Integer k = index.get(t.label());
            if (k == null) {
                throw new LowMagException(
                        "tissue "
                                + t.id()
                                + " has no known label ('"
                                + t.label()
                                + "'); labelled splits need one of "
                                + index.keySet());
            }
            y[i] = k;
        }
        return y;
    }
}
