package org.lowmag.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lowmag.cli.LowMag;
import org.lowmag.cli.spark.LowMagSpark;
import org.lowmag.infer.PredictJob;
import org.lowmag.infer.SlideMetrics;
import org.lowmag.infer.SlideOutcome;
import picocli.CommandLine;

/**
 * {@code lowmag-spark predict} on an embedded {@code local[2]} Spark against {@code lowmag predict}
 * on the same 4 synthetic slides (and one file that is not a slide): the same outputs apart from
 * timing fields, a results table with one row per slide, the bad slide failing its own row, and a
 * re-run skipping every slide done.
 */
class SparkPredictJobTest {

    @TempDir static Path tmp;
    static SparkSession spark;
    static Path model;
    static List<Path> inputs;

    @BeforeAll
    static void fixtures() throws IOException {
        model = SparkFixtures.model(tmp.resolve("model"));
        inputs = new ArrayList<>(SparkFixtures.slides(tmp.resolve("slides"), 4));
        Path bad = tmp.resolve("slides").resolve("broken.svs");
        Files.writeString(bad, "not a slide");
        inputs.add(bad);
        spark = SparkSession.builder().master("local[2]").appName("test").getOrCreate();
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    @Test
    void sameOutputsAsLowmagPredictAndASkippingRerun() throws IOException {
        Path single = tmp.resolve("single");
        Path spread = tmp.resolve("spark");
        PredictSettings s = PredictSettings.of(model, spread).withHeatmaps(true);
        PredictJob.Result one =
                PredictJob.run(
                        PredictSettings.of(model, single).withHeatmaps(true).toConfig(inputs, 2));
        PredictJob.Result r = SparkPredictJob.run(spark, new SparkPredictJob.Config(s, inputs));

        assertEquals(5, r.slides().size());
        for (int i = 0; i < 5; i++) {
            SlideOutcome a = one.slides().get(i);
            SlideOutcome b = r.slides().get(i);
            assertEquals(a.name(), b.name());
            assertEquals(a.status(), b.status(), b.toString());
            assertEquals(a.label(), b.label());
            assertArrayEquals(a.probabilities(), b.probabilities());
        }
        assertEquals(SlideOutcome.Status.FAILED, r.slides().get(4).status());
        assertEquals(
                4, r.slides().stream().filter(o -> o.status() == SlideOutcome.Status.OK).count());
        // 4 slides x (json, geojson, 3 heatmaps)
        assertEquals(20, SameOutputs.check(single, spread));

        List<Row> table =
                spark.read()
                        .parquet(spread.resolve(ResultsTable.PARQUET).toString())
                        .collectAsList();
        assertEquals(5, table.size());
        Row broken = table.get(4);
        assertEquals("failed", broken.getAs("status"));
        assertTrue(broken.<String>getAs("error").length() > 0, "the failure's reason");
        assertEquals(r.slides().get(0).label(), table.get(0).getAs("label"));
        List<String> csv = Files.readAllLines(spread.resolve(ResultsTable.CSV));
        assertEquals(
                "slide,label,p_normal,p_dysplasia,p_carcinoma,tissues,seconds,status,error,model",
                csv.get(0));
        assertEquals(6, csv.size());

        PredictJob.Result again = SparkPredictJob.run(spark, new SparkPredictJob.Config(s, inputs));
        for (int i = 0; i < 4; i++) {
            assertEquals(SlideOutcome.Status.SKIPPED, again.slides().get(i).status());
        }
        assertEquals(SlideOutcome.Status.FAILED, again.slides().get(4).status());
        assertEquals(20, SameOutputs.check(single, spread));
    }

    @Test
    void slideListRegionsAndHeatmapTilesAsLowmagPredict() throws IOException {
        Path list = tmp.resolve("list.csv");
        Files.writeString(
                list,
                "slide,mpp,magnification,label\n"
                        + inputs.get(0).toAbsolutePath()
                        + ",1.0,,normal\n"
                        + inputs.get(1).toAbsolutePath()
                        + ",,5,carcinoma\n");
        Path roi = tmp.resolve("roi.geojson");
        // the left half of every slide (2400 x 2400 px)
        Files.writeString(
                roi,
                "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\","
                        + "\"properties\":{\"objectType\":\"annotation\"},\"geometry\":"
                        + "{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1200,0],[1200,2400],"
                        + "[0,2400],[0,0]]]}}]}");
        Path single = tmp.resolve("single-roi");
        int code =
                LowMag.newCommandLine()
                        .execute(
                                "predict",
                                "--model",
                                model.toString(),
                                "--out",
                                single.toString(),
                                "--slide-list",
                                list.toString(),
                                "--roi",
                                roi.toString(),
                                "--heatmap-geojson",
                                "200");
        assertEquals(0, code);
        Path spread = tmp.resolve("spark-roi");
        PredictSettings s = PredictSettings.of(model, spread).withQuPath(roi, 200.0, list);
        PredictJob.Result r =
                SparkPredictJob.run(
                        spark,
                        new SparkPredictJob.Config(s, List.of(inputs.get(0), inputs.get(1))));
        assertEquals(2, r.slides().size());
        assertEquals("normal", r.slides().get(0).truth());
        assertEquals("carcinoma", r.slides().get(1).truth());
        // 2 slides x (json, geojson, tiles.geojson, 3 heatmaps), and slide_metrics.json
        assertEquals(13, SameOutputs.check(single, spread));
        assertTrue(Files.isRegularFile(spread.resolve(SlideMetrics.FILE)));
    }

    @Test
    void evaluateWithoutLabelsIsAUsageError() {
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new LowMagSpark());
        cl.setErr(new PrintWriter(err));
        int code =
                cl.execute(
                        "evaluate",
                        "--model",
                        model.toString(),
                        "--out",
                        tmp.resolve("eval-nolabels").toString(),
                        inputs.get(0).toString());
        assertEquals(2, code, err.toString());
        assertTrue(err.toString().contains("evaluate needs the slides' labels"), err.toString());
    }
}
