package org.lowmag.infer;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Geometry;
import org.lowmag.geojson.RoiFile;
import org.lowmag.geojson.RoiRaster;
import org.lowmag.model.Logits;
import org.lowmag.resample.LanczosResampler;
import org.lowmag.slide.MagnificationResolver;
import org.lowmag.slide.RegionRequest;
import org.lowmag.slide.ScanMagnification;
import org.lowmag.slide.SlideMetadata;
import org.lowmag.slide.SlideReader;
import org.lowmag.tissue.ConnectedComponents;
import org.lowmag.tissue.SlideTissue;
import org.lowmag.tissue.TissueBox;
import org.lowmag.tissue.TissueDetection;
import org.lowmag.tissue.TissueDetector;
import org.lowmag.tissue.TissueMask;
import org.lowmag.tissue.TissueParams;
import org.lowmag.util.LowMagException;

/**
 * Predicts one slide: resolves its magnification and plans the read ({@link ReadPlan}), finds the
 * tissue on an overview ({@link SlideTissue}; tissueloc's defaults in normal use), reads each whole
 * tissue at the model's magnification ({@link TissueReader}), classifies the tissues in chunks
 * ({@link ModelRunner#classifyAll}, {@link #CHUNK_PIXELS}; a tissue over {@link
 * LargeTissues#maxTissuePx()} refuses the slide before anything is read, or is tiled: {@link
 * TiledInference}), aggregates the slide label ({@link SlideLabelRule}), traces the outlines
 * ({@link TissueContours}) and, when asked, draws the heatmaps ({@link HeatmapRenderer}).
 * Thread-safe.
 *
 * @param runner the model
 * @param magnifications resolves each slide's magnification
 * @param tissueParams tissue detection parameters; the thumbnail's longest side is their analysis
 *     size
 * @param opener opens slides
 * @param resampler the Lanczos resampler
 * @param heatmaps whether to compute class-activation heatmaps
 * @param heatmapScale what the heatmaps' colours show
 * @param qupath regions of interest to restrict the classification to, if any
 * @param large the most pixels of a tissue in one forward pass, and whether a larger tissue is
 *     tiled ({@link TiledInference}) or refuses the slide
 */
public record SlidePredictor(
        ModelRunner runner,
        MagnificationResolver magnifications,
        TissueParams tissueParams,
        SlideOpener opener,
        LanczosResampler resampler,
        boolean heatmaps,
        HeatmapScale heatmapScale,
        QuPathOptions qupath,
        LargeTissues large) {

    /**
     * Tissues are read and classified in chunks of about this many pixels at the model's
     * magnification (16 Mpx, 48 MB of RGB): enough to batch the small tissues of a slide read at
     * low magnification, while a slide's huge tissues at high magnification are held one or two at
     * a time.
     */
    public static final long CHUNK_PIXELS = 1L << 24;

    /** Douglas-Peucker tolerance of the outlines, in thumbnail pixels. */
    public static final double OUTLINE_TOLERANCE_PX = 1.0;

    /** Opens a slide file (a seam for tests and other backends). */
    @FunctionalInterface
    public interface SlideOpener {
        /**
         * @param path the slide file
         * @return an open reader
         * @throws IOException when it cannot be opened
         */
        SlideReader open(Path path) throws IOException;
    }

    /**
     * Classifies all the tissue found ({@link QuPathOptions#none()}), tissues over the default
     * limit refused ({@link LargeTissues#defaults()}).
     *
     * @param runner the model
     * @param magnifications resolves each slide's magnification
     * @param tissueParams tissue detection parameters
     * @param opener opens slides
     * @param resampler the Lanczos resampler
     * @param heatmaps whether to compute class-activation heatmaps
     * @param heatmapScale what the heatmaps' colours show
     */
    public SlidePredictor(
            ModelRunner runner,
            MagnificationResolver magnifications,
            TissueParams tissueParams,
            SlideOpener opener,
            LanczosResampler resampler,
            boolean heatmaps,
            HeatmapScale heatmapScale) {
        this(
                runner,
                magnifications,
                tissueParams,
                opener,
                resampler,
                heatmaps,
                heatmapScale,
                QuPathOptions.none(),
                LargeTissues.defaults());
    }

    /**
     * @return the model's metadata
     */
    public org.lowmag.model.ModelInfo info() {
        return runner.info();
    }

    /**
     * @return the model's class names
     */
    public List<String> classes() {
        return runner.info().classes();
    }

    /**
     * @param slide the slide file
     * @param name its output name
     * @return the prediction
     * @throws IOException when the slide cannot be read
     * @throws LowMagException when its magnification is unknown or too low, or it has no tissue
     */
    public SlideResult predict(Path slide, String name) throws IOException {
        long t0 = System.nanoTime();
        try (SlideReader reader = opener.open(slide)) {
            SlideMetadata meta = reader.metadata();
            ScanMagnification mag = magnifications.require(meta);
            ReadPlan plan = ReadPlan.of(meta, mag, runner.info().magnification());
            SlideTissue found = SlideTissue.find(reader, meta, tissueParams);
            BufferedImage thumb = found.overview();
            Geometry roi = qupath.roiFor(slide);
            TissueDetection det = withinRoi(slide, meta, found.detection(), roi);
            ConnectedComponents labels = det.pieces();
            TissueMask mask = det.mask();
            large.check(slide, det.boxes(), plan);
            double detectSeconds = (System.nanoTime() - t0) / 1e9;
            TissueReader tissueReader = new TissueReader(reader, plan, resampler);
            List<TissueResult> tissues = new ArrayList<>();
            List<List<double[]>> outlines = new ArrayList<>();
            List<TissueBox> chunk = new ArrayList<>();
            long chunkPx = 0;
            for (TissueBox box : det.boxes()) {
                outlines.add(outline(labels, box.id(), mask, meta));
                chunk.add(box);
                chunkPx += plan.modelPixels(box);
                if (chunkPx >= CHUNK_PIXELS) {
                    tissues.addAll(classify(tissueReader, chunk, roi));
                    chunk.clear();
                    chunkPx = 0;
                }
            }
            tissues.addAll(classify(tissueReader, chunk, roi));
            SlideLabelRule.SlideLabel label =
                    SlideLabelRule.aggregate(
                            tissues.stream().map(TissueResult::probabilities).toList(),
                            tissues.stream().mapToDouble(t -> t.box().areaL0Px()).toArray());
            List<BufferedImage> maps =
                    heatmaps
                            ? HeatmapRenderer.render(
                                    thumb,
                                    labels,
                                    tissues,
                                    runner.info().classes(),
                                    name,
                                    heatmapScale)
                            : List.of();
            double seconds = (System.nanoTime() - t0) / 1e9;
            return new SlideResult(
                    slide,
                    name,
                    reader.backend(),
                    meta,
                    plan,
                    thumb,
                    tissues,
                    outlines,
                    label,
                    maps,
                    detectSeconds,
                    seconds);
        }
    }

    /** The tissue found, within the regions of interest when given (else roi is null). */
    private TissueDetection withinRoi(
            Path slide, SlideMetadata meta, TissueDetection found, Geometry roi) {
        TissueDetection det = found;
        if (roi != null && !det.isEmpty()) {
            TissueMask m = det.mask();
            boolean[] keep =
                    RoiRaster.mask(
                            roi, m.widthPx(), m.heightPx(), m.downsampleX(), m.downsampleY());
            det =
                    TissueDetector.within(
                            det, keep, meta.widthPx(), meta.heightPx(), meta.mppX(), meta.mppY());
            if (det.isEmpty()) {
                throw new LowMagException(
                        slide
                                + ": no tissue inside its regions of interest ("
                                + RoiFile.forSlide(qupath.roi(), slide)
                                + ")");
            }
        }
        if (det.isEmpty()) {
            throw new LowMagException(
                    slide + ": " + det.summary() + " (a smaller --min-size may find it)");
        }
        return det;
    }

    /**
     * Reads a chunk of tissues, then classifies them together ({@link ModelRunner#classifyAll});
     * each tissue's inference time is the chunk's shared in proportion to its pixels.
     */
    private List<TissueResult> classify(
            TissueReader tissueReader, List<TissueBox> boxes, Geometry roi) throws IOException {
        if (boxes.isEmpty()) {
            return List.of();
        }
        List<BufferedImage> images = new ArrayList<>(boxes.size());
        double[] readSeconds = new double[boxes.size()];
        long pixels = 0;
        for (int i = 0; i < boxes.size(); i++) {
            long t0 = System.nanoTime();
            BufferedImage img = tissueReader.read(boxes.get(i));
            if (roi != null) {
                RegionRequest req = tissueReader.levelRequest(boxes.get(i));
                RoiRaster.whiteOutside(
                        img,
                        roi,
                        req.x(),
                        req.y(),
                        req.widthL0() / (double) img.getWidth(),
                        req.heightL0() / (double) img.getHeight());
            }
            readSeconds[i] = (System.nanoTime() - t0) / 1e9;
            images.add(img);
            pixels += (long) img.getWidth() * img.getHeight();
        }
        long t0 = System.nanoTime();
        List<ModelRunner.Result> results =
                TiledInference.classifyAll(runner, images, heatmaps, large);
        double inferSeconds = (System.nanoTime() - t0) / 1e9;
        List<TissueResult> out = new ArrayList<>(boxes.size());
        for (int i = 0; i < boxes.size(); i++) {
            BufferedImage img = images.get(i);
            ModelRunner.Result r = results.get(i);
            double share = (double) img.getWidth() * img.getHeight() / pixels;
            out.add(
                    new TissueResult(
                            boxes.get(i),
                            img.getWidth(),
                            img.getHeight(),
                            r.probabilities(),
                            Logits.argMax(r.probabilities()),
                            readSeconds[i],
                            inferSeconds * share,
                            r.cam(),
                            r.passTiles()));
        }
        return out;
    }

    /** The tissue's simplified outline, scaled to level 0 and clamped to the slide. */
    static List<double[]> outline(
            ConnectedComponents labels, int id, TissueMask mask, SlideMetadata meta) {
        List<double[]> ring =
                TissueContours.simplify(TissueContours.trace(labels, id), OUTLINE_TOLERANCE_PX);
        List<double[]> out = new ArrayList<>(ring.size());
        for (double[] p : ring) {
            double x = Math.min(meta.widthPx(), p[0] * mask.downsampleX());
            double y = Math.min(meta.heightPx(), p[1] * mask.downsampleY());
            out.add(new double[] {Math.round(x * 100) / 100.0, Math.round(y * 100) / 100.0});
        }
        return out;
    }
}
