package org.lowmag.train;

import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lowmag.dataset.Augmentation;
import org.lowmag.dataset.Dataset;
import org.lowmag.dataset.Padder;
import org.lowmag.dataset.TissueRecord;
import org.lowmag.model.LowMagModel;

/**
 * The lifecycle that {@link TrainJob}, {@link DistillJob} and {@link FinetuneJob} share around
 * {@link EpochTrainer}: the run folder is started (or resumed, {@link RunFolder#start}), the model
 * is loaded from the checkpoint or made afresh, its optimiser (and the optimiser's state) set up
 * and restored, the epochs run, and {@code DONE} written. What differs between the jobs is a {@link
 * Plan}. Images are read through one {@link ImageCache} per run ({@link #images}).
 */
record TrainingRun(RunFolder folder, LoopConfig loop, ImageCache cache, boolean fromCheckpoint) {

    /** What one kind of run adds to the shared lifecycle. */
    interface Plan {
        /**
         * @return the model of a run that starts from epoch 1 (not called on a resume)
         * @throws IOException when a model cannot be read
         */
        LowMagModel create() throws IOException;

        /**
         * Checks and readies the loaded or created model before its optimiser is made (for example,
         * freezes layers); by default nothing.
         *
         * @param model the model to train
         */
        default void prepare(LowMagModel model) {}

        /**
         * @param model the model to train
         * @return what each training step computes
         */
        EpochTrainer.Objective objective(LowMagModel model);

        /**
         * @param model the model to train
         * @return the validation after each epoch
         */
        EpochTrainer.Validation validation(LowMagModel model);

        /**
         * @return the number of tissues an epoch trains on
         */
        int trainCount();

        /**
         * Adds what this kind of run records in {@code DONE} after the epochs and best epoch; by
         * default nothing.
         *
         * @param state the final loop state
         * @param done the summary to add to
         */
        default void summarise(LoopState state, Map<String, Object> done) {}
    }

    /**
     * Starts (or resumes) the run folder ({@link RunFolder#start}).
     *
     * @param folder the run folder
     * @param loop the optimisation settings
     * @param resume whether the user asked to resume
     * @param recorded what {@code config.json} records
     * @return the run
     */
    static TrainingRun start(
            RunFolder folder, LoopConfig loop, boolean resume, Map<String, Object> recorded) {
        boolean fromCheckpoint = folder.start(resume, recorded);
        return new TrainingRun(folder, loop, new ImageCache(loop.cacheBytes()), fromCheckpoint);
    }

    /**
     * @param dataset the dataset
     * @param tissues the tissues
     * @param mag the magnification
     * @param padder the padding of small inputs
     * @return their images, read through the run's cache
     */
    TissueImages images(Dataset dataset, List<TissueRecord> tissues, double mag, Padder padder) {
        return new TissueImages(dataset, tissues, mag, cache, padder, loop.maxTissuePixels());
    }

    /**
     * @param datasets the dataset of each tissue
     * @param tissues the tissues
     * @param mag the magnification
     * @param padder the padding of small inputs
     * @return their images, read through the run's cache
     */
    TissueImages images(
            List<Dataset> datasets, List<TissueRecord> tissues, double mag, Padder padder) {
        return new TissueImages(datasets, tissues, mag, cache, padder, loop.maxTissuePixels());
    }

    /**
     * @param model the model
     * @param images the training images
     * @param labels their class indices
     * @param aug the augmentation
     * @return cross-entropy on the labelled images with the run's loop settings
     */
    SupervisedObjective supervised(
            LowMagModel model, TissueImages images, int[] labels, Augmentation aug) {
        return new SupervisedObjective(
                model,
                images,
                labels,
                aug,
                loop.seed(),
                loop.maxBatchPixels(),
                loop.checkpointActivations());
    }

    /**
     * @param model the model
     * @param images the validation images
     * @param labels their class indices
     * @param classes the number of classes
     * @return the validation with the run's batch size limit
     */
    Validator validator(LowMagModel model, TissueImages images, int[] labels, int classes) {
        return new Validator(model, images, labels, classes, loop.maxBatchPixels());
    }

    /**
     * Loads or creates the model, sets up its optimiser, runs the epochs and marks the run done.
     *
     * @param plan what this kind of run adds
     * @return the final loop state
     * @throws IOException when files cannot be read or written
     */
    LoopState train(Plan plan) throws IOException {
        try (NDManager optState = NDManager.newBaseManager();
                LowMagModel model =
                        fromCheckpoint
                                ? LowMagModel.load(Checkpoint.modelDir(folder.checkpoint()))
                                : plan.create()) {
            plan.prepare(model);
            TrainJob.enableGradients(model);
            Adam adam = new Adam(model.net().getParameters(), (float) loop.weightDecay(), optState);
            LoopState state =
                    fromCheckpoint
                            ? Checkpoint.restore(folder.checkpoint(), adam, optState)
                            : new LoopState();
            EpochTrainer.Objective objective = plan.objective(model);
            EpochTrainer.Validation validation = plan.validation(model);
            new EpochTrainer(model, adam, folder, loop, plan.trainCount())
                    .run(state, objective, validation);
            Map<String, Object> done = new LinkedHashMap<>();
            done.put("epochs", state.history().size());
            done.put("best_epoch", state.bestEpoch());
            plan.summarise(state, done);
            folder.markDone(done);
            return state;
        }
    }
}
