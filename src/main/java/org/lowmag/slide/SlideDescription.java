package org.lowmag.slide;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * What {@code lowmag info} prints about a slide: its size, levels, resolution, the magnification
 * LowMag reads it at (and from what), as a map whose keys come in a fixed order (unknown values are
 * null).
 */
public final class SlideDescription {

    private SlideDescription() {}

    /**
     * @param reader an open slide
     * @param resolver the magnification rules with the user's overrides
     * @param withProperties whether to include every raw property
     * @return the JSON object, keys in a fixed order, unknown values as null
     */
    public static Map<String, Object> of(
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
        Optional<ScanMagnification> mag = resolver.resolve(m);
        out.put("magnification", mag.map(ScanMagnification::magnification).orElse(null));
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
