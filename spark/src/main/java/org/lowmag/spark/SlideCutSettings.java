package org.lowmag.spark;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalDouble;
import org.lowmag.dataset.SlideList;
import org.lowmag.prepare.PrepareConfig;
import org.lowmag.prepare.PrepareInput;
import org.lowmag.slide.MagnificationResolver;

/**
 * The settings of {@code lowmag prepare --slides} in a form Spark ships to executors (strings and
 * boxed numbers; absolute paths every executor can read). {@link #toConfig} gives the core's {@link
 * PrepareConfig} back on each executor, whose {@link org.lowmag.prepare.SlideTissueCutter#of} cuts
 * a slide exactly as {@code lowmag prepare} does.
 *
 * @param out the dataset folder
 * @param magnifications {@code --mags}
 * @param splitFractions {@code --split-fractions}
 * @param unlabeledPercent {@code --unlabeled-percent}
 * @param seed {@code --seed}
 * @param force {@code --force}
 * @param sourceMag {@code --source-mag}, or null
 * @param sourceMpp {@code --source-mpp}, or null
 * @param slideList {@code --slide-list} (per-slide scales), or null
 * @param slides {@code --slides}: the slide folder
 * @param labels {@code --labels}: the CSV {@code slide,patient,label}
 */
public record SlideCutSettings(
        String out,
        List<Double> magnifications,
        List<Integer> splitFractions,
        double unlabeledPercent,
        long seed,
        boolean force,
        Double sourceMag,
        Double sourceMpp,
        String slideList,
        String slides,
        String labels)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Copies (into serializable lists). */
    public SlideCutSettings {
        magnifications = List.copyOf(magnifications);
        splitFractions = List.copyOf(splitFractions);
    }

    /**
     * @param cfg the settings of a {@code --slides} run
     * @param slideList the {@code --slide-list} its scale was read from, or null
     * @return them with absolute paths
     * @throws IllegalArgumentException when the input is not a slide folder
     */
    public static SlideCutSettings of(PrepareConfig cfg, Path slideList) {
        if (!(cfg.input() instanceof PrepareInput.Slides in)) {
            throw new IllegalArgumentException(
                    "lowmag-spark prepare takes --slides DIR --labels CSV; prepare --images with"
                            + " lowmag prepare");
        }
        MagnificationResolver scale = cfg.scale();
        return new SlideCutSettings(
                absolute(cfg.out()),
                cfg.magnifications(),
                cfg.splitFractions(),
                cfg.unlabeledPercent(),
                cfg.seed(),
                cfg.force(),
                boxed(scale.sourceMag()),
                boxed(scale.sourceMpp()),
                slideList == null ? null : absolute(slideList),
                absolute(in.dir()),
                absolute(in.labels()));
    }

    /**
     * The core's settings, as {@code lowmag prepare} builds them from the same flags.
     *
     * @return the settings
     * @throws IOException when the slide list cannot be read
     */
    public PrepareConfig toConfig() throws IOException {
        MagnificationResolver flags =
                new MagnificationResolver(optional(sourceMag), optional(sourceMpp));
        return new PrepareConfig(
                Path.of(out),
                magnifications,
                splitFractions,
                unlabeledPercent,
                seed,
                force,
                slideList == null ? flags : SlideList.read(Path.of(slideList)).resolver(flags),
                new PrepareInput.Slides(Path.of(slides), Path.of(labels)));
    }

    private static String absolute(Path p) {
        return p.toAbsolutePath().toString();
    }

    private static Double boxed(OptionalDouble d) {
        return d.isPresent() ? d.getAsDouble() : null;
    }

    private static OptionalDouble optional(Double value) {
        return value == null ? OptionalDouble.empty() : OptionalDouble.of(value);
    }
}
