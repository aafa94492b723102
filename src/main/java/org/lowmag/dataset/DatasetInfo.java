package org.lowmag.dataset;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A dataset's description, written as {@code dataset.json}.
 *
 * @param formatVersion layout version (1)
 * @param classes class names in a fixed order (the order of model outputs)
 * @param magnifications the magnifications every tissue was cut at
 * @param sourceMagnification the magnification of the original images, when all share one (else
 *     null)
 * @param sourceMagnifications each source's magnification (key: the manifest's {@code source}),
 *     when they differ; empty when all share {@code sourceMagnification}
 * @param splitSeed the seed of the patient/group split
 * @param splitFractions train/val/test percentages
 * @param sources what the dataset was built from (folders, label files)
 * @param provenance versions and date
 */
public record DatasetInfo(
        int formatVersion,
        List<String> classes,
        List<Double> magnifications,
        Double sourceMagnification,
        Map<String, Double> sourceMagnifications,
        long splitSeed,
        List<Integer> splitFractions,
        List<String> sources,
        Map<String, Object> provenance) {

    /** Current layout version. */
    public static final int FORMAT_VERSION = 1;

    /** Copies. */
    public DatasetInfo {
        classes = List.copyOf(classes);
        magnifications = List.copyOf(magnifications);
        splitFractions = List.copyOf(splitFractions);
        sourceMagnifications =
                sourceMagnifications == null
                        ? Map.of()
                        : Collections.unmodifiableMap(new TreeMap<>(sourceMagnifications));
        sources = sources == null ? List.of() : List.copyOf(sources);
        provenance = provenance == null ? Map.of() : Map.copyOf(provenance);
    }
}
