package org.lowmag.cli;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.lowmag.slide.MagnificationResolver;
import org.lowmag.slide.SlideDescription;
import org.lowmag.slide.SlideReader;
import org.lowmag.slide.SlideReaders;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code lowmag info SLIDE}: what a slide file records, as JSON. */
@Command(
        name = "info",
        mixinStandardHelpOptions = true,
        description = {
            "Print a slide's size, pyramid levels, um/px, objective power, magnification, backend,"
                    + " vendor and associated images as JSON.",
            "",
            "Magnification follows the paper: magnification = 10 / (um/px), so 10x = 1 um/px;"
                    + " without um/px the objective power is used. --source-mag/--source-mpp"
                    + " override what the slide records (the recorded values stay in 'mpp' and"
                    + " 'objective_power').",
        })
final class InfoCommand implements Callable<Integer> {

    private static final Gson GSON =
            new GsonBuilder().setPrettyPrinting().serializeNulls().disableHtmlEscaping().create();

    @Parameters(index = "0", paramLabel = "SLIDE", description = "Slide or image file.")
    Path slide;

    @Mixin SourceScaleOptions source;

    @Option(names = "--properties", description = "Also print every raw property of the file.")
    boolean properties;

    @Override
    public Integer call() throws IOException {
        MagnificationResolver resolver = UsageException.fromFlags(source::resolver);
        try (SlideReader reader = SlideReaders.open(slide)) {
            System.out.println(GSON.toJson(SlideDescription.of(reader, resolver, properties)));
        }
        return 0;
    }
}
