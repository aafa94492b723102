package org.lowmag.cli;

import java.util.OptionalDouble;
import org.lowmag.slide.MagnificationResolver;
import picocli.CommandLine.Option;

/**
 * The {@code --source-mag} and {@code --source-mpp} flags of {@code info}, {@code prepare} and
 * {@code predict} (a picocli mixin): the scale of an input's full resolution (a slide's level 0),
 * for inputs that record none or a wrong one.
 */
final class SourceScaleOptions {

    @Option(
            names = "--source-mag",
            converter = MagnificationConverter.class,
            paramLabel = "M",
            description =
                    "Magnification of the inputs' full resolution (a slide's level 0), e.g. 20 or"
                            + " 20x (10x = 1 um/px); overrides what the inputs record, needed"
                            + " when they record neither um/px nor objective power (and for"
                            + " plain images).")
    Double sourceMag;

    @Option(
            names = "--source-mpp",
            paramLabel = "UM",
            description =
                    "Micrometres per full-resolution pixel, e.g. 0.5 (instead of --source-mag;"
                            + " mag = 10 / UM).")
    Double sourceMpp;

    /**
     * @return the flags as the slide layer reads them (both empty when neither is given)
     */
    MagnificationResolver resolver() {
        return new MagnificationResolver(optional(sourceMag), optional(sourceMpp));
    }

    private static OptionalDouble optional(Double value) {
        return value == null ? OptionalDouble.empty() : OptionalDouble.of(value);
    }
}
