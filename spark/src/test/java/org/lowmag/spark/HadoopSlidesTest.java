package org.lowmag.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lowmag.infer.PredictJob;
import org.lowmag.infer.SlideOutcome;
import org.lowmag.slide.OpenSlideReader;
import org.lowmag.synthetic.SlideSynthesizer;
import org.lowmag.synthetic.SynthesisParams;
import org.lowmag.synthetic.TissueClass;

/**
 * Slides given as Hadoop FileSystem URIs, on an embedded {@code local[2]} Spark: through a test
 * FileSystem under its own scheme that counts the bytes read ({@link CountingFileSystem}), a {@code
 * file://} glob pattern, and (with OpenSlide installed) an OpenSlide-only format through the
 * executor's local cache; each gives the outputs {@code lowmag predict} gives on the local files,
 * the {@code slide} field of {@code SLIDE.json} aside (it names the URI). A missing URI and an
 * unknown scheme fail their own rows.
 */
class HadoopSlidesTest {

    @TempDir static Path tmp;

    /**
     * The executor cache's folder: one cache per JVM, made by the first slide that needs it, so
     * every test here gives this one (no other test class reads an OpenSlide format from a URI).
     */
    static final Path CACHE_DIR =
            Path.of(
                    System.getProperty("java.io.tmpdir"),
                    "lowmag-hadoop-slides-test-" + ProcessHandle.current().pid());

    static final SlideStorage CACHE = new SlideStorage(CACHE_DIR.toString(), 1L << 30);
    static SparkSession spark;
    static Path model;
    static List<Path> slides;

    @BeforeAll
    static void fixtures() throws IOException {
        CACHE_DIR.toFile().deleteOnExit(); // after the cache's own shutdown hook empties it
        // 0.625x: 1/32 of the slides' 20x, where a pyramid saves reading
        model = SparkFixtures.model(tmp.resolve("model"), 0.625);
        slides = new ArrayList<>();
        // 20x (0.5 um/px): 4800 x 4800 px, a pyramid whose coarse levels are a small part of it
        SlideSynthesizer synth =
                new SlideSynthesizer(new SynthesisParams(0.5, 2400, 2400, 1, 2, 500, 900), 0.9, 1);
        for (int i = 0; i < 2; i++) {
            Path file =
                    Files.createDirectories(tmp.resolve("slides")).resolve("slide-0" + i + ".svs");
            synth.write(synth.plan(TissueClass.values()[i], i + 1), file);
            slides.add(file);
        }
        spark =
                SparkSession.builder()
                        .master("local[2]")
                        .appName("test")
                        .config(
                                "spark.hadoop.fs." + CountingFileSystem.SCHEME + ".impl",
                                CountingFileSystem.class.getName())
                        .getOrCreate();
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    private static PredictJob.Result lowmagPredict(List<Path> inputs, Path out) throws IOException {
        return PredictJob.run(
                PredictSettings.of(model, out).withHeatmaps(true).toConfig(inputs, 2));
    }

    private static PredictJob.Result sparkPredict(List<Path> inputs, Path out, SlideStorage cache)
            throws IOException {
        PredictSettings s = PredictSettings.of(model, out).withHeatmaps(true);
        return SparkPredictJob.run(spark, new SparkPredictJob.Config(s, inputs, cache));
    }

    private static String slideField(Path out, String name) throws IOException {
        JsonObject o =
                JsonParser.parseString(Files.readString(out.resolve(name + ".json")))
                        .getAsJsonObject();
        return o.get("slide").getAsString();
    }

    @Test
    void aFolderUriIsListedAndReadWithRandomAccess() throws IOException {
        Path single = tmp.resolve("single");
        lowmagPredict(slides, single);
        long size = Files.size(slides.get(0)) + Files.size(slides.get(1));
        long before = CountingFileSystem.BYTES_READ.get();
        Path spread = tmp.resolve("counted");
        Path folder = SlideUris.path("counted://" + tmp.resolve("slides").toAbsolutePath());
        PredictJob.Result r = sparkPredict(List.of(folder), spread, CACHE);
        long read = CountingFileSystem.BYTES_READ.get() - before;

        assertEquals(2, r.slides().size());
        for (SlideOutcome o : r.slides()) {
            assertEquals(SlideOutcome.Status.OK, o.status(), o.toString());
        }
        // 2 slides x (json, geojson, 3 heatmaps), the slide field aside
        assertEquals(10, SameOutputs.check(single, spread, "slide"));
        String field = slideField(spread, "slide-00");
        assertTrue(field.startsWith("counted:/") && field.endsWith("/slides/slide-00.svs"), field);
        assertTrue(
                r.slides().get(0).slide().toString().startsWith("counted:/"),
                "summary names the URI");
        // random access: the header, directories and the coarse levels' tiles, not the slides
        assertTrue(read > 0 && read < size / 4, read + " bytes read of " + size);
        System.out.printf("read %d of %d bytes through %s%n", read, size, folder);
    }

    @Test
    void aFileUriPatternIsExpandedThroughHadoop() throws IOException {
        Path single = tmp.resolve("single-file");
        lowmagPredict(List.of(slides.get(1)), single);
        Path spread = tmp.resolve("file-uri");
        String pattern = "file://" + tmp.resolve("slides").toAbsolutePath() + "/*1.s?s";
        PredictJob.Result r = sparkPredict(List.of(SlideUris.path(pattern)), spread, CACHE);
        assertEquals(1, r.slides().size(), r.slides().toString());
        assertEquals(SlideOutcome.Status.OK, r.slides().get(0).status(), r.slides().toString());
        assertEquals(5, SameOutputs.check(single, spread, "slide"));
        // Hadoop's local FileSystem names its files file:/PATH
        assertEquals("file:" + slides.get(1).toAbsolutePath(), slideField(spread, "slide-01"));
    }

    @Test
    void aMissingUriAndAnUnknownSchemeFailTheirOwnRows() throws IOException {
        Path out = tmp.resolve("bad");
        String missing = "counted://" + tmp.toAbsolutePath() + "/nowhere/gone.svs";
        PredictJob.Result r =
                sparkPredict(
                        List.of(
                                SlideUris.path(missing),
                                SlideUris.path("nosuchfs://host/slides/other.svs"),
                                SlideUris.path(slides.get(0).toAbsolutePath().toUri().toString())),
                        out,
                        CACHE);
        assertEquals(3, r.slides().size());
        SlideOutcome gone = r.slides().get(0);
        assertEquals(SlideOutcome.Status.FAILED, gone.status());
        assertTrue(
                gone.message().contains("file not found") && gone.message().contains("gone.svs"),
                gone.message());
        SlideOutcome unknown = r.slides().get(1);
        assertEquals(SlideOutcome.Status.FAILED, unknown.status());
        assertTrue(
                unknown.message().contains("no FileSystem for the scheme 'nosuchfs'")
                        && unknown.message().contains("spark.hadoop.fs.nosuchfs.impl"),
                unknown.message());
        assertEquals(SlideOutcome.Status.OK, r.slides().get(2).status());
    }

    @Test
    void anOpenSlideFormatGoesThroughTheBoundedCache() throws IOException {
        Assumptions.assumeTrue(OpenSlideReader.isAvailable(), "OpenSlide is not installed");
        // an OpenSlide-only extension: SlideReaders hands .scn to OpenSlide, which reads the TIFF
        Path local = Files.createDirectories(tmp.resolve("scn")).resolve("slide-00.scn");
        Files.copy(slides.get(0), local);
        Path single = tmp.resolve("single-scn");
        PredictJob.Result one = lowmagPredict(List.of(local), single);
        assertEquals(SlideOutcome.Status.OK, one.slides().get(0).status(), one.slides().toString());
        Path spread = tmp.resolve("counted-scn");
        PredictJob.Result r =
                sparkPredict(
                        List.of(SlideUris.path("counted://" + local.toAbsolutePath())),
                        spread,
                        CACHE);
        assertEquals(SlideOutcome.Status.OK, r.slides().get(0).status(), r.slides().toString());
        assertEquals(5, SameOutputs.check(single, spread, "slide"));
        assertEquals(Files.size(local), Files.size(cached("-slide-00.scn")));
    }

    @Test
    void aJpeg2000SvsFallsBackToOpenSlideThroughTheCache() throws IOException {
        Assumptions.assumeTrue(OpenSlideReader.isAvailable(), "OpenSlide is not installed");
        Path tcga = Path.of("..", "..", "shared", "data", "slides", "tcga-cr-7395-01a-01-ts1.svs");
        Assumptions.assumeTrue(Files.isReadable(tcga), "the shared data folder is absent");
        // no magnification recorded: 20x given, as lowmag predict --source-mag 20
        Path single = tmp.resolve("single-tcga");
        PredictJob.Result one =
                PredictJob.run(
                        PredictSettings.of(model, single)
                                .withHeatmaps(true)
                                .withSourceMag(20)
                                .toConfig(List.of(tcga), 2));
        assertEquals(SlideOutcome.Status.OK, one.slides().get(0).status(), one.slides().toString());
        Path spread = tmp.resolve("counted-tcga");
        PredictSettings s = PredictSettings.of(model, spread).withHeatmaps(true).withSourceMag(20);
        String uri = "counted://" + tcga.toAbsolutePath().normalize();
        PredictJob.Result r =
                SparkPredictJob.run(
                        spark, new SparkPredictJob.Config(s, List.of(SlideUris.path(uri)), CACHE));
        assertEquals(SlideOutcome.Status.OK, r.slides().get(0).status(), r.slides().toString());
        assertEquals(5, SameOutputs.check(single, spread, "slide"));
        assertEquals(Files.size(tcga), Files.size(cached("-tcga-cr-7395-01a-01-ts1.svs")));
    }

    /** The one copy in the executor's cache whose name ends so. */
    private static Path cached(String suffix) throws IOException {
        try (Stream<Path> copies = Files.walk(CACHE_DIR)) {
            List<Path> files =
                    copies.filter(p -> p.getFileName().toString().endsWith(suffix)).toList();
            assertEquals(1, files.size(), files.toString());
            return files.get(0);
        }
    }
}
