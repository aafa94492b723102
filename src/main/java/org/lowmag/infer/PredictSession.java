package org.lowmag.infer;

import com.google.gson.JsonParseException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;
import org.lowmag.model.LowMagModel;
import org.lowmag.model.ModelInfo;
import org.lowmag.model.ModelPaths;
import org.lowmag.resample.LanczosResampler;
import org.lowmag.util.Json;
import org.lowmag.util.LowMagException;

/**
 * One loaded model ready to predict slides into an output folder with {@link PredictJob.Config}'s
 * settings: {@link #predict} classifies ONE slide, writes its {@code SLIDE.json}, {@code
 * SLIDE.geojson} and heatmaps ({@link PredictionWriter}, atomically) and returns its summary row.
 * Thread-safe: {@link PredictJob} calls it from {@code threads} threads, a distributed runner (the
 * {@code lowmag-spark} module) from every task of an executor. A slide whose {@code SLIDE.json} was
 * made by the same model and settings ({@link PredictionOrigin}) is skipped unless {@code force}.
 */
public final class PredictSession implements AutoCloseable {

    /** Why a slide that an earlier process died reading is not read again. */
    static final String DIED =
            "an earlier 'lowmag predict' into this folder died while reading this slide (a crash"
                    + " in the native slide library on a corrupt file, or a hard kill; a slide"
                    + " read at the same time may be the cause): not read again; --force tries it"
                    + " again";

    private final PredictJob.Config config;
    private final Path modelDir;
    private final PredictionOrigin origin;
    private final LowMagModel model;
    private final LanczosResampler resampler;
    private final SlidePredictor predictor;
    private final CrashJournal journal;

    private PredictSession(
            PredictJob.Config config,
            Path modelDir,
            PredictionOrigin origin,
            LowMagModel model,
            LanczosResampler resampler,
            SlidePredictor predictor,
            CrashJournal journal) {
        this.config = config;
        this.modelDir = modelDir;
        this.origin = origin;
        this.model = model;
        this.resampler = resampler;
        this.predictor = predictor;
        this.journal = journal;
    }

    /**
     * Loads the model. The Lanczos resampler gets {@code max(1, cores / threads)} threads.
     *
     * @param c the settings ({@code inputs} are not read here)
     * @param crashJournal whether to keep {@link CrashJournal} markers in the output folder (only
     *     under the folder's lock: a single process or its driver owns them); without them a slide
     *     whose reading ended the process is simply read again
     * @return the session; close it
     * @throws IOException when the model cannot be read
     */
    public static PredictSession open(PredictJob.Config c, boolean crashJournal)
            throws IOException {
        Path modelDir = ModelPaths.resolve(c.model());
        PredictionOrigin origin = PredictionOrigin.of(modelDir, settings(c));
        int cores = Runtime.getRuntime().availableProcessors();
        LowMagModel model = LowMagModel.load(modelDir);
        LanczosResampler resampler = new LanczosResampler(Math.max(1, cores / c.threads()));
        SlidePredictor predictor =
                new SlidePredictor(
                        new ModelRunner(model),
                        c.magnifications(),
                        c.tissue(),
                        c.opener(),
                        resampler,
                        c.heatmaps(),
                        c.heatmapScale(),
                        c.qupath(),
                        c.large());
        return new PredictSession(
                c,
                modelDir,
                origin,
                model,
                resampler,
                predictor,
                crashJournal ? new CrashJournal(c.out()) : null);
    }

    /**
     * @return the model's metadata
     */
    public ModelInfo info() {
        return model.info();
    }

    /**
     * @return the model folder and settings recorded in every {@code SLIDE.json}
     */
    public PredictionOrigin origin() {
        return origin;
    }

    /**
     * @param name a slide's output name
     * @return its known label ({@code --labels}), or empty
     */
    public String truth(String name) {
        return config.truth().of(name).orElse("");
    }

    /** The settings that shape a slide's outputs, recorded in its {@link PredictionOrigin}. */
    private static Map<String, Object> settings(PredictJob.Config c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("heatmaps", c.heatmaps());
        m.put("heatmap_scale", c.heatmapScale().name());
        OptionalDouble mag = c.magnifications().sourceMag();
        OptionalDouble mpp = c.magnifications().sourceMpp();
        m.put("source_mag", mag.isPresent() ? Double.toString(mag.getAsDouble()) : "");
        m.put("source_mpp", mpp.isPresent() ? Double.toString(mpp.getAsDouble()) : "");
        m.put("tissue", c.tissue().toString());
        m.put("max_tissue_px", Long.toString(c.large().maxTissuePx()));
        m.put("tile_large_tissues", c.large().tile());
        if (!c.magnifications().perSlide().isEmpty()) {
            Map<String, Double> listed = new TreeMap<>();
            c.magnifications().perSlide().forEach((k, v) -> listed.put(k, v.magnification()));
            m.put("slide_list_magnifications", listed.toString());
        }
        if (c.qupath().roi() != null) {
            m.put("roi", c.qupath().roi().toAbsolutePath().normalize().toString());
        }
        if (c.qupath().heatmapTileUm() > 0) {
            m.put("heatmap_tile_um", Double.toString(c.qupath().heatmapTileUm()));
        }
        return m;
    }

    /**
     * Predicts one slide into the output folder (or skips it when done before). Errors reading the
     * slide fail its row, never the caller.
     *
     * @param name the slide's output name ({@link SlideInputs#name})
     * @param slide the slide file
     * @return its row of {@code summary.csv}
     */
    public SlideOutcome predict(String name, Path slide) {
        Path json = PredictionWriter.jsonFile(config.out(), name);
        List<String> classes = predictor.classes();
        String truth = truth(name);
        try {
            if (!config.force() && madeBy(json, origin)) {
                return SummaryCsv.fromExisting(
                        json, slide, name, classes, truth, SlideOutcome.Status.SKIPPED);
            }
            if (!config.force() && journal != null && journal.diedReading(name)) {
                return SlideOutcome.failed(slide, name, DIED, truth, origin.modelPath());
            }
            SlideResult r = predictJournalled(name, slide, truth);
            SlideLabelRule.SlideLabel l = r.slideLabel();
            return new SlideOutcome(
                    slide,
                    name,
                    SlideOutcome.Status.OK,
                    "",
                    classes.get(l.label()),
                    truth,
                    l.probabilities(),
                    r.tissues().size(),
                    r.seconds(),
                    origin.modelPath());
        } catch (NoSuchFileException e) {
            return SlideOutcome.failed(
                    slide, name, "file not found: " + e.getMessage(), truth, origin.modelPath());
        } catch (IOException
                | UncheckedIOException
                | LowMagException
                | JsonParseException
                | IllegalArgumentException
                | IllegalStateException e) {
            String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return SlideOutcome.failed(
                    slide, name, msg.replace('\n', ' '), truth, origin.modelPath());
        }
    }

    private SlideResult predictJournalled(String name, Path slide, String truth)
            throws IOException {
        if (journal != null) {
            journal.begin(name);
        }
        try {
            SlideResult r = predictor.predict(slide, name);
            PredictionWriter.write(
                    r, config.out(), modelDir, predictor.info(), truth, origin, config.qupath());
            return r;
        } finally {
            if (journal != null) {
                journal.end(name);
            }
        }
    }

    /** Whether the slide's JSON exists and was made by this model with these settings. */
    private static boolean madeBy(Path json, PredictionOrigin origin) throws IOException {
        if (!Files.isRegularFile(json)) {
            return false;
        }
        try {
            return origin.made(Json.readTree(json).getAsJsonObject());
        } catch (JsonParseException | IllegalStateException e) {
            return false;
        }
    }

    @Override
    public void close() {
        try (model;
                resampler) {
            if (journal != null) {
                journal.close();
            }
        }
    }
}
