package org.lowmag.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.lowmag.train.FinetuneConfig;
import org.lowmag.train.FinetuneJob;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code lowmag finetune}: train only the FC layer of a distilled student. */
@Command(
        name = "finetune",
        mixinStandardHelpOptions = true,
        description =
                "Fine-tune a distilled student: every weight frozen but the fully connected"
                        + " layer's, cross-entropy on the labelled train split at its magnification.")
final class FinetuneCommand implements Callable<Integer> {

    @Option(names = "--model", required = true, description = "Student run or model folder.")
    Path model;

    @Option(names = "--data", required = true, description = "Labelled dataset folder.")
    Path data;

    @Mixin RunOptions run;

    @Mixin LoopOptions loop;

    @Mixin AugmentOptions augment;

    @Override
    public Integer call() throws Exception {
        return run.run(
                () ->
                        new FinetuneConfig(
                                model,
                                data,
                                run.out,
                                loop.toConfig(),
                                augment.toAugmentation(),
                                run.resume),
                FinetuneJob::run);
    }
}
