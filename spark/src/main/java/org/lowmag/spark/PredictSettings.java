package org.lowmag.spark;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalDouble;
import org.lowmag.infer.HeatmapScale;
import org.lowmag.infer.PredictJob;
import org.lowmag.infer.TruthLabels;
import org.lowmag.slide.MagnificationResolver;
import org.lowmag.slide.SlideReaders;
import org.lowmag.tissue.TissueParams;

/**
 * The settings of {@code lowmag predict} in a form Spark ships to executors (strings and boxed
 * numbers: paths every executor can read). {@link #toConfig} gives the core's {@link
 * PredictJob.Config} on the driver and on each executor, so both predict exactly as {@code lowmag
 * predict} does.
 *
 * @param model run or model folder
 * @param out output folder
 * @param labels known slide labels CSV, or null
 * @param heatmaps whether to write class-activation heatmaps
 * @param heatmapScale what the heatmaps' colours show
 * @param force whether to predict slides done before again
 * @param sourceMag {@code --source-mag}, or null
 * @param sourceMpp {@code --source-mpp}, or null
 * @param minSizePx {@code --min-size} (thumbnail pixels), or null for the tissue defaults
 */
public record PredictSettings(
        String model,
        String out,
        String labels,
        boolean heatmaps,
        HeatmapScale heatmapScale,
        boolean force,
        Double sourceMag,
        Double sourceMpp,
        Integer minSizePx)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    /**
     * @param model run or model folder
     * @param out output folder
     * @return {@code lowmag predict}'s defaults: no labels, no heatmaps, no force, magnification
     *     from the slide, the tissue defaults
     */
    public static PredictSettings of(Path model, Path out) {
        return new PredictSettings(
                model.toString(),
                out.toString(),
                null,
                false,
                HeatmapScale.FIXED,
                false,
                null,
                null,
                null);
    }

    /**
     * @param on whether to write heatmaps
     * @return a copy with heatmaps on or off
     */
    public PredictSettings withHeatmaps(boolean on) {
        return new PredictSettings(
                model, out, labels, on, heatmapScale, force, sourceMag, sourceMpp, minSizePx);
    }

    /**
     * @param mag the magnification of the slides' level 0
     * @return a copy with {@code --source-mag}
     */
    public PredictSettings withSourceMag(double mag) {
        return new PredictSettings(
                model, out, labels, heatmaps, heatmapScale, force, mag, sourceMpp, minSizePx);
    }

    /**
     * @return the output folder
     */
    public Path outDir() {
        return Path.of(out);
    }

    /**
     * The core's settings, as {@code lowmag predict} builds them from the same flags.
     *
     * @param inputs slide files and folders
     * @param threads slides predicted at once in this JVM
     * @return the settings
     * @throws IOException when the labels file cannot be read
     */
    public PredictJob.Config toConfig(List<Path> inputs, int threads) throws IOException {
        return new PredictJob.Config(
                Path.of(model),
                inputs,
                outDir(),
                labels == null ? TruthLabels.none() : TruthLabels.read(Path.of(labels)),
                heatmaps,
                heatmapScale,
                force,
                new MagnificationResolver(optional(sourceMag), optional(sourceMpp)),
                minSizePx == null
                        ? TissueParams.defaults()
                        : TissueParams.defaults()
                                .withMinTissueAreaFraction(0)
                                .withMinTissueSizePx(minSizePx),
                threads,
                SlideReaders::open);
    }

    private static OptionalDouble optional(Double value) {
        return value == null ? OptionalDouble.empty() : OptionalDouble.of(value);
    }
}
