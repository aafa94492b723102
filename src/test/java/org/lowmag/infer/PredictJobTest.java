package org.lowmag.infer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lowmag.slide.MagnificationResolver;
import org.lowmag.slide.RegionRequest;
import org.lowmag.tissue.TissueParams;
import org.lowmag.util.FolderLock;
import org.lowmag.util.LowMagException;

/**
 * End-to-end prediction on a synthetic 3-level pyramid (1024x768, downsamples 1, 2, 4) with two
 * tissue ellipses, read as a 20x slide by an untrained 5x model: level 2 (downsample 4) serves the
 * tissues exactly.
 */
@Tag("engine")
class PredictJobTest {

    @TempDir static Path shared;
    static Path slide;
    static Path model5x;

    @TempDir Path tmp;

    @BeforeAll
    static void fixtures() throws IOException {
        slide = SyntheticSlides.write(shared.resolve("two-blobs.tif"));
        model5x = SyntheticSlides.model(shared.resolve("model5x"), 5.0);
    }

    private static PredictJob.Config config(
            Path model, List<Path> inputs, Path out, boolean force, SlidePredictor.SlideOpener o) {
        return new PredictJob.Config(
                model,
                inputs,
                out,
                TruthLabels.none(),
                true,
                HeatmapScale.FIXED,
                force,
                new MagnificationResolver(OptionalDouble.of(20), OptionalDouble.empty()),
                TissueParams.tissueloc(),
                1,
                o);
    }

    private static JsonObject json(Path file) throws IOException {
        return JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8))
                .getAsJsonObject();
    }

    @Test
    void predictsBothTissuesFromTheCoarsestSufficientLevel() throws IOException {
        SyntheticSlides.RecordingOpener opener = new SyntheticSlides.RecordingOpener();
        Path out = tmp.resolve("out");
        PredictJob.Result r = PredictJob.run(config(model5x, List.of(slide), out, false, opener));
        assertEquals(SlideOutcome.Status.OK, r.slides().get(0).status(), r.slides().toString());

        // regions read per downsample: the two tissues at level 2's downsample 4, never level 0
        // or 1 for a tissue (the overview is level 0 read whole, as the slide is under 2048 px:
        // a level read, not a region)
        Map<Double, Integer> reads = new TreeMap<>();
        for (RegionRequest q : opener.requests) {
            reads.merge(q.downsample(), 1, Integer::sum);
        }
        assertEquals(Map.of(4.0, 2), reads);

        JsonObject j = json(out.resolve("two-blobs.json"));
        assertEquals(2, j.get("read").getAsJsonObject().get("level").getAsInt());
        assertEquals(1.0, j.get("read").getAsJsonObject().get("lanczos_factor").getAsDouble());
        assertEquals(5.0, j.get("model").getAsJsonObject().get("magnification").getAsDouble());
        JsonArray tissues = j.getAsJsonArray("tissues");
        assertEquals(2, tissues.size());
        double sum = 0;
        for (Map.Entry<String, JsonElement> e : j.getAsJsonObject("probabilities").entrySet()) {
            sum += e.getValue().getAsDouble();
        }
        assertEquals(1.0, sum, 1e-9);
        for (int i = 0; i < 2; i++) {
            JsonObject t = tissues.get(i).getAsJsonObject();
            int[] b = SyntheticSlides.BLOBS[i];
            JsonArray box = t.getAsJsonArray("box");
            assertEquals(b[0] - b[2], box.get(0).getAsDouble(), 4);
            assertEquals(2 * b[2], box.get(2).getAsDouble(), 8);
            // size at 5x: the level-2 pixels covering the box (widened to whole level pixels)
            assertEquals(box.get(2).getAsDouble() / 4, t.get("width_px").getAsDouble(), 2.0);
            assertTrue(List.of("benign", "tumour").contains(t.get("label").getAsString()));
        }
        checkGeoJson(out.resolve("two-blobs.geojson"));
        for (String k : List.of("benign", "tumour")) {
            BufferedImage h = ImageIO.read(out.resolve("two-blobs.heatmap." + k + ".png").toFile());
            assertTrue(h.getWidth() > SyntheticSlides.WIDTH, "a legend right of the map");
            assertEquals(SyntheticSlides.HEIGHT, h.getHeight());
            assertEquals(0xFFFFFF, h.getRGB(5, 5) & 0xFFFFFF, "background left as is");
            assertTrue((h.getRGB(280, 380) & 0xFFFFFF) != 0xC878AA, "tissue coloured");
        }
        List<String> csv = Files.readAllLines(out.resolve("summary.csv"));
        assertEquals(
                "slide,label,truth,correct,p_benign,p_tumour,tissues,seconds,status,model",
                csv.get(0));
        String[] row = csv.get(1).split(",", -1);
        assertEquals("", row[2], "no truth without --labels: " + csv.get(1));
        assertEquals("", row[3], csv.get(1));
        assertEquals("2", row[6], csv.get(1));
        assertEquals("ok", row[8], csv.get(1));
        assertTrue(!j.has("truth") && !j.has("correct"), "no truth without --labels");
    }

    private static void checkGeoJson(Path file) throws IOException {
        JsonObject fc = json(file);
        assertEquals("FeatureCollection", fc.get("type").getAsString());
        JsonArray features = fc.getAsJsonArray("features");
        assertEquals(2, features.size());
        for (int i = 0; i < 2; i++) {
            JsonObject f = features.get(i).getAsJsonObject();
            JsonObject g = f.getAsJsonObject("geometry");
            assertEquals("Polygon", g.get("type").getAsString());
            JsonArray ring = g.getAsJsonArray("coordinates").get(0).getAsJsonArray();
            assertEquals(ring.get(0), ring.get(ring.size() - 1), "closed ring");
            assertTrue(ring.size() > 8, "a contour, not just a box: " + ring.size());
            double minX = Double.MAX_VALUE;
            double maxX = 0;
            double minY = Double.MAX_VALUE;
            double maxY = 0;
            for (JsonElement p : ring) {
                double x = p.getAsJsonArray().get(0).getAsDouble();
                double y = p.getAsJsonArray().get(1).getAsDouble();
                assertTrue(
                        x >= 0
                                && x <= SyntheticSlides.WIDTH
                                && y >= 0
                                && y <= SyntheticSlides.HEIGHT);
                minX = Math.min(minX, x);
                maxX = Math.max(maxX, x);
                minY = Math.min(minY, y);
                maxY = Math.max(maxY, y);
            }
            int[] b = SyntheticSlides.BLOBS[i];
            assertEquals(b[0] - b[2], minX, 4);
            assertEquals(b[0] + b[2], maxX, 4);
            assertEquals(b[1] - b[3], minY, 4);
            assertEquals(b[1] + b[3], maxY, 4);
            JsonObject props = f.getAsJsonObject("properties");
            assertEquals("annotation", props.get("objectType").getAsString());
            JsonObject cls = props.getAsJsonObject("classification");
            assertTrue(List.of("benign", "tumour").contains(cls.get("name").getAsString()));
            assertEquals(3, cls.getAsJsonArray("color").size());
            assertEquals("tissue " + (i + 1), props.get("name").getAsString());
            JsonObject m = props.getAsJsonObject("measurements");
            assertEquals(
                    1.0, m.get("p_benign").getAsDouble() + m.get("p_tumour").getAsDouble(), 1e-9);
        }
    }

    @Test
    void reRunSkipsFinishedSlidesUnlessForced() throws IOException {
        Path out = tmp.resolve("out");
        SyntheticSlides.RecordingOpener opener = new SyntheticSlides.RecordingOpener();
        PredictJob.Result first =
                PredictJob.run(config(model5x, List.of(slide), out, false, opener));
        Path json = out.resolve("two-blobs.json");
        FileTime written = FileTime.fromMillis(0);
        Files.setLastModifiedTime(json, written);
        int readsBefore = opener.requests.size();

        PredictJob.Result again =
                PredictJob.run(config(model5x, List.of(slide), out, false, opener));
        assertEquals(SlideOutcome.Status.SKIPPED, again.slides().get(0).status());
        assertEquals(readsBefore, opener.requests.size(), "the slide was not read again");
        assertEquals(written, Files.getLastModifiedTime(json));
        assertEquals(first.slides().get(0).label(), again.slides().get(0).label());
        assertTrue(Files.readAllLines(out.resolve("summary.csv")).get(1).contains(",ok,"));

        PredictJob.Result forced =
                PredictJob.run(config(model5x, List.of(slide), out, true, opener));
        assertEquals(SlideOutcome.Status.OK, forced.slides().get(0).status());
        assertTrue(Files.getLastModifiedTime(json).compareTo(written) > 0);
    }

    @Test
    void aPredictionByAnotherModelOrWithOtherSettingsIsRedoneNotReported() throws IOException {
        Path out = tmp.resolve("out");
        SyntheticSlides.RecordingOpener opener = new SyntheticSlides.RecordingOpener();
        PredictJob.run(config(model5x, List.of(slide), out, false, opener));
        Path other = SyntheticSlides.model(tmp.resolve("other5x"), 5.0);
        int reads = opener.requests.size();
        PredictJob.Result r = PredictJob.run(config(other, List.of(slide), out, false, opener));
        assertEquals(SlideOutcome.Status.OK, r.slides().get(0).status(), "not skipped");
        assertTrue(opener.requests.size() > reads, "the slide was read again");
        String made = json(out.resolve("two-blobs.json")).get("made_by").toString();
        assertTrue(made.contains("other5x"), made);
        List<String> csv = Files.readAllLines(out.resolve("summary.csv"));
        assertTrue(csv.get(1).endsWith("other5x"), "summary names the model: " + csv.get(1));

        reads = opener.requests.size();
        PredictJob.Config noHeatmaps =
                new PredictJob.Config(
                        other,
                        List.of(slide),
                        out,
                        TruthLabels.none(),
                        false,
                        HeatmapScale.FIXED,
                        false,
                        new MagnificationResolver(OptionalDouble.of(20), OptionalDouble.empty()),
                        TissueParams.tissueloc(),
                        1,
                        opener);
        assertEquals(SlideOutcome.Status.OK, PredictJob.run(noHeatmaps).slides().get(0).status());
        assertEquals(
                SlideOutcome.Status.SKIPPED, PredictJob.run(noHeatmaps).slides().get(0).status());
    }

    @Test
    void aSecondPredictIntoTheSameFolderIsRefusedWhileTheFirstRuns() throws IOException {
        Path out = tmp.resolve("out");
        PredictJob.Config c =
                config(model5x, List.of(slide), out, false, new SyntheticSlides.RecordingOpener());
        LowMagException e =
                assertThrows(
                        LowMagException.class,
                        () ->
                                FolderLock.holding(
                                        out,
                                        PredictJob.LOCK_FILE,
                                        "held",
                                        () -> PredictJob.run(c)));
        assertTrue(e.getMessage().contains("another 'lowmag predict' is writing"), e::getMessage);
        assertTrue(Files.notExists(out.resolve("two-blobs.json")));
    }

    /**
     * A process that died inside a native read left the slide's marker: the next run reports the
     * slide failed (and the batch finishes) instead of crashing on it again; --force retries it.
     */
    @Test
    void aSlideThatAnEarlierRunDiedReadingIsReportedNotReadAgain() throws IOException {
        Path out = Files.createDirectories(tmp.resolve("out"));
        Files.writeString(CrashJournal.marker(out, "two-blobs"), "");
        SyntheticSlides.RecordingOpener opener = new SyntheticSlides.RecordingOpener();
        PredictJob.Result r = PredictJob.run(config(model5x, List.of(slide), out, false, opener));
        SlideOutcome o = r.slides().get(0);
        assertEquals(SlideOutcome.Status.FAILED, o.status());
        assertEquals(PredictSession.DIED, o.message());
        assertTrue(opener.requests.isEmpty(), "not opened");
        assertTrue(Files.readAllLines(out.resolve("summary.csv")).get(1).contains("died while"));

        PredictJob.Result forced =
                PredictJob.run(config(model5x, List.of(slide), out, true, opener));
        assertEquals(SlideOutcome.Status.OK, forced.slides().get(0).status());
        assertTrue(Files.notExists(CrashJournal.marker(out, "two-blobs")), "cleared when done");
    }

    @Test
    void aSlideThatFailsWithAnErrorLeavesNoMarker() throws IOException {
        Path out = tmp.resolve("out");
        PredictJob.run(
                config(
                        model5x,
                        List.of(tmp.resolve("missing.svs")),
                        out,
                        false,
                        new SyntheticSlides.RecordingOpener()));
        try (var files = Files.list(out)) {
            assertTrue(files.noneMatch(p -> p.toString().endsWith(".reading")));
        }
    }

    @Test
    void theSummaryListsEverySlideInTheFolderNotOnlyThisRunsOnes() throws IOException {
        Path slides = Files.createDirectories(tmp.resolve("slides"));
        Files.copy(slide, slides.resolve("a.tif"));
        Files.copy(slide, slides.resolve("b.tif"));
        Path out = tmp.resolve("out");
        SyntheticSlides.RecordingOpener opener = new SyntheticSlides.RecordingOpener();
        PredictJob.run(config(model5x, List.of(slides.resolve("a.tif")), out, false, opener));
        PredictJob.Result r =
                PredictJob.run(
                        config(model5x, List.of(slides.resolve("b.tif")), out, false, opener));
        assertEquals(1, r.slides().size());
        List<String> csv = Files.readAllLines(out.resolve("summary.csv"));
        assertEquals(3, csv.size(), csv.toString());
        assertTrue(csv.get(1).contains("b.tif") && csv.get(1).contains(",ok,"), csv.get(1));
        assertTrue(csv.get(2).contains("a.tif") && csv.get(2).contains(",ok,"), csv.get(2));
        assertTrue(csv.get(2).endsWith("model5x"), csv.get(2));
    }

    /**
     * Three copies of one slide (so one label for all): {@code a} listed as benign, {@code b} as
     * tumour (exactly one of them is right), {@code c} not listed. The truth shows in {@code
     * summary.csv}, in {@code SLIDE.json} and in the tally, and again when the slides are skipped.
     */
    @Test
    void knownTruthIsWrittenBesideThePredictionAndCounted() throws IOException {
        Path slides = Files.createDirectories(tmp.resolve("slides"));
        for (String n : List.of("a", "b", "c")) {
            Files.copy(slide, slides.resolve(n + ".tif"));
        }
        Path labels = tmp.resolve("labels.csv");
        Files.writeString(
                labels, "slide,patient,label\nslides/a.svs,p1,benign\nslides/b.svs,p2,tumour\n");
        Path out = tmp.resolve("out");
        PredictJob.Config c =
                new PredictJob.Config(
                        model5x,
                        List.of(slides),
                        out,
                        TruthLabels.read(labels),
                        false,
                        HeatmapScale.FIXED,
                        false,
                        new MagnificationResolver(OptionalDouble.of(20), OptionalDouble.empty()),
                        TissueParams.tissueloc(),
                        1,
                        new SyntheticSlides.RecordingOpener());
        for (PredictJob.Result r : List.of(PredictJob.run(c), PredictJob.run(c))) {
            String label = r.slides().get(0).label();
            assertEquals(2, r.judged());
            assertEquals(1, r.correct());
            List<String> csv = Files.readAllLines(out.resolve("summary.csv"));
            List<String> truths = List.of("benign", "tumour", "");
            for (int i = 0; i < 3; i++) {
                String[] row = csv.get(i + 1).split(",", -1);
                assertEquals(label, row[1], csv.get(i + 1));
                assertEquals(truths.get(i), row[2], csv.get(i + 1));
                assertEquals(
                        i == 2 ? "" : Boolean.toString(truths.get(i).equals(label)),
                        row[3],
                        csv.get(i + 1));
            }
        }
        JsonObject b = json(out.resolve("b.json"));
        assertEquals("tumour", b.get("truth").getAsString());
        assertEquals(
                b.get("label").getAsString().equals("tumour"), b.get("correct").getAsBoolean());
        assertTrue(!json(out.resolve("c.json")).has("truth"), "c is not listed");
    }

    @Test
    void aLabelThatIsNotAClassOfTheModelStopsBeforeAnySlide() throws IOException {
        Path labels = tmp.resolve("labels.csv");
        Files.writeString(labels, "slide,patient,label\ntwo-blobs.tif,p1,tumor\n");
        Path out = tmp.resolve("out");
        PredictJob.Config c =
                new PredictJob.Config(
                        model5x,
                        List.of(slide),
                        out,
                        TruthLabels.read(labels),
                        false,
                        HeatmapScale.FIXED,
                        false,
                        new MagnificationResolver(OptionalDouble.of(20), OptionalDouble.empty()),
                        TissueParams.tissueloc(),
                        1,
                        new SyntheticSlides.RecordingOpener());
        LowMagException e = assertThrows(LowMagException.class, () -> PredictJob.run(c));
        assertTrue(
                e.getMessage()
                        .contains(
                                "the label 'tumor', not a class of the model (its"
                                        + " classes: benign, tumour)"),
                e.getMessage());
        assertTrue(Files.notExists(out.resolve("two-blobs.json")));
    }

    @Test
    void aModelAboveTheSlidesMagnificationIsRefused() throws IOException {
        Path model40 = SyntheticSlides.model(tmp.resolve("model40x"), 40.0);
        Path out = tmp.resolve("out");
        PredictJob.Result r =
                PredictJob.run(
                        config(
                                model40,
                                List.of(slide),
                                out,
                                false,
                                new SyntheticSlides.RecordingOpener()));
        SlideOutcome o = r.slides().get(0);
        assertEquals(SlideOutcome.Status.FAILED, o.status());
        assertTrue(
                o.message().contains("is at 20x (--source-mag) but the model works at 40x"),
                o.message());
        assertTrue(r.anyFailed());
        assertTrue(Files.notExists(out.resolve("two-blobs.json")));
        assertTrue(Files.readAllLines(out.resolve("summary.csv")).get(1).contains("failed: "));
    }

    @Test
    void aSlideWithoutMagnificationNeedsSourceMag() throws IOException {
        Path out = tmp.resolve("out");
        PredictJob.Config c =
                new PredictJob.Config(
                        model5x,
                        List.of(slide),
                        out,
                        TruthLabels.none(),
                        false,
                        HeatmapScale.FIXED,
                        false,
                        MagnificationResolver.slideOnly(),
                        TissueParams.tissueloc(),
                        1,
                        new SyntheticSlides.RecordingOpener());
        SlideOutcome o = PredictJob.run(c).slides().get(0);
        assertEquals(SlideOutcome.Status.FAILED, o.status());
        assertTrue(o.message().contains("pass --source-mag or --source-mpp"), o.message());
    }
}
