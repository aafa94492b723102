package org.lowmag.train;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.io.IOException;
import java.util.LinkedHashMap;
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
     * Trains (or resumes) a run.
     *
     * @param c the configuration
     * @param resume continue from the run folder's checkpoint
     * @return the final loop state
     * @throws IOException when files cannot be written
     */
    public static LoopState run(TrainConfig c, boolean resume) throws IOException {
        return new RunFolder(c.out()).whileLocked(() -> runLocked(c, resume));
    }

    private static LoopState runLocked(TrainConfig c, boolean resume) throws IOException {
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
        RunFolder run = new RunFolder(c.out());
        boolean fromCheckpoint = run.start(resume, c.toMap());
        ImageCache cache = new ImageCache(c.loop().cacheBytes());
        TissueImages unpadded =
                new TissueImages(
                        ds,
                        train,
                        c.magnification(),
                        cache,
                        Padder.none(),
                        c.loop().maxTissuePixels());
        Map<String, Integer> index = ds.classIndex();
        try (NDManager optState = NDManager.newBaseManager();
                LowMagModel model =
                        fromCheckpoint
                                ? LowMagModel.load(Checkpoint.modelDir(run.checkpoint()))
                                : create(c, ds, unpadded)) {
            TissueImages trainImgs = unpadded.withPadder(model.info().padder());
            TissueImages valImgs =
                    new TissueImages(
                            ds,
                            val,
                            c.magnification(),
                            cache,
                            model.info().padder(),
                            c.loop().maxTissuePixels());
            enableGradients(model);
            Adam adam =
                    new Adam(model.net().getParameters(), (float) c.loop().weightDecay(), optState);
            LoopState state =
                    fromCheckpoint
                            ? Checkpoint.restore(run.checkpoint(), adam, optState)
                            : new LoopState();
            EpochTrainer trainer = new EpochTrainer(model, adam, run, c.loop(), train.size());
            SupervisedObjective objective =
                    new SupervisedObjective(
                            model,
                            trainImgs,
                            labels(train, index),
                            c.augmentation(),
                            c.loop().seed(),
                            c.loop().maxBatchPixels(),
                            c.loop().checkpointActivations());
            Validator validator =
                    new Validator(
                            model,
                            valImgs,
                            labels(val, index),
                            index.size(),
                            c.loop().maxBatchPixels());
            trainer.run(state, objective, validator);
            Map<String, Object> done = new LinkedHashMap<>();
            done.put("epochs", state.history().size());
            done.put("best_epoch", state.bestEpoch());
            done.put("best_" + c.loop().select(), state.bestScore());
            run.markDone(done);
            return state;
        }
    }

    private static LowMagModel create(TrainConfig c, Dataset ds, TissueImages trainImgs) {
        Normalization norm = Normalization.of(trainImgs.channelStats());
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
