package org.lowmag.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.lowmag.dataset.SlideList;
import org.lowmag.infer.HeatmapScale;
import org.lowmag.infer.LargeTissues;
import org.lowmag.infer.PredictJob;
import org.lowmag.infer.QuPathOptions;
import org.lowmag.infer.TruthLabels;
import org.lowmag.slide.SlideReaders;
import org.lowmag.tissue.TissueParams;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * What {@code lowmag predict} predicts and how (a picocli mixin): the model, the slides, the output
 * folder, heatmaps, known labels, regions of interest, {@code --force}, the source scale (or a
 * slide list) and the smallest tissue. Shared by {@code lowmag predict} and {@code lowmag-spark
 * predict} (the {@code spark/} project), which differ only in how the slides are spread over
 * threads or machines.
 */
public final class PredictOptions {

    @Option(
            names = "--model",
            required = true,
            paramLabel = "RUN",
            description = "Run or model folder.")
    Path model;

    @Parameters(
            arity = "0..*",
            paramLabel = "SLIDE_OR_FOLDER",
            description =
                    "Slides, folders of slides (files with slide or image extensions) or quoted"
                            + " glob patterns ('slides/*.svs', 'archive/**/*.ndpi'); with"
                            + " --slide-list, its slides are added.")
    List<Path> inputs;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder.")
    Path out;

    @Option(names = "--heatmap", description = "Write one class-activation heatmap per class.")
    boolean heatmap;

    @Option(
            names = "--heatmap-scale",
            paramLabel = "fixed|stretch",
            description =
                    "What the heatmaps show (implies --heatmap). fixed (default): the local"
                            + " probability of the class (softmax of the class-activation maps"
                            + " plus the FC bias) on the fixed scale 0 to 1, comparable across"
                            + " classes and slides; stretch: the class activation stretched to"
                            + " each slide's min-max.")
    HeatmapScale heatmapScale;

    @Option(
            names = "--labels",
            paramLabel = "CSV",
            description =
                    "Known slide labels: the slide,patient,label CSV of 'prepare --slides' and"
                            + " 'synthesize'. Slides match by file name without extension; slides"
                            + " it does not list, or lists without a label, have no truth; a"
                            + " label that is not a class of the model is an error.")
    Path labels;

    @Option(
            names = "--roi",
            paramLabel = "FILE.geojson|DIR",
            description =
                    "Classify only the tissue inside these regions: QuPath annotations exported"
                            + " as GeoJSON (level-0 pixels; holes and multipolygons kept), one"
                            + " file for every slide or a folder of SLIDE.geojson files (SLIDE:"
                            + " the slide's file name without extension). Pixels outside them are"
                            + " white in the network's input.")
    Path roi;

    @Option(
            names = "--heatmap-geojson",
            paramLabel = "UM",
            description =
                    "Also write OUT/SLIDE.tiles.geojson: the heatmap as QuPath detection tiles of"
                            + " UM micrometres on a fixed grid, with p_<class> measurements for"
                            + " QuPath's Measurement Maps (implies --heatmap).")
    Double heatmapTileUm;

    @Option(names = "--force", description = "Predict slides whose SLIDE.json exists again.")
    boolean force;

    @Option(
            names = "--max-tissue-px",
            defaultValue = "8388608",
            paramLabel = "N",
            description =
                    "Most pixels of a tissue, at the model's magnification, in one forward pass"
                            + " (default: ${DEFAULT-VALUE} = 2^23, a 2896 x 2896 px tissue, about"
                            + " 1 GiB with the paper network). A slide with a larger tissue fails"
                            + " with a message naming it, unless --tile-large-tissues.")
    long maxTissuePx;

    @Option(
            names = "--tile-large-tissues",
            description =
                    "Classify a tissue over --max-tissue-px in tiles of at most that many pixels"
                            + " and pool the tiles' logits (area-weighted mean); its heatmap is"
                            + " stitched from the tiles'. Tissues within the limit run whole,"
                            + " as without this flag.")
    boolean tileLargeTissues;

    @Mixin SourceScaleOptions source;

    @Option(
            names = "--min-size",
            paramLabel = "PX",
            description =
                    "Ignore tissue pieces smaller than this many thumbnail pixels (the"
                            + " thumbnail's longest side is 2048 px, or the slide's when smaller);"
                            + " default: LowMag's tissue defaults (pieces under 0.1%% of the"
                            + " thumbnail's area are dropped, as in 'lowmag tissue').")
    Integer minSizePx;

    /**
     * @return the run or model folder
     */
    public Path model() {
        return model;
    }

    /**
     * @return the slide files and folders
     */
    public List<Path> inputs() {
        return inputs == null ? List.of() : List.copyOf(inputs);
    }

    /**
     * @return the output folder
     */
    public Path out() {
        return out;
    }

    /**
     * @return the known labels CSV ({@code --labels}), or null
     */
    public Path labels() {
        return labels;
    }

    /**
     * @return where the truth comes from: {@code --labels}, else a {@code --slide-list} with a
     *     label column, else null
     * @throws IOException when the slide list cannot be read
     */
    public Path truthFile() throws IOException {
        return TruthLabels.source(labels, source.list());
    }

    /**
     * @param list the {@code --slide-list}, or null
     * @return the slides to predict: the files and folders given, then the list's
     * @throws UsageException when there are none
     */
    private List<Path> slides(SlideList list) {
        List<Path> slides = new ArrayList<>(inputs());
        if (list != null) {
            slides.addAll(list.slides());
        }
        if (slides.isEmpty()) {
            throw new UsageException("give slides or folders of slides, or --slide-list CSV");
        }
        return slides;
    }

    /**
     * @return {@code --roi}: a GeoJSON file or a folder of per-slide files, or null
     */
    public Path roi() {
        return roi;
    }

    /**
     * @return {@code --heatmap-geojson}: the tile size in micrometres, or null
     */
    public Double heatmapTileUm() {
        return heatmapTileUm;
    }

    /**
     * @return {@code --slide-list}, or null
     */
    public Path slideList() {
        return source.slideList;
    }

    /**
     * @return whether heatmaps are written ({@code --heatmap} or {@code --heatmap-scale})
     */
    public boolean heatmaps() {
        return heatmap || heatmapScale != null || heatmapTileUm != null;
    }

    /**
     * @return what the heatmaps show (fixed when not given)
     */
    public HeatmapScale heatmapScale() {
        return heatmapScale == null ? HeatmapScale.FIXED : heatmapScale;
    }

    /**
     * @return whether slides done before are predicted again
     */
    public boolean force() {
        return force;
    }

    /**
     * @return {@code --min-size} in thumbnail pixels, or null
     */
    public Integer minSizePx() {
        return minSizePx;
    }

    /**
     * @return {@code --max-tissue-px} and {@code --tile-large-tissues}
     */
    public LargeTissues largeTissues() {
        return new LargeTissues(maxTissuePx, tileLargeTissues);
    }

    /**
     * @param threads slides predicted at once
     * @return the job's settings
     * @throws IOException when the labels file or the slide list cannot be read
     */
    public PredictJob.Config config(int threads) throws IOException {
        LargeTissues large = largeTissues();
        SlideList list = source.list();
        List<Path> slides = slides(list);
        if (heatmapTileUm != null && !(heatmapTileUm > 0)) {
            throw new UsageException(
                    "--heatmap-geojson must be a positive number of micrometres, got "
                            + heatmapTileUm);
        }
        return new PredictJob.Config(
                model,
                slides,
                out,
                TruthLabels.from(labels, list),
                heatmaps(),
                heatmapScale(),
                force,
                list == null ? source.flags() : list.resolver(source.flags()),
                TissueParams.defaults(minSizePx),
                threads,
                SlideReaders::open,
                new QuPathOptions(roi, heatmapTileUm == null ? 0 : heatmapTileUm),
                large);
    }
}
