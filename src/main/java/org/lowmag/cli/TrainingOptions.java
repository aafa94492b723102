package org.lowmag.cli;

import org.lowmag.dataset.Augmentation;
import org.lowmag.train.LoopConfig;
import org.lowmag.train.ModelSetup;
import picocli.CommandLine.Mixin;

/**
 * The flags of a run that trains a model from its first epoch, shared by train and distill (a
 * picocli mixin): the run folder and device, the loop, activation checkpointing, augmentation and
 * the model's initialisation and padding.
 */
final class TrainingOptions {

    @Mixin RunOptions run;

    @Mixin LoopOptions loop;

    @Mixin CheckpointOptions checkpoint;

    @Mixin AugmentOptions augment;

    @Mixin SetupOptions setup;

    /**
     * @return the optimisation settings, with the activation checkpointing flag
     */
    LoopConfig loopConfig() {
        return loop.toConfig(checkpoint.toSetting());
    }

    /**
     * @return the augmentation
     */
    Augmentation augmentation() {
        return augment.toAugmentation();
    }

    /**
     * @return the initialisation and padding
     */
    ModelSetup modelSetup() {
        return setup.toSetup();
    }
}
