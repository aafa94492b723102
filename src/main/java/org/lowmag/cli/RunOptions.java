package org.lowmag.cli;

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
}
