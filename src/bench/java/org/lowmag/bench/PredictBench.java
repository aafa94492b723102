package org.lowmag.bench;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import org.lowmag.arch.Architecture;
import org.lowmag.cost.FlopCounter;
import org.lowmag.infer.HeatmapScale;
import org.lowmag.infer.ModelRunner;
import org.lowmag.infer.SlideInputs;
import org.lowmag.infer.SlidePredictor;
import org.lowmag.infer.SlideResult;
import org.lowmag.infer.TissueResult;
import org.lowmag.model.LowMagModel;
import org.lowmag.resample.LanczosResampler;
import org.lowmag.slide.MagnificationResolver;
import org.lowmag.slide.RegionRequest;
import org.lowmag.slide.SlideMetadata;
import org.lowmag.slide.SlideReader;
import org.lowmag.slide.SlideReaders;
import org.lowmag.tiff.PyramidTiffWriter;
import org.lowmag.tissue.TissueParams;

/**
 * End-to-end prediction ({@code lowmag predict}'s {@link SlidePredictor}, without writing files):
 * seconds per slide for the teacher at its magnification and for students at 4x and 8x lower
 * magnification, on the real slides and on a larger pyramidal slide built from one of them, with
 * the time split into detection (open, thumbnail, tissue finding), reading (regions and Lanczos)
 * and inference. The models are freshly initialised {@code paper} networks (speed does not depend
 * on the weights). The FLOPs of a slide are the sum over its tissues of {@link FlopCounter} at each
 * tissue's padded input size; the speed-up of a student is {@code teacher s/slide / student
 * s/slide}, to be read next to the FLOP ratio {@code teacher FLOPs / student FLOPs}.
 *
 * <p>The built slides are {@code N x N} mosaics of the first slide's level 0 (default 4 x 4 and 8 x
 * 8), written as a JPEG pyramid with levels every 4x ({@link PyramidTiffWriter}) at the source
 * slide's resolution: the layout of a scanner's file, where a low magnification is read from a
 * coarse level.
 *
 * <p>Keys: {@code predict/SLIDE/MAGx/seconds}, {@code .../detect}, {@code .../read}, {@code
 * .../infer} (seconds per slide) and {@code .../gflops} (one value; the tissue count in the note).
 *
 * <p>Usage: {@code PredictBench --raw FILE --work DIR --slides A,B,C [--mags 10,2.5,1.25]
 * [--source-mag 20] [--mosaic 4,8] [--reps 3] [--threads 2]}; {@code --mosaic 0} builds none.
 */
public final class PredictBench {

    private PredictBench() {}

    /**
     * @param args see the class comment
     * @throws Exception when a slide cannot be built or predicted
     */
    public static void main(String[] args) throws Exception {
        BenchArgs a = new BenchArgs(args);
        RawResults raw = new RawResults(a.path("raw"));
        int reps = a.integer("reps", 3);
        int threads = a.integer("threads", 2);
        BenchModels.engine(threads);
        List<Path> slides = new ArrayList<>();
        for (String s : a.string("slides", "").split(",")) {
            Path p = Path.of(s);
            if (Files.isRegularFile(p)) {
                slides.add(p);
            } else if (!s.isBlank()) {
                System.out.println("  skipped: " + p + " is absent");
            }
        }
        if (slides.isEmpty()) {
            System.out.println("  predict benchmark skipped: no slide");
            return;
        }
        for (int n : a.integers("mosaic", "4,8")) {
            if (n > 0) {
                slides.add(mosaic(slides.get(0), a.path("work"), n, threads));
            }
        }
        MagnificationResolver mags =
                new MagnificationResolver(
                        OptionalDouble.of(Double.parseDouble(a.string("source-mag", "20"))),
                        OptionalDouble.empty());
        List<Double> modelMags = new ArrayList<>();
        for (String m : a.string("mags", "10,2.5,1.25").split(",")) {
            modelMags.add(Double.parseDouble(m));
        }
        try (LanczosResampler resampler = new LanczosResampler(threads)) {
            for (double mag : modelMags) {
                try (LowMagModel model = BenchModels.create("paper", mag, 1L)) {
                    SlidePredictor predictor =
                            new SlidePredictor(
                                    new ModelRunner(model),
                                    mags,
                                    TissueParams.defaults(),
                                    SlideReaders::open,
                                    resampler,
                                    false,
                                    HeatmapScale.FIXED);
                    for (Path slide : slides) {
                        measure(raw, predictor, slide, mag, reps);
                    }
                }
            }
        }
    }

    private static void measure(
            RawResults raw, SlidePredictor predictor, Path slide, double mag, int reps)
            throws IOException {
        String name = SlideInputs.name(slide);
        String key = "predict/" + name + "/" + fmt(mag) + "x/";
        SlideResult first;
        try {
            first = predictor.predict(slide, name); // warm-up
        } catch (RuntimeException e) {
            System.out.printf("  %s at %sx: not measured (%s)%n", name, fmt(mag), e.getMessage());
            return;
        }
        long end = System.nanoTime() + 2_000_000_000L;
        while (System.nanoTime() < end) {
            predictor.predict(slide, name);
        }
        double[] total = new double[reps];
        double[] detect = new double[reps];
        double[] read = new double[reps];
        double[] infer = new double[reps];
        for (int i = 0; i < reps; i++) {
            long t0 = System.nanoTime();
            SlideResult r = predictor.predict(slide, name);
            total[i] = (System.nanoTime() - t0) / 1e9;
            detect[i] = r.detectSeconds();
            read[i] = r.readSeconds();
            infer[i] = r.inferSeconds();
        }
        double gflops = 0;
        long pixels = 0;
        for (TissueResult t : first.tissues()) {
            int h = Math.max(t.heightPx(), Architecture.PAPER.totalStride());
            int w = Math.max(t.widthPx(), Architecture.PAPER.totalStride());
            gflops += FlopCounter.count(Architecture.PAPER, 3, h, w, BenchModels.CLASSES).gflops();
            pixels += (long) t.widthPx() * t.heightPx();
        }
        String note =
                String.format(
                        Locale.ROOT,
                        "%d tissues; %d px at %sx; level %d (downsample %s)",
                        first.tissues().size(),
                        pixels,
                        fmt(mag),
                        first.plan().level(),
                        fmt(first.plan().levelDownsample()));
        raw.add(key + "seconds", "s", new Samples(total), note);
        raw.add(key + "detect", "s", new Samples(detect), note);
        raw.add(key + "read", "s", new Samples(read), note);
        raw.add(key + "infer", "s", new Samples(infer), note);
        raw.add(key + "gflops", "GFLOPs", new Samples(new double[] {gflops}), note);
        System.out.printf(
                Locale.ROOT,
                "  %-28s %5sx  %8.4f s/slide (detect %.4f, read %.4f, infer %.4f)  %9.3f GFLOPs"
                        + "  %s%n",
                name,
                fmt(mag),
                new Samples(total).median(),
                new Samples(detect).median(),
                new Samples(read).median(),
                new Samples(infer).median(),
                gflops,
                note);
    }

    /** Writes (once) an {@code n x n} mosaic of the slide's level 0 as a pyramidal TIFF. */
    private static Path mosaic(Path source, Path work, int n, int threads) throws IOException {
        Path target = work.resolve(SlideInputs.name(source) + "-mosaic" + n + "x" + n + ".tif");
        if (Files.isRegularFile(target)) {
            return target;
        }
        BufferedImage level0;
        SlideMetadata meta;
        try (SlideReader r = SlideReaders.open(source)) {
            meta = r.metadata();
            level0 = r.readRegion(new RegionRequest(0, 0, meta.widthPx(), meta.heightPx(), 1.0));
        }
        int w = level0.getWidth();
        int h = level0.getHeight();
        BufferedImage tile = level0;
        System.out.printf("  building %s (%dx%d px)%n", target, w * n, h * n);
        PyramidTiffWriter.builder()
                .setMpp(meta.mppX().orElse(0.5), meta.mppY().orElse(0.5))
                .optThreads(threads)
                .optTitle("LowMag benchmark: " + n + "x" + n + " mosaic of " + source.getFileName())
                .build()
                .write(
                        target,
                        w * n,
                        h * n,
                        (x, y, tw, th) -> {
                            BufferedImage out =
                                    new BufferedImage(tw, th, BufferedImage.TYPE_INT_RGB);
                            Graphics2D g = out.createGraphics();
                            try {
                                for (int ty = y / h; ty * h < y + th; ty++) {
                                    for (int tx = x / w; tx * w < x + tw; tx++) {
                                        g.drawImage(tile, tx * w - x, ty * h - y, null);
                                    }
                                }
                            } finally {
                                g.dispose();
                            }
                            return out;
                        });
        return target;
    }

    static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
