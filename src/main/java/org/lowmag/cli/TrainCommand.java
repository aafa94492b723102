package org.lowmag.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.lowmag.slide.Magnification;
import org.lowmag.train.TrainConfig;
import org.lowmag.train.TrainJob;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code lowmag train}: a teacher (high magnification) or a baseline (low, from scratch). */
@Command(
        name = "train",
        mixinStandardHelpOptions = true,
        description = {
            "Train a GroupNorm ResNet (He initialisation by default) on whole tissues of the train"
                    + " split at one magnification (teacher or baseline), with gradient accumulation.",
            "Writes RUN/config.json, metrics.csv, log.txt, model/best, model/last, checkpoint/."
        })
final class TrainCommand implements Callable<Integer> {

    @Option(
            names = "--data",
            required = true,
            description = "Dataset folder (from 'lowmag prepare').")
    Path data;

    @Option(
            names = "--mag",
            required = true,
            description = "Magnification to train at, e.g. 10, 2.5 or 2.5x.")
    String mag;

    @Option(
            names = "--arch",
            defaultValue = "paper",
            description =
                    "Architecture: paper, resnet18, resnet34, resnet50 (default:"
                            + " ${DEFAULT-VALUE}).")
    String arch;

    @Option(
            names = "--role",
            defaultValue = "teacher",
            description = "Recorded role: teacher or baseline (default: ${DEFAULT-VALUE}).")
    String role;

    @Mixin TrainingOptions training;

    @Override
    public Integer call() throws Exception {
        return training.run.run(
                () ->
                        new TrainConfig(
                                data,
                                Magnification.parse(mag),
                                training.run.out,
                                arch,
                                training.loopConfig(),
                                training.augmentation(),
                                role,
                                training.modelSetup(),
                                training.run.resume),
                TrainJob::run);
    }
}
