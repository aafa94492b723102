package org.lowmag.cli;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.lowmag.slide.Magnification;
import org.lowmag.slide.MagnificationResolver;
import org.lowmag.slide.SlideMetadata;
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
            System.out.println(GSON.toJson(describe(reader, resolver, properties)));
        }
        return 0;
    }

    /**
     * @param reader an open slide
     * @param resolver the magnification rules with the user's overrides
     * @param withProperties whether to include every raw property
     * @return the JSON object, keys in a fixed order, unknown values as null
     */
    static Map<String, Object> describe(
            SlideReader reader, MagnificationResolver resolver, boolean withProperties) {
        SlideMetadata m = reader.metadata();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("path", m.path());
        out.put("backend", reader.backend());
        out.put("vendor", m.vendor());
        out.put("width", m.widthPx());
        out.put("height", m.heightPx());
        out.put("levels", m.levelCount());
        out.put("downsamples", m.downsamples());
        List<List<Long>> sizes = new ArrayList<>();
        for (int i = 0; i < m.levelCount(); i++) {
            sizes.add(List.of(m.levelWidthsPx().get(i), m.levelHeightsPx().get(i)));
        }
        out.put("level_sizes", sizes);
        out.put("mpp", mpp(m));
        out.put("objective_power", value(m.objectivePower()));
        Optional<Magnification> mag = resolver.resolve(m);
        out.put("magnification", mag.map(Magnification::magnification).orElse(null));
        out.put("magnification_source", mag.map(g -> g.source().label()).orElse(null));
        if (mag.isEmpty()) {
            out.put(
                    "magnification_note",
                    "the slide records neither um/px nor objective power: pass --source-mag or"
                            + " --source-mpp");
        }
        out.put("associated_images", m.associatedImages());
        if (withProperties) {
            out.put("properties", new TreeMap<>(m.properties()));
        }
        return out;
    }

    private static Map<String, Double> mpp(SlideMetadata m) {
        if (m.mppX().isEmpty() && m.mppY().isEmpty()) {
            return null;
        }
        Map<String, Double> mpp = new LinkedHashMap<>();
        mpp.put("x", value(m.mppX()));
        mpp.put("y", value(m.mppY()));
        return mpp;
    }

    private static Double value(OptionalDouble v) {
        return v.isPresent() ? v.getAsDouble() : null;
    }
}
