package org.lowmag.prepare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lowmag.dataset.Dataset;
import org.lowmag.dataset.ImageFiles;
import org.lowmag.dataset.TissueRecord;
import org.lowmag.prepare.TissueSlides.Counter;
import org.lowmag.prepare.TissueSlides.CountingReader;
import org.lowmag.resample.LanczosResampler;
import org.lowmag.slide.MagnificationResolver;
import org.lowmag.slide.SlideMetadata;
import org.lowmag.slide.SlideReader;
import org.lowmag.slide.SlideReaders;
import org.lowmag.tissue.TissueBox;
import org.lowmag.tissue.TissueDetector;
import org.lowmag.tissue.TissueParams;

/**
 * {@link SlideTissueCutter} through {@link PrepareJob} on a batch of synthetic slides: two good
 * two-blob slides, a blank one, a corrupt one and a missing one, at 20x (user value) cut at 10, 5
 * and 2.5x (downsamples 2, 4, 8: levels 1, 2, 3).
 */
class PrepareSlidesTest {

    private static final List<Double> MAGS = List.of(10.0, 5.0, 2.5);

    @TempDir static Path shared;

    private static Path slides;

    @TempDir Path dir;

    private Path out;
    private final List<CountingReader> opened = Collections.synchronizedList(new ArrayList<>());

    @BeforeAll
    static void slides() throws IOException {
        slides = Files.createDirectories(shared.resolve("slides"));
        TissueSlides.twoBlobs(slides.resolve("a.tif"));
        TissueSlides.twoBlobs(slides.resolve("b.tif"));
        TissueSlides.blank(slides.resolve("blank.tif"));
        TissueSlides.corrupt(slides.resolve("corrupt.svs"));
        Files.writeString(
                shared.resolve("labels.csv"),
                "slide,patient,label\n"
                        + "a.tif,p1,x\n"
                        + "b.tif,p2,y\n"
                        + "blank.tif,p3,x\n"
                        + "corrupt.svs,p4,y\n"
                        + "missing.tif,p5,x\n");
    }

    @BeforeEach
    void output() {
        out = dir.resolve("ds");
    }

    private PrepareJob.Result run(boolean force) throws IOException {
        opened.clear();
        PrepareConfig cfg =
                new PrepareConfig(
                        out,
                        MAGS,
                        List.of(34, 33, 33),
                        0,
                        1,
                        force,
                        new MagnificationResolver(OptionalDouble.of(20), OptionalDouble.empty()),
                        new PrepareInput.Slides(slides, shared.resolve("labels.csv")));
        List<PrepareItem> items = SlideListInput.list(slides, shared.resolve("labels.csv")).items();
        try (LanczosResampler resampler = new LanczosResampler(1)) {
            SlideTissueCutter cutter =
                    new SlideTissueCutter(
                            new TissueCutter(out, MAGS, resampler, force),
                            MAGS,
                            new MagnificationResolver(
                                    OptionalDouble.of(20), OptionalDouble.empty()),
                            TissueParams.defaults(),
                            new PyramidRenderer(10_000),
                            file -> {
                                CountingReader r = CountingReader.open(file);
                                opened.add(r);
                                return r;
                            });
            PrepareJob.Result result = PrepareJob.run(cfg, items, cutter, List.of(), "slides");
            assertEquals(2, cutter.reports().size());
            assertEquals(Map.of("10", 1, "5", 2, "2.5", 3), cutter.reports().get(0).levelPerMag());
            return result;
        }
    }

    private static List<TissueBox> boxes(Path slide) throws IOException {
        try (SlideReader r = SlideReaders.open(slide)) {
            SlideMetadata m = r.metadata();
            return new TissueDetector(TissueParams.defaults())
                    .detect(r.thumbnail(2048), m.widthPx(), m.heightPx(), m.mppX(), m.mppY())
                    .boxes();
        }
    }

    private long levelReads(int level) {
        return opened.stream().mapToLong(r -> r.count(Counter.CALLS, level)).sum();
    }

    @Test
    void goodSlidesAreCutAndBadOnesReported() throws IOException {
        PrepareJob.Result result = run(false);
        assertEquals(4, result.tissues());
        assertEquals(
                List.of("blank", "corrupt", "missing"), List.copyOf(result.failures().keySet()));
        assertTrue(result.failures().get("blank").startsWith("no tissue found in "));
        assertTrue(
                result.failures()
                        .get("missing")
                        .contains("missing.tif not found (listed in labels.csv line 6)"),
                result.failures().get("missing"));
        assertFalse(result.failures().get("corrupt").isBlank());
        // level 0 is read once per readable slide, whole, as the tissue overview (its 1024 px fit
        // the 2048 px analysis size); no tissue is cut from it
        assertEquals(3, levelReads(0));

        Dataset ds = Dataset.open(out);
        assertEquals(20.0, ds.info().sourceMagnification());
        assertTrue(ds.info().sourceMagnifications().isEmpty());
        assertEquals(List.of("x", "y"), ds.info().classes());
        List<TissueBox> boxes = boxes(slides.resolve("a.tif"));
        assertEquals(2, boxes.size());
        List<String> ids = ds.tissues().stream().map(TissueRecord::id).toList();
        assertEquals(List.of("a_t01", "a_t02", "b_t01", "b_t02"), ids);
        for (TissueRecord t : ds.tissues()) {
            TissueBox box = boxes.get(Integer.parseInt(t.id().substring(3)) - 1);
            assertEquals(slides.resolve(t.id().substring(0, 1) + ".tif").toString(), t.source());
            assertEquals(t.id().startsWith("a") ? "p1" : "p2", t.group());
            for (double mag : MAGS) {
                TissueRecord.TissueImage img = t.image(mag).orElseThrow();
                double d = 20 / mag;
                assertEquals(Math.round(box.width() / d), img.widthPx(), t.id() + " " + mag);
                assertEquals(Math.round(box.height() / d), img.heightPx(), t.id() + " " + mag);
                BufferedImage png = ImageFiles.read(ds.imagePath(t, mag));
                assertEquals(img.widthPx(), png.getWidth());
            }
        }
        // blob B (tissue 2) at 5x comes from level 2: blue 40 + 40 * 2 at its centre
        BufferedImage b5 = ImageFiles.read(ds.imagePath(ds.tissues().get(1), 5.0));
        assertEquals(
                TissueSlides.blobB(2), b5.getRGB(b5.getWidth() / 2, b5.getHeight() / 2) & 0xFFFFFF);
    }

    @Test
    void rerunsKeepWrittenImagesUnlessForced() throws IOException {
        run(false);
        long tissueReads = levelReads(1) + levelReads(2) + levelReads(3);
        assertTrue(tissueReads > 0);
        run(false);
        assertEquals(0, levelReads(1) + levelReads(2) + levelReads(3));
        Files.delete(out.resolve(TissueCutter.relativePath("a_t02", 5.0)));
        PrepareJob.Result again = run(false);
        assertEquals(4, again.tissues());
        assertEquals(0, levelReads(1) + levelReads(3));
        assertTrue(levelReads(2) > 0);
        assertTrue(Files.isRegularFile(out.resolve(TissueCutter.relativePath("a_t02", 5.0))));
        run(true);
        assertEquals(tissueReads, levelReads(1) + levelReads(2) + levelReads(3));
    }
}
