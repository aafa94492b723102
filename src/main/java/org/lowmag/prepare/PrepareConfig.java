package org.lowmag.prepare;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lowmag.slide.Magnification;
import org.lowmag.slide.MagnificationResolver;

/**
 * Settings of {@code lowmag prepare}.
 *
 * @param out the dataset folder to write
 * @param magnifications magnifications to cut every tissue at
 * @param splitFractions train/val/test percentages of the labelled groups
 * @param unlabeledPercent percentage of each class's groups whose labels are withheld (auxiliary
 *     set)
 * @param seed split seed
 * @param force rewrite tissue images that already exist (otherwise an interrupted run resumes)
 * @param scale the user's {@code --source-mag}/{@code --source-mpp} (recorded with the settings)
 * @param input what the tissues are read from (recorded as the dataset's sources)
 */
public record PrepareConfig(
        Path out,
        List<Double> magnifications,
        List<Integer> splitFractions,
        double unlabeledPercent,
        long seed,
        boolean force,
        MagnificationResolver scale,
        PrepareInput input) {

    /** Validates and copies. */
    public PrepareConfig {
        magnifications = List.copyOf(magnifications);
        splitFractions = List.copyOf(splitFractions);
        if (magnifications.isEmpty()) {
            throw new IllegalArgumentException("--mags needs at least one magnification");
        }
    }

    /**
     * @return the settings as a map (the job adds the input's {@link PrepareInput#sources})
     */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("out", out.toAbsolutePath().toString());
        m.put("magnifications", magnifications.stream().map(Magnification::format).toList());
        m.put("split_fractions", splitFractions);
        m.put("unlabeled_percent", unlabeledPercent);
        m.put("seed", seed);
        m.put("source_mag", scale.sourceMag().isPresent() ? scale.sourceMag().getAsDouble() : "");
        m.put("source_mpp", scale.sourceMpp().isPresent() ? scale.sourceMpp().getAsDouble() : "");
        if (!scale.perSlide().isEmpty()) {
            Map<String, Double> listed = new java.util.TreeMap<>();
            scale.perSlide().forEach((k, v) -> listed.put(k, v.magnification()));
            m.put("slide_list_magnifications", listed);
        }
        return m;
    }

    /**
     * @return {@link #toMap} without what a rerun may change ({@link PrepareSettings#MAY_CHANGE}:
     *     the folder's path, splits, seed): the settings every tissue image depends on
     */
    public Map<String, Object> cutSettings() {
        Map<String, Object> m = toMap();
        m.keySet().removeAll(PrepareSettings.MAY_CHANGE);
        return m;
    }
}
