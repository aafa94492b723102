package org.lowmag.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lowmag.cli.LowMag;
import org.lowmag.cli.spark.LowMagSpark;
import org.lowmag.prepare.PrepareConfig;
import picocli.CommandLine;

/**
 * {@code lowmag-spark prepare --slides} on an embedded {@code local[2]} Spark against {@code lowmag
 * prepare --slides} on the same 4 synthetic slides (5x, cut at 2.5x and 1.25x) and one file that is
 * not a slide: the same dataset (tissue PNGs and {@code manifest.csv} byte for byte, {@code
 * dataset.json} apart from its provenance), the bad slide failing its own row with exit code 1 as
 * {@code lowmag prepare}, and a re-run skipping every slide cut (no image rewritten; a slide whose
 * journal entry holds is not even read) and deleting a killed attempt's temporary image.
 */
class SparkPrepareJobTest {

    static final String[] MAGS = {"--mags", "2.5,1.25"};

    @TempDir Path tmp;

    @Test
    void sameDatasetAsLowmagPrepareAndASkippingRerun() throws IOException {
        Path slides = tmp.resolve("slides");
        List<Path> files = new ArrayList<>(SparkFixtures.slides(slides, 4));
        Files.writeString(slides.resolve("broken.svs"), "not a slide");
        files.add(slides.resolve("broken.svs"));
        Path labels = SparkFixtures.labels(files, tmp.resolve("labels.csv"));
        Path single = tmp.resolve("single");
        Path spread = tmp.resolve("spark");

        assertEquals(1, LowMag.newCommandLine().execute(args(slides, labels, single, null)));
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new LowMagSpark());
        cl.setErr(new PrintWriter(err));
        assertEquals(1, cl.execute(args(slides, labels, spread, "local[2]")), err.toString());

        // 4 slides x 1 or 2 tissues x 2 magnifications, manifest, dataset.json, prepare.json
        int compared = SameDataset.check(single, spread);
        assertTrue(compared >= 4 * 2 + 3, compared + " files");
        List<String> rows = Files.readAllLines(spread.resolve(PrepareResults.CSV));
        assertEquals(
                "slide,tissues,images_written,magnification,seconds,status,error", rows.get(0));
        assertEquals(6, rows.size());
        assertTrue(rows.get(1).startsWith("broken,,,,,failed,"), rows.get(1));
        for (int i = 2; i < 6; i++) {
            assertTrue(rows.get(i).matches("slide-0\\d,(\\d),(\\d),5\\.000,.*,ok,"), rows.get(i));
        }

        Path tissues = spread.resolve("tissues");
        Map<String, FileTime> times = new HashMap<>();
        for (String f : SameDataset.files(tissues)) {
            times.put(f, Files.getLastModifiedTime(tissues.resolve(f)));
        }
        Path leftover = Files.writeString(tissues.resolve("2.5x/.slide-00_t01.png.1234.tmp"), "x");
        // slide-00 unreadable, with its size and time: skipped from the journal, never read
        Path first = files.get(0);
        FileTime firstTime = Files.getLastModifiedTime(first);
        Files.write(first, new byte[(int) Files.size(first)]);
        Files.setLastModifiedTime(first, firstTime);
        SparkSession spark =
                SparkSession.builder().master("local[2]").appName("test").getOrCreate();
        PrepareConfig cfg = SparkFixtures.prepareConfig(slides, labels, spread);
        try {
            SparkPrepareJob.Outcome again =
                    SparkPrepareJob.run(spark, cfg, SlideCutSettings.of(cfg, null));
            assertFalse(Files.exists(leftover), "a killed attempt's temporary image is deleted");
            assertEquals(5, again.rows().size());
            assertEquals(SlideCutRow.Status.FAILED, again.rows().get(0).status());
            assertTrue(again.result().failures().containsKey("broken"));
            for (int i = 1; i < 5; i++) {
                assertEquals(SlideCutRow.Status.SKIPPED, again.rows().get(i).status());
            }
            for (Map.Entry<String, FileTime> e : times.entrySet()) {
                assertEquals(
                        e.getValue(),
                        Files.getLastModifiedTime(tissues.resolve(e.getKey())),
                        e.getKey());
            }
            assertEquals(compared, SameDataset.check(single, spread));

            // its time changed: the journal no longer holds for it, it is read again (and fails)
            Files.setLastModifiedTime(first, FileTime.fromMillis(firstTime.toMillis() + 1000));
            SparkPrepareJob.Outcome touched =
                    SparkPrepareJob.run(spark, cfg, SlideCutSettings.of(cfg, null));
            assertEquals(SlideCutRow.Status.FAILED, touched.rows().get(1).status());
            assertEquals(SlideCutRow.Status.SKIPPED, touched.rows().get(2).status());
        } finally {
            spark.stop();
        }
    }

    /** {@code prepare}'s arguments; {@code master} null: {@code lowmag prepare}'s. */
    private static String[] args(Path slides, Path labels, Path out, String master) {
        List<String> a =
                new ArrayList<>(
                        List.of(
                                "prepare",
                                "--slides",
                                slides.toString(),
                                "--labels",
                                labels.toString(),
                                "--out",
                                out.toString()));
        a.addAll(List.of(MAGS));
        if (master != null) {
            a.addAll(List.of("--master", master));
        }
        return a.toArray(String[]::new);
    }
}
