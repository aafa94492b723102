package org.lowmag.cli;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import org.lowmag.dataset.ImageFiles;
import org.lowmag.dataset.SlideList;
import org.lowmag.infer.SlideInputs;
import org.lowmag.infer.TissueGeoJson;
import org.lowmag.slide.MagnificationResolver;
import org.lowmag.slide.RegionRequest;
import org.lowmag.slide.ScanMagnification;
import org.lowmag.slide.SlideMetadata;
import org.lowmag.slide.SlideReader;
import org.lowmag.slide.SlideReaders;
import org.lowmag.tissue.SlideTissue;
import org.lowmag.tissue.ThresholdMethod;
import org.lowmag.tissue.TissueBox;
import org.lowmag.tissue.TissueDetection;
import org.lowmag.tissue.TissueDetector;
import org.lowmag.tissue.TissueJson;
import org.lowmag.tissue.TissueOverlay;
import org.lowmag.tissue.TissueParams;
import org.lowmag.util.Json;
import org.lowmag.util.LowMagException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code lowmag tissue}: find the tissue pieces of a slide, as tissueloc does. */
@Command(
        name = "tissue",
        mixinStandardHelpOptions = true,
        description = {
            "Find tissue on a slide's low-resolution overview (tissueloc's method: grey, Gaussian"
                    + " smoothing, threshold at 0.8 of the brightest grey, hole filling, removal"
                    + " of small pieces) and give one bounding box per piece in level-0 pixels."
                    + " The defaults (--preset lowmag) are those 'lowmag prepare --slides' uses.",
            "",
            "Writes DIR/mask.png (white tissue on black, analysis resolution), DIR/tissues.json"
                    + " (boxes, areas, analysis downsample, parameters) and DIR/thumbnail.png"
                    + " (overview with boxes), each atomically; with --geojson also"
                    + " DIR/tissues.geojson (the outlines as QuPath annotations).",
        })
final class TissueCommand implements Callable<Integer> {

    @Parameters(
            index = "0",
            arity = "0..1",
            paramLabel = "SLIDE",
            description =
                    "Slide or plain image; without it, every slide of --slide-list, each into"
                            + " DIR/NAME/.")
    Path slide;

    @Mixin SourceScaleOptions source;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder.")
    Path outDir;

    /** A named parameter set to start from. */
    enum Preset {
        /** {@link TissueParams#defaults()}. */
        LOWMAG,
        /** {@link TissueParams#tissueloc()}. */
        TISSUELOC;

        TissueParams params() {
            return this == LOWMAG ? TissueParams.defaults() : TissueParams.tissueloc();
        }
    }

    @Option(
            names = "--preset",
            defaultValue = "lowmag",
            paramLabel = "NAME",
            description =
                    "Parameter set the other flags override: lowmag (sigma 5, pieces of at least"
                            + " 0.1%% of the overview; default) or tissueloc (tissueloc's library"
                            + " defaults: sigma 13, pieces of at least 10000 px).")
    Preset preset;

    @Option(
            names = "--analysis-size",
            paramLabel = "PX",
            description = "Longest side of the analysed overview (tissueloc max_img_size; 2048).")
    Integer analysisSizePx;

    @Option(
            names = "--mpp",
            paramLabel = "UM",
            description =
                    "Analyse at this many um per pixel instead of --analysis-size (needs the"
                            + " slide's um/px).")
    Double analysisMpp;

    @Option(
            names = "--sigma",
            paramLabel = "PX",
            description = "Gaussian smoothing sigma in analysis pixels (lowmag 5, tissueloc 13).")
    Double sigmaPx;

    @Option(
            names = "--threshold",
            paramLabel = "T",
            description =
                    "Tissue is darker than this fraction of the brightest smoothed grey (0.8).")
    Double threshold;

    @Option(names = "--otsu", description = "Use Otsu's threshold instead of --threshold.")
    boolean otsu;

    @Option(
            names = "--min-size",
            paramLabel = "PX",
            description =
                    "Drop pieces smaller than this many analysis pixels (lowmag 0, tissueloc"
                            + " 10000).")
    Integer minSizePx;

    @Option(
            names = "--min-fraction",
            paramLabel = "F",
            description =
                    "Drop pieces smaller than this fraction of the overview's area (lowmag"
                            + " 0.001, tissueloc 0); the larger of the two minimums applies.")
    Double minFraction;

    @Option(
            names = "--geojson",
            description =
                    "Also write DIR/tissues.geojson: the tissue outlines as QuPath annotations"
                            + " (level-0 pixels; File > Import objects in QuPath).")
    boolean geojson;

    /**
     * @return the preset with the flags given applied
     */
    TissueParams params() {
        TissueParams p = preset.params();
        if (analysisSizePx != null) {
            p = p.withAnalysisMaxSidePx(analysisSizePx);
        }
        if (sigmaPx != null) {
            p = p.withSmoothSigmaPx(sigmaPx);
        }
        if (threshold != null) {
            p = p.withThreshold(threshold);
        }
        if (otsu) {
            p = p.withThresholdMethod(ThresholdMethod.OTSU);
        }
        if (minSizePx != null) {
            p = p.withMinTissueSizePx(minSizePx);
        }
        if (minFraction != null) {
            p = p.withMinTissueAreaFraction(minFraction);
        }
        return p;
    }

    @Override
    public Integer call() throws IOException {
        TissueParams params = UsageException.fromFlags(this::params);
        MagnificationResolver scale = source.resolver();
        if (slide != null) {
            detect(slide, outDir, params, scale);
            return 0;
        }
        SlideList list = source.list();
        if (list == null) {
            throw new UsageException("give a SLIDE or --slide-list CSV");
        }
        for (Path s : list.slides()) {
            detect(s, outDir.resolve(SlideInputs.name(s)), params, scale);
        }
        return 0;
    }

    /**
     * um/px for areas and {@code --mpp}: a user or slide-list value ({@code 10 / magnification},
     * both axes) when given, else what the slide records.
     */
    private static SlideMetadata scaled(SlideMetadata meta, MagnificationResolver scale) {
        Optional<ScanMagnification> given = scale.resolve(meta);
        if (given.isEmpty()
                || given.get().source() == ScanMagnification.Source.SLIDE_MPP
                || given.get().source() == ScanMagnification.Source.SLIDE_OBJECTIVE_POWER) {
            return meta;
        }
        OptionalDouble mpp = OptionalDouble.of(given.get().mppUm());
        return new SlideMetadata(
                meta.path(),
                meta.widthPx(),
                meta.heightPx(),
                meta.levelWidthsPx(),
                meta.levelHeightsPx(),
                meta.downsamples(),
                mpp,
                mpp,
                meta.objectivePower(),
                meta.vendor(),
                meta.associatedImages(),
                meta.properties());
    }

    private void detect(Path slide, Path outDir, TissueParams params, MagnificationResolver scale)
            throws IOException {
        Files.createDirectories(outDir);
        try (SlideReader reader = SlideReaders.open(slide)) {
            SlideMetadata meta = scaled(reader.metadata(), scale);
            BufferedImage overview;
            TissueDetection d;
            if (analysisMpp == null) {
                SlideTissue found = SlideTissue.find(reader, meta, params);
                overview = found.overview();
                d = found.detection();
            } else {
                overview = overviewAtMpp(slide, reader, meta);
                d =
                        new TissueDetector(params)
                                .detect(
                                        overview,
                                        meta.widthPx(),
                                        meta.heightPx(),
                                        meta.mppX(),
                                        meta.mppY());
            }
            ImageFiles.write(outDir.resolve("mask.png"), d.mask().toImage());
            TissueJson.Slide on =
                    new TissueJson.Slide(
                            meta.path(),
                            reader.backend(),
                            meta.widthPx(),
                            meta.heightPx(),
                            meta.mppX(),
                            meta.mppY());
            Json.write(outDir.resolve("tissues.json"), TissueJson.of(d, on));
            ImageFiles.write(outDir.resolve("thumbnail.png"), TissueOverlay.draw(overview, d));
            if (geojson) {
                Json.write(
                        outDir.resolve("tissues.geojson"),
                        TissueGeoJson.of(d, meta, slide.getFileName().toString()));
            }
            System.out.println(slide + ": " + d.summary() + "; wrote " + outDir);
            for (TissueBox b : d.boxes()) {
                System.out.printf(
                        Locale.ROOT,
                        "  tissue %d: x=%d y=%d %dx%d px (level 0)%s%n",
                        b.id(),
                        b.x(),
                        b.y(),
                        b.width(),
                        b.height(),
                        b.areaMm2().isPresent()
                                ? String.format(
                                        Locale.ROOT, ", %.3f mm^2", b.areaMm2().getAsDouble())
                                : "");
            }
        }
    }

    private BufferedImage overviewAtMpp(Path slide, SlideReader reader, SlideMetadata meta)
            throws IOException {
        if (meta.mppX().isEmpty()) {
            throw new LowMagException(
                    slide + " records no um/px, so --mpp cannot be used: use --analysis-size");
        }
        double downsample = analysisMpp / meta.mppX().getAsDouble();
        if (!(downsample >= 1.0)) {
            throw new UsageException(
                    "--mpp "
                            + analysisMpp
                            + " is finer than the slide's "
                            + meta.mppX().getAsDouble()
                            + " um/px");
        }
        return reader.readRegion(
                new RegionRequest(0, 0, meta.widthPx(), meta.heightPx(), downsample));
    }
}
