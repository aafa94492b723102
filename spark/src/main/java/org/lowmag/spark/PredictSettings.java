package org.lowmag.spark;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalDouble;
import org.lowmag.dataset.SlideList;
import org.lowmag.infer.HeatmapScale;
import org.lowmag.infer.LargeTissues;
import org.lowmag.infer.PredictJob;
import org.lowmag.infer.QuPathOptions;
import org.lowmag.infer.SlidePredictor;
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
 * @param roi {@code --roi}: a GeoJSON file or folder of per-slide files, or null
 * @param heatmapTileUm {@code --heatmap-geojson} tile size in micrometres, or null
 * @param slideList {@code --slide-list}: a CSV giving per-slide scales and labels, or null
 * @param maxTissuePx {@code --max-tissue-px}: most pixels of a tissue in one forward pass
 * @param tileLargeTissues {@code --tile-large-tissues}: whether larger tissues are tiled (else
 *     their slide fails)
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
        Integer minSizePx,
        String roi,
        Double heatmapTileUm,
        String slideList,
        long maxTissuePx,
        boolean tileLargeTissues)
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
                null,
                null,
                null,
                null,
                LargeTissues.DEFAULT_MAX_TISSUE_PX,
                false);
    }

    /**
     * @param on whether to write heatmaps
     * @return a copy with heatmaps on or off
     */
    public PredictSettings withHeatmaps(boolean on) {
        return new PredictSettings(
                model,
                out,
                labels,
                on,
                heatmapScale,
                force,
                sourceMag,
                sourceMpp,
                minSizePx,
                roi,
                heatmapTileUm,
                slideList,
                maxTissuePx,
                tileLargeTissues);
    }

    /**
     * @param mag the magnification of the slides' level 0
     * @return a copy with {@code --source-mag}
     */
    public PredictSettings withSourceMag(double mag) {
        return new PredictSettings(
                model,
                out,
                labels,
                heatmaps,
                heatmapScale,
                force,
                mag,
                sourceMpp,
                minSizePx,
                roi,
                heatmapTileUm,
                slideList,
                maxTissuePx,
                tileLargeTissues);
    }

    /**
     * @param roiFile a GeoJSON file or folder of per-slide files, or null
     * @param tileUm GeoJSON heatmap tile size in micrometres, or null
     * @param list a slide list CSV, or null
     * @return a copy with {@code --roi}, {@code --heatmap-geojson} and {@code --slide-list}
     */
    public PredictSettings withQuPath(Path roiFile, Double tileUm, Path list) {
        return new PredictSettings(
                model,
                out,
                labels,
                heatmaps || tileUm != null,
                heatmapScale,
                force,
                sourceMag,
                sourceMpp,
                minSizePx,
                roiFile == null ? null : roiFile.toString(),
                tileUm,
                list == null ? null : list.toString(),
                maxTissuePx,
                tileLargeTissues);
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
     * @return the settings, slides opened by {@link SlideReaders#open(Path)}
     * @throws IOException when the labels file or the slide list cannot be read
     */
    public PredictJob.Config toConfig(List<Path> inputs, int threads) throws IOException {
        return toConfig(inputs, threads, SlideReaders::open);
    }

    /**
     * The core's settings with another way to open slides (an executor's, which also reads Hadoop
     * FileSystem URIs).
     *
     * @param inputs slide files and folders
     * @param threads slides predicted at once in this JVM
     * @param opener opens the slides
     * @return the settings
     * @throws IOException when the labels file or the slide list cannot be read
     */
    public PredictJob.Config toConfig(
            List<Path> inputs, int threads, SlidePredictor.SlideOpener opener) throws IOException {
        SlideList list = slideList == null ? null : SlideList.read(Path.of(slideList));
        MagnificationResolver flags =
                new MagnificationResolver(optional(sourceMag), optional(sourceMpp));
        return new PredictJob.Config(
                Path.of(model),
                inputs,
                outDir(),
                TruthLabels.from(labels == null ? null : Path.of(labels), list),
                heatmaps,
                heatmapScale,
                force,
                list == null ? flags : list.resolver(flags),
                TissueParams.defaults(minSizePx),
                threads,
                opener,
                new QuPathOptions(
                        roi == null ? null : Path.of(roi),
                        heatmapTileUm == null ? 0 : heatmapTileUm),
                new LargeTissues(maxTissuePx, tileLargeTissues));
    }

    private static OptionalDouble optional(Double value) {
        return value == null ? OptionalDouble.empty() : OptionalDouble.of(value);
    }
}
