package org.lowmag.train;

import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lowmag.dataset.Augmentation;
import org.lowmag.dataset.Dataset;
import org.lowmag.dataset.Padder;
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
     * Fine-tunes (or resumes).
     *
     * @param modelDir the student's run or model folder
     * @param data the labelled dataset
     * @param out the run folder
     * @param loop optimisation settings
     * @param aug augmentation
     * @param resume continue from the checkpoint
     * @return the final loop state
     * @throws IOException when files cannot be written
     */
    public static LoopState run(
            Path modelDir, Path data, Path out, LoopConfig loop, Augmentation aug, boolean resume)
            throws IOException {
        return new RunFolder(out)
                .whileLocked(() -> runLocked(modelDir, data, out, loop, aug, resume));
    }

    private static LoopState runLocked(
            Path modelDir, Path data, Path out, LoopConfig loop, Augmentation aug, boolean resume)
            throws IOException {
        Dataset ds = Dataset.open(data);
        RunFolder run = new RunFolder(out);
        Map<String, Object> cfg = new LinkedHashMap<>();
        cfg.put("command", "finetune");
        cfg.put("model", modelDir.toAbsolutePath().toString());
        cfg.put("data", data.toAbsolutePath().toString());
        cfg.put("loop", loop);
        cfg.put("augmentation", aug);
        Path base = ModelPaths.resolve(modelDir);
        boolean fromCheckpoint = run.start(resume, cfg);
        Path source = fromCheckpoint ? Checkpoint.modelDir(run.checkpoint()) : base;
        try (NDManager optState = NDManager.newBaseManager();
                LowMagModel model = LowMagModel.load(source)) {
            ModelInfo info = model.info();
            if (!info.classes().equals(ds.info().classes())) {
                throw new LowMagException(
                        "model "
                                + modelDir
                                + " has classes "
                                + info.classes()
                                + " but dataset "
                                + data
                                + " has "
                                + ds.info().classes());
            }
            double mag = info.magnification();
            ds.requireMagnification(mag);
            List<TissueRecord> train = ds.split("train");
            if (train.isEmpty()) {
                throw new LowMagException("dataset " + data + " has no labelled train split");
            }
            model.net().freezeParameters(true);
            model.net().fc().freezeParameters(false);
            TrainJob.enableGradients(model);
            Adam adam = new Adam(model.net().getParameters(), (float) loop.weightDecay(), optState);
            LoopState state =
                    fromCheckpoint
                            ? Checkpoint.restore(run.checkpoint(), adam, optState)
                            : new LoopState();
            ImageCache cache = new ImageCache(loop.cacheBytes());
            Padder padder = info.padder();
            List<TissueRecord> val = ds.split("val");
            TissueImages trainImgs =
                    new TissueImages(ds, train, mag, cache, padder, loop.maxTissuePixels());
            TissueImages valImgs =
                    new TissueImages(ds, val, mag, cache, padder, loop.maxTissuePixels());
            Map<String, Integer> index = ds.classIndex();
            new EpochTrainer(model, adam, run, loop, train.size())
                    .run(
                            state,
                            new SupervisedObjective(
                                    model,
                                    trainImgs,
                                    TrainJob.labels(train, index),
                                    aug,
                                    loop.seed(),
                                    loop.maxBatchPixels(),
                                    loop.checkpointActivations()),
                            new Validator(
                                    model,
                                    valImgs,
                                    TrainJob.labels(val, index),
                                    index.size(),
                                    loop.maxBatchPixels()));
            Map<String, Object> done = new LinkedHashMap<>();
            done.put("epochs", state.history().size());
            done.put("best_epoch", state.bestEpoch());
            run.markDone(done);
            return state;
        }
    }
}
