package org.lowmag.cli;

import java.nio.file.Path;
import org.lowmag.model.Engines;
import picocli.CommandLine.Option;

/** The run-folder and device flags shared by train, distill and finetune (a picocli mixin). */
final class RunOptions {

    @Option(names = "--out", required = true, description = "Run folder to create (or resume).")
    Path out;

    @Option(names = "--resume", description = "Continue an interrupted run from its checkpoint.")
    boolean resume;

    @Option(
            names = "--device",
            defaultValue = "cpu",
            description = "cpu or gpu (default: ${DEFAULT-VALUE}).")
    String device;

    /** Selects the device (a usage error when no GPU is available). */
    void applyDevice() {
        Engines.useDevice(device);
    }

    /** Prints where the best model is. */
    void printDone() {
        System.err.println("done: " + out.resolve("model/best"));
    }
}
