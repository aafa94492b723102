package org.lowmag.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lowmag.dataset.Dataset;
import org.lowmag.dataset.TissueRecord;
import org.lowmag.prepare.TissueSlides;
import picocli.CommandLine;

/** {@code lowmag prepare --slides} through the real command line, on synthetic slides. */
class PrepareSlidesCommandTest {

    @TempDir Path dir;

    /** Runs the CLI and returns exit code and everything written to stderr. */
    private static String[] run(String... args) {
        PrintStream saved = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        StringWriter picocliErr = new StringWriter();
        int code;
        try (PrintStream capture = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            System.setErr(capture);
            CommandLine cl = LowMag.newCommandLine();
            cl.setErr(new PrintWriter(picocliErr, true));
            code = cl.execute(args);
        } finally {
            System.setErr(saved);
        }
        return new String[] {
            Integer.toString(code), err.toString(StandardCharsets.UTF_8) + picocliErr
        };
    }

    private Path slides() throws IOException {
        Path slides = Files.createDirectories(dir.resolve("slides"));
        TissueSlides.twoBlobs(slides.resolve("a.tif"));
        TissueSlides.twoBlobs(slides.resolve("b.tif"));
        TissueSlides.blank(slides.resolve("blank.tif"));
        TissueSlides.corrupt(slides.resolve("unlisted.svs"));
        return slides;
    }

    @Test
    void buildsADatasetAndReportsTheSlideWithoutTissue() throws IOException {
        Path slides = slides();
        Path labels =
                Files.writeString(
                        dir.resolve("labels.csv"),
                        "slide,patient,label\na.tif,p1,x\nb.tif,p2,y\nblank.tif,p3,\n");
        Path out = dir.resolve("ds");
        String[] r =
                run(
                        "prepare",
                        "--slides",
                        slides.toString(),
                        "--labels",
                        labels.toString(),
                        "--source-mpp",
                        "0.5",
                        "--mags",
                        "10,2.5",
                        "--split-fractions",
                        "50,0,50",
                        "--out",
                        out.toString());
        assertEquals("1", r[0], r[1]);
        assertTrue(r[1].contains("ignored 1 slide file(s)"), r[1]);
        assertTrue(r[1].contains("unlisted.svs"), r[1]);
        assertTrue(r[1].contains("failed: blank: no tissue found in"), r[1]);
        assertTrue(r[1].contains("10x<L1 2.5x<L3"), r[1]);
        Dataset ds = Dataset.open(out);
        assertEquals(
                List.of("a_t01", "a_t02", "b_t01", "b_t02"),
                ds.tissues().stream().map(TissueRecord::id).toList());
        assertEquals(20.0, ds.info().sourceMagnification());
        // one patient per label: round(1 x 50%) = 1 goes to train
        assertEquals(
                List.of("train"),
                ds.tissues().stream().map(TissueRecord::split).distinct().toList());
    }

    /**
     * A slide list gives a.tif 0.5 um/px (20x) and b.tif 0.25 um/px (40x) where --source-mpp 1
     * would give both 10x: each slide's magnification and its source show in the report.
     */
    @Test
    void slideListGivesEachSlideItsScale() throws IOException {
        Path slides = slides();
        Path labels =
                Files.writeString(
                        dir.resolve("labels.csv"), "slide,patient,label\na.tif,p1,x\nb.tif,p2,y\n");
        Path list =
                Files.writeString(
                        dir.resolve("list.csv"),
                        "slide,mpp\nslides/a.tif,0.5\nslides/b.tif,0.25\n");
        String[] r =
                run(
                        "prepare",
                        "--slides",
                        slides.toString(),
                        "--labels",
                        labels.toString(),
                        "--source-mpp",
                        "1",
                        "--slide-list",
                        list.toString(),
                        "--mags",
                        "5",
                        "--split-fractions",
                        "50,0,50",
                        "--out",
                        dir.resolve("ds").toString());
        assertEquals("0", r[0], r[1]);
        assertTrue(r[1].matches("(?s).*\\ba +20x from slide list mpp.*"), r[1]);
        assertTrue(r[1].matches("(?s).*\\bb +40x from slide list mpp.*"), r[1]);
    }

    /** The image-folder mode still works after the cutter's rework: 64 px images at 10x and 5x. */
    @Test
    void imageFoldersStillWork() throws IOException {
        Path images = dir.resolve("images");
        for (String cls : List.of("x", "y")) {
            for (int i = 0; i < 2; i++) {
                java.awt.image.BufferedImage img =
                        new java.awt.image.BufferedImage(
                                64, 48, java.awt.image.BufferedImage.TYPE_INT_RGB);
                img.setRGB(i, i, 0x123456);
                org.lowmag.dataset.ImageFiles.write(
                        images.resolve(cls).resolve("im" + i + ".png"), img);
            }
        }
        Path out = dir.resolve("ids");
        String[] r =
                run(
                        "prepare",
                        "--images",
                        images.toString(),
                        "--source-mag",
                        "10",
                        "--mags",
                        "10,5",
                        "--out",
                        out.toString());
        assertEquals("0", r[0], r[1]);
        Dataset ds = Dataset.open(out);
        assertEquals(4, ds.tissues().size());
        TissueRecord t = ds.tissues().get(0);
        assertEquals(64, t.image(10).orElseThrow().widthPx());
        assertEquals(48, t.image(10).orElseThrow().heightPx());
        assertEquals(32, t.image(5).orElseThrow().widthPx());
        assertEquals(24, t.image(5).orElseThrow().heightPx());
        assertEquals(10.0, ds.info().sourceMagnification());
    }

    @Test
    void usageErrors() throws IOException {
        Path slides = slides();
        String[] noLabels =
                run("prepare", "--slides", slides.toString(), "--out", dir.resolve("o").toString());
        assertEquals("2", noLabels[0]);
        assertTrue(noLabels[1].contains("--slides needs --labels"), noLabels[1]);
        Path twice =
                Files.writeString(
                        dir.resolve("twice.csv"), "slide,patient,label\na.tif,p,x\na.tif,p,x\n");
        String[] r =
                run(
                        "prepare",
                        "--slides",
                        slides.toString(),
                        "--labels",
                        twice.toString(),
                        "--source-mag",
                        "20",
                        "--out",
                        dir.resolve("o").toString());
        assertEquals("1", r[0]);
        assertTrue(r[1].contains("twice.csv line 3: slide a.tif is listed twice"), r[1]);
        String[] tooHigh =
                run(
                        "prepare",
                        "--slides",
                        slides.toString(),
                        "--labels",
                        Files.writeString(
                                        dir.resolve("l.csv"),
                                        "slide,patient,label\na.tif,p1,x\nb.tif,p2,y\n")
                                .toString(),
                        "--source-mag",
                        "20",
                        "--mags",
                        "40",
                        "--out",
                        dir.resolve("o2").toString());
        assertEquals("1", tooHigh[0]);
        assertTrue(tooHigh[1].contains("cannot cut at 40x"), tooHigh[1]);
    }
}
