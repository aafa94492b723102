package org.lowmag.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.OptionalDouble;
import org.lowmag.dataset.SlideList;
import org.lowmag.slide.MagnificationResolver;
import picocli.CommandLine.Option;

/**
 * The {@code --source-mag}, {@code --source-mpp} and {@code --slide-list} flags of {@code info},
 * {@code prepare}, {@code predict} and {@code tissue} (a picocli mixin): the scale of an input's
 * full resolution (a slide's level 0), for inputs that record none or a wrong one, for all of them
 * or slide by slide.
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

    @Option(
            names = "--slide-list",
            paramLabel = "CSV",
            description =
                    "Per-slide scale: a CSV slide,mpp or slide,magnification (optional label;"
                            + " paths relative to the CSV). A listed value wins over"
                            + " --source-mag/--source-mpp and the slide's record; slides are"
                            + " matched by file name.")
    Path slideList;

    /**
     * @return the flags as the slide layer reads them (both empty when neither is given), with the
     *     slide list's values when one is given
     * @throws IOException when the slide list cannot be read
     */
    MagnificationResolver resolver() throws IOException {
        return slideList == null ? flags() : list().resolver(flags());
    }

    /**
     * @return {@code --source-mag} and {@code --source-mpp} alone (both empty when neither is
     *     given), without the slide list's values
     */
    MagnificationResolver flags() {
        return new MagnificationResolver(optional(sourceMag), optional(sourceMpp));
    }

    /**
     * @return the slide list, or null when none was given
     * @throws IOException when it cannot be read
     */
    SlideList list() throws IOException {
        return slideList == null ? null : SlideList.read(slideList);
    }

    private static OptionalDouble optional(Double value) {
        return value == null ? OptionalDouble.empty() : OptionalDouble.of(value);
    }
}
