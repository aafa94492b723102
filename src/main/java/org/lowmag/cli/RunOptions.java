package org.lowmag.cli;

import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The run-folder and device flags shared by train, distill and finetune (a picocli mixin). */
final class RunOptions {

    @Option(names = "--out", required = true, description = "Run folder to create (or resume).")
    Path out;

    @Option(names = "--resume", description = "Continue an interrupted run from its checkpoint.")
    boolean resume;

    @Mixin DeviceOption device;

    /** Selects the device (a usage error when no GPU is available). */
    void applyDevice() {
        device.apply();
    }

    /** Prints where the best model is. */
    void printDone() {
        System.err.println("done: " + out.resolve("model/best"));
    }

    /** A training job's entry point ({@code TrainJob::run}, {@code DistillJob::run}, ...). */
    @FunctionalInterface
    interface Job<C> {
        /**
         * @param config the run's settings
         * @throws IOException when the run cannot read or write its files
         */
        void run(C config) throws IOException;
    }

    /**
     * Runs a training job as every training command does: selects the device, reads the flags into
     * the job's config (a bad value is a usage error), runs the job and prints where the best model
     * is.
     *
     * @param flags reads the flags into the config
     * @param job the job
     * @param <C> the job's config
     * @return the exit code, 0
     * @throws IOException when the job fails reading or writing
     */
    <C> int run(UsageException.Flags<C> flags, Job<C> job) throws IOException {
        applyDevice();
        job.run(UsageException.fromFlags(flags));
        printDone();
        return 0;
    }
}
