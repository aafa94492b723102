package org.lowmag.cli;

import org.lowmag.eval.BootstrapConfig;
import picocli.CommandLine.Option;

/** The confidence-interval flags of {@code lowmag evaluate} (a picocli mixin). */
final class BootstrapOptions {

    @Option(
            names = "--bootstrap",
            defaultValue = "10000",
            description = "Bootstrap iterations (default: ${DEFAULT-VALUE}).")
    int bootstrap;

    @Option(
            names = "--level",
            defaultValue = "0.95",
            description = "Confidence level (default: ${DEFAULT-VALUE}).")
    double level;

    @Option(
            names = "--seed",
            defaultValue = "0",
            description = "Bootstrap seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(
            names = "--bootstrap-unit",
            defaultValue = "tissue",
            paramLabel = "tissue|group",
            description =
                    "What the bootstrap resamples: tissue (each tissue on its own) or group (each"
                            + " group of the manifest's group column with all its tissues; the"
                            + " metrics.json records how many). Use group when tissues are not"
                            + " independent: near-duplicate images of one original (LC25000's"
                            + " augmented copies), several tissues per patient or slide; otherwise"
                            + " the CIs are too narrow. Every tissue needs a group"
                            + " (default: ${DEFAULT-VALUE}).")
    BootstrapConfig.Unit bootstrapUnit;

    /**
     * @return the bootstrap settings
     */
    BootstrapConfig toConfig() {
        return new BootstrapConfig(bootstrap, level, seed, bootstrapUnit);
    }
}
