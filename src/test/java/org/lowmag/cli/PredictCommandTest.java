package org.lowmag.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lowmag.infer.SyntheticSlides;

/** {@code lowmag predict} on a folder: parallel slides, a corrupt file reported, exit codes. */
@Tag("engine")
class PredictCommandTest {

    @TempDir Path tmp;

    @Test
    void aCorruptSlideIsReportedWhileTheOthersSucceed() throws IOException {
        Path folder = Files.createDirectories(tmp.resolve("slides"));
        Path a = SyntheticSlides.write(folder.resolve("a.tif"));
        Files.copy(a, folder.resolve("b.tiff"));
        Files.write(folder.resolve("broken.svs"), new byte[] {'I', 'I', 42, 0, 9, 9, 9, 9, 1, 2});
        Files.writeString(folder.resolve("notes.txt"), "not a slide");
        Path model = SyntheticSlides.model(tmp.resolve("model"), 5.0);
        Path out = tmp.resolve("out");

        int code =
                LowMag.execute(
                        "predict",
                        "--model",
                        model.toString(),
                        folder.toString(),
                        "--out",
                        out.toString(),
                        "--source-mag",
                        "20",
                        "--threads",
                        "2");

        assertEquals(LowMag.EXIT_FAILURE, code);
        assertTrue(Files.exists(out.resolve("a.json")));
        assertTrue(Files.exists(out.resolve("b.json")));
        assertTrue(Files.exists(out.resolve("a.geojson")));
        assertTrue(Files.notExists(out.resolve("broken.json")));
        List<String> csv = Files.readAllLines(out.resolve("summary.csv"));
        assertEquals(4, csv.size(), csv.toString());
        assertTrue(csv.get(1).contains("a.tif") && csv.get(1).contains(",ok,"), csv.get(1));
        assertTrue(csv.get(2).contains("b.tiff") && csv.get(2).contains(",ok,"), csv.get(2));
        assertTrue(
                csv.get(3).contains("broken.svs") && csv.get(3).contains("failed: "), csv.get(3));

        // re-running redoes only nothing: the good slides are skipped, the broken one fails again
        assertEquals(
                LowMag.EXIT_FAILURE,
                LowMag.execute(
                        "predict",
                        "--model",
                        model.toString(),
                        folder.toString(),
                        "--out",
                        out.toString(),
                        "--source-mag",
                        "20"));
    }

    /**
     * With --labels the console shows each slide's truth beside its label and a tally; a label the
     * model does not know is a failure (exit 1) naming it and the classes. --heatmap-scale alone
     * asks for heatmaps.
     */
    @Test
    void labelsJudgeThePredictionsOnTheConsole() throws IOException {
        Path slide = SyntheticSlides.write(tmp.resolve("two-blobs.tif"));
        Path model = SyntheticSlides.model(tmp.resolve("model"), 5.0);
        Path labels = tmp.resolve("labels.csv");
        Files.writeString(labels, "slide,patient,label\nslides/two-blobs.svs,p1,tumour\n");
        Path out = tmp.resolve("out");
        String printed =
                CliRun.run(
                        0,
                        "predict",
                        "--model",
                        model.toString(),
                        slide.toString(),
                        "--out",
                        out.toString(),
                        "--source-mag",
                        "20",
                        "--labels",
                        labels.toString(),
                        "--heatmap-scale",
                        "stretch");
        boolean right =
                Files.readAllLines(out.resolve("summary.csv")).get(1).contains(",tumour,true,");
        assertTrue(
                printed.contains(", truth tumour: " + (right ? "ok" : "WRONG") + ", 2 tissues"),
                printed);
        assertTrue(
                printed.contains(
                        (right ? 1 : 0) + " of 1 slide with known truth classified correctly"),
                printed);
        assertTrue(Files.exists(out.resolve("two-blobs.heatmap.tumour.png")));

        Files.writeString(labels, "slide,patient,label\ntwo-blobs.svs,p1,tumor\n");
        String failed =
                CliRun.run(
                        LowMag.EXIT_FAILURE,
                        "predict",
                        "--model",
                        model.toString(),
                        slide.toString(),
                        "--out",
                        tmp.resolve("out2").toString(),
                        "--source-mag",
                        "20",
                        "--labels",
                        labels.toString());
        assertTrue(
                failed.contains(
                        "gives slide 'two-blobs' the label 'tumor', not a class of the"
                                + " model (its classes: benign, tumour)"),
                failed);
    }

    @Test
    void sourceMagAndMppTogetherAreAUsageError() {
        assertEquals(
                LowMag.EXIT_USAGE,
                LowMag.execute(
                        "predict",
                        "--model",
                        tmp.toString(),
                        tmp.toString(),
                        "--out",
                        tmp.resolve("o").toString(),
                        "--source-mag",
                        "20",
                        "--source-mpp",
                        "0.5"));
    }
}
