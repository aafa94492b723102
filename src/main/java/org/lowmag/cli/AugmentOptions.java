package org.lowmag.cli;

import org.lowmag.dataset.Augmentation;
import picocli.CommandLine.Option;

/** Augmentation flags (a picocli mixin); defaults are the authors'. */
final class AugmentOptions {

    @Option(names = "--no-augment", description = "Turn online augmentation off.")
    boolean none;

    @Option(
            names = "--jitter-brightness",
            defaultValue = "0.5",
            description = "Colour jitter brightness (default: ${DEFAULT-VALUE}).")
    double brightness;

    @Option(
            names = "--jitter-contrast",
            defaultValue = "0.5",
            description = "Colour jitter contrast (default: ${DEFAULT-VALUE}).")
    double contrast;

    @Option(
            names = "--jitter-saturation",
            defaultValue = "0.5",
            description = "Colour jitter saturation (default: ${DEFAULT-VALUE}).")
    double saturation;

    @Option(
            names = "--jitter-hue",
            defaultValue = "0.2",
            description = "Colour jitter hue (default: ${DEFAULT-VALUE}).")
    double hue;

    Augmentation toAugmentation() {
        return none
                ? Augmentation.none()
                : new Augmentation(true, true, brightness, contrast, saturation, hue);
    }
}
