package org.lowmag.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.lowmag.dataset.Dataset;
import org.lowmag.distill.DistillConfig;
import org.lowmag.distill.PixelNorm;
import org.lowmag.distill.ResizeMode;
import org.lowmag.slide.Magnification;
import org.lowmag.train.DistillJob;
import org.lowmag.train.DistillRunConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code lowmag distill}: resolution-based distillation of a teacher into a student. */
@Command(
        name = "distill",
        mixinStandardHelpOptions = true,
        description = {
            "Train a student at a lower magnification from a frozen teacher, without labels:"
                    + " loss = KL(softmax(t/T) || softmax(s/T)) * T^2 + mean over resizes g of"
                    + " MSE(g(teacher final conv map), student final conv map). Each tissue is"
                    + " seen by both at their magnifications with the same augmentation."
        })
final class DistillCommand implements Callable<Integer> {

    @Option(names = "--teacher", required = true, description = "Teacher run or model folder.")
    Path teacher;

    @Option(names = "--data", required = true, description = "Dataset folder.")
    Path data;

    @Option(
            names = "--mag",
            required = true,
            description = "Student magnification, e.g. 2.5 or 2.5x (below the teacher's).")
    String mag;

    @Option(
            names = "--splits",
            defaultValue = "train",
            split = ",",
            description =
                    "Splits of --data to distil on; labels are ignored (default:"
                            + " ${DEFAULT-VALUE}; e.g. train,val,unlabeled).")
    List<String> splits;

    @Option(
            names = "--unlabeled",
            description =
                    "Extra dataset(s) whose every tissue is used as auxiliary data"
                            + " (repeatable).")
    List<Path> unlabeled = List.of();

    @Option(names = "--arch", description = "Student architecture (default: the teacher's).")
    String arch;

    @Option(
            names = "--temperature",
            defaultValue = "1.0",
            description = "Softmax temperature T (default: ${DEFAULT-VALUE}).")
    double temperature;

    @Option(
            names = "--resize",
            defaultValue = "maxpool+bicubic",
            description =
                    "Teacher-map resize g: none, maxpool, bicubic, maxpool+bicubic"
                            + " (default: ${DEFAULT-VALUE}).")
    String resize;

    @Option(
            names = "--pixel-loss",
            defaultValue = "l2",
            description = "l2 or l1 (default: ${DEFAULT-VALUE}).")
    String pixelLoss;

    @Mixin TrainingOptions training;

    @Override
    public Integer call() throws Exception {
        return training.run.run(
                this::config,
                c -> {
                    warnOnSelection(c);
                    DistillJob.run(c);
                });
    }

    /** Says so when the validation split that picks model/best is also distilled on. */
    private static void warnOnSelection(DistillRunConfig c) {
        DistillJob.selectionWarning(
                        c.splits(), c.loop(), () -> Dataset.open(c.data()).split("val").size())
                .ifPresent(w -> System.err.println("warning: " + w));
    }

    private DistillRunConfig config() {
        DistillConfig loss =
                new DistillConfig(
                        temperature, ResizeMode.fromFlag(resize), PixelNorm.fromFlag(pixelLoss));
        return new DistillRunConfig(
                teacher,
                data,
                splits,
                unlabeled,
                Magnification.parse(mag),
                training.run.out,
                arch,
                loss,
                training.loopConfig(),
                training.augmentation(),
                training.modelSetup(),
                training.run.resume);
    }
}
