package org.lowmag.prepare;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.lowmag.dataset.TissueRecord;
import org.lowmag.resample.LanczosResampler;
import org.lowmag.slide.Magnification;
import org.lowmag.slide.MagnificationResolver;
import org.lowmag.slide.ScanMagnification;
import org.lowmag.slide.SlideMetadata;
import org.lowmag.slide.SlideReader;
import org.lowmag.slide.SlideReaders;
import org.lowmag.tissue.SlideTissue;
import org.lowmag.tissue.TissueBox;
import org.lowmag.tissue.TissueDetection;
import org.lowmag.tissue.TissueParams;
import org.lowmag.util.LowMagException;

/**
 * Cuts the tissues of one whole-slide image (the {@link PrepareJob.ItemCutter} of {@code lowmag
 * prepare --slides}):
 *
 * <ol>
 *   <li>open the slide ({@link SlideReaders#open} by default);
 *   <li>resolve its level-0 magnification with {@link MagnificationResolver} (a user {@code
 *       --source-mag}/{@code --source-mpp} wins, then the slide's um/px as {@code 10 / mpp}, then
 *       its objective power; neither: the slide fails);
 *   <li>detect tissue on an overview of at most {@link TissueParams#analysisMaxSidePx()} px ({@link
 *       SlideTissue}); no tissue: the slide fails with "no tissue found in SLIDE";
 *   <li>cut each box {@code SLIDEID_tNN} at every magnification with {@link PyramidRenderer}
 *       (directly from the coarsest adequate level, in strips) through {@link TissueCutter}
 *       (resume, PNG files).
 * </ol>
 *
 * Thread-safe: slides may be cut in parallel; reports are collected in {@link #reports()}.
 */
public final class SlideTissueCutter implements PrepareJob.ItemCutter {

    /** Opens a slide (a seam for tests). */
    @FunctionalInterface
    public interface SlideOpener {
        /**
         * @param file the slide file
         * @return a reader; the caller closes it
         * @throws IOException when it cannot be opened
         */
        SlideReader open(Path file) throws IOException;
    }

    private final TissueCutter cutter;
    private final List<Double> mags;
    private final MagnificationResolver resolver;
    private final TissueParams params;
    private final PyramidRenderer renderer;
    private final SlideOpener opener;
    private final List<SlideReport> reports = Collections.synchronizedList(new ArrayList<>());

    /**
     * @param cutter writes the images (its magnifications are the ones cut)
     * @param mags the magnifications (the cutter's)
     * @param resolver the magnification rules and user values
     * @param params tissue detection parameters
     * @param renderer the strip-wise renderer
     * @param opener opens slides
     */
    public SlideTissueCutter(
            TissueCutter cutter,
            List<Double> mags,
            MagnificationResolver resolver,
            TissueParams params,
            PyramidRenderer renderer,
            SlideOpener opener) {
        this.cutter = cutter;
        this.mags = List.copyOf(mags);
        this.resolver = resolver;
        this.params = params;
        this.renderer = renderer;
        this.opener = opener;
    }

    /**
     * The cutter of {@code lowmag prepare --slides} (also each task's of {@code lowmag-spark
     * prepare}): the settings' folder, magnifications, scale and {@code --force}, the tissue
     * defaults, the strip renderer and {@link SlideReaders#open}.
     *
     * @param cfg the settings
     * @param resampler the resampler of the image writer
     * @return the cutter
     */
    public static SlideTissueCutter of(PrepareConfig cfg, LanczosResampler resampler) {
        return new SlideTissueCutter(
                new TissueCutter(cfg.out(), cfg.magnifications(), resampler, cfg.force()),
                cfg.magnifications(),
                cfg.scale(),
                TissueParams.defaults(),
                new PyramidRenderer(),
                SlideReaders::open);
    }

    /**
     * @return the tissue images this cutter has written ({@link TissueCutter#written})
     */
    public int imagesWritten() {
        return cutter.written();
    }

    @Override
    public PrepareJob.Cut cut(PrepareItem item) throws IOException {
        long t0 = System.nanoTime();
        if (!Files.exists(item.file())) {
            throw new LowMagException(
                    "slide file " + item.file() + " not found (listed in " + item.origin() + ")");
        }
        try (SlideReader reader = opener.open(item.file())) {
            SlideMetadata meta = reader.metadata();
            ScanMagnification mag = resolver.require(meta);
            double slideMag = mag.magnification();
            for (double m : mags) {
                try {
                    TissueCutter.downsample(slideMag, m);
                } catch (LowMagException e) {
                    throw new LowMagException(
                            item.file() + " is " + mag + ": " + e.getMessage(), e);
                }
            }
            List<TissueBox> boxes = detect(reader, meta, item);
            List<TissueRecord> tissues = new ArrayList<>();
            Map<String, List<String>> sizes = new TreeMap<>();
            for (TissueBox box : boxes) {
                String id = String.format(Locale.ROOT, "%s_t%02d", item.id(), box.id());
                List<LevelRead> reads =
                        PyramidRenderer.plan(
                                meta, box.x(), box.y(), box.width(), box.height(), slideMag, mags);
                Map<String, TissueRecord.TissueImage> images =
                        cutter.cut(id, slideMag, (todo, sink) -> render(reader, reads, todo, sink));
                tissues.add(
                        new TissueRecord(
                                id,
                                item.file().toString(),
                                item.group(),
                                item.label(),
                                "",
                                images));
                sizes.put(id, sizes(images));
            }
            reports.add(report(item, meta, mag, boxes, sizes, t0));
            return new PrepareJob.Cut(tissues, slideMag);
        }
    }

    private List<TissueBox> detect(SlideReader reader, SlideMetadata meta, PrepareItem item)
            throws IOException {
        TissueDetection d = SlideTissue.find(reader, meta, params).detection();
        if (d.isEmpty()) {
            String prefix = "no tissue found";
            String why = d.summary();
            throw new LowMagException(
                    prefix
                            + " in "
                            + item.file()
                            + (why.startsWith(prefix)
                                    ? why.substring(prefix.length())
                                    : ": " + why));
        }
        return d.boxes();
    }

    private void render(
            SlideReader reader,
            List<LevelRead> reads,
            List<Double> todo,
            TissueCutter.ImageSink sink)
            throws IOException {
        List<LevelRead> wanted =
                reads.stream().filter(r -> todo.contains(r.magnification())).toList();
        renderer.render(reader, wanted, sink);
    }

    private static List<String> sizes(Map<String, TissueRecord.TissueImage> images) {
        List<String> out = new ArrayList<>();
        images.values().forEach(i -> out.add(i.widthPx() + "x" + i.heightPx()));
        return out;
    }

    private SlideReport report(
            PrepareItem item,
            SlideMetadata meta,
            ScanMagnification mag,
            List<TissueBox> boxes,
            Map<String, List<String>> sizes,
            long t0) {
        Map<String, Integer> levels = new LinkedHashMap<>();
        for (double m : mags) {
            double d = TissueCutter.downsample(mag.magnification(), m);
            levels.put(Magnification.format(m), meta.levelForDownsample(d));
        }
        Optional<ScanMagnification> recorded = MagnificationResolver.recorded(meta);
        String rec =
                mag.source() != ScanMagnification.Source.SLIDE_MPP
                                && mag.source() != ScanMagnification.Source.SLIDE_OBJECTIVE_POWER
                        ? recorded.map(r -> Magnification.formatShort(r.magnification()) + "x")
                                .orElse("none")
                        : "";
        return new SlideReport(
                item.id(),
                mag.magnification(),
                mag.source().label(),
                rec,
                meta.levelCount(),
                boxes.size(),
                levels,
                sizes,
                (System.nanoTime() - t0) / 1e9);
    }

    /**
     * @return the reports of the slides cut so far, sorted by slide id
     */
    public List<SlideReport> reports() {
        synchronized (reports) {
            return reports.stream().sorted((a, b) -> a.slideId().compareTo(b.slideId())).toList();
        }
    }
}
