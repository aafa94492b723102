package org.lowmag.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lowmag.slide.SlideReader;
import org.lowmag.slide.SlideReaders;

class SynthesizeCommandTest {

    @TempDir Path dir;

    @Test
    void writesATinyDataSet() throws IOException {
        int rc =
                LowMag.execute(
                        "synthesize",
                        "--out",
                        dir.toString(),
                        "--slides-per-class",
                        "1",
                        "--unlabeled",
                        "0",
                        "--mpp",
                        "2",
                        "--size-um",
                        "1200,900",
                        "--threads",
                        "2");
        assertEquals(0, rc);
        List<String> labels = Files.readAllLines(dir.resolve("labels.csv"));
        assertEquals(4, labels.size());
        assertTrue(Files.isRegularFile(dir.resolve("synthetic.json")));
    }

    @Test
    void badValuesAreUsageErrors() {
        assertEquals(2, LowMag.execute("synthesize", "--out", dir.toString(), "--size-um", "12"));
        assertEquals(2, LowMag.execute("synthesize", "--out", dir.toString(), "--mpp", "0"));
        assertEquals(2, LowMag.execute("synthesize", "--out", dir.toString(), "--quality", "2"));
        assertEquals(2, LowMag.execute("synthesize"));
        assertEquals(2, LowMag.execute("synthesize", "--out", dir.toString(), "--pieces", "3,2"));
        assertEquals(2, LowMag.execute("synthesize", "--out", dir.toString(), "--pieces", "1.5,2"));
        assertEquals(
                2, LowMag.execute("synthesize", "--out", dir.toString(), "--tissue-um", "100,300"));
    }

    @Test
    void theFullSizePresetsExcludeTheirOwnSettings() {
        String out = dir.toString();
        assertEquals(2, LowMag.execute("synthesize", "--out", out, "--size", "5gp"));
        assertEquals(2, LowMag.execute("synthesize", "--out", out, "--size", "10gp", "--mpp", "1"));
        assertEquals(
                2,
                LowMag.execute(
                        "synthesize", "--out", out, "--size", "1.2gp", "--size-um", "800,800"));
        assertEquals(2, LowMag.execute("synthesize", "--out", out, "--draw-scale", "0"));
        // 40,000 x 30,000 px and 115,200 x 86,400 px at 0.25 um/px
        assertEquals("10000,7500", SynthesizeCommand.FullSize.parse("1.2GP").sizeUm());
        assertEquals("28800,21600", SynthesizeCommand.FullSize.parse("10gp").sizeUm());
    }

    /**
     * Drawn at scale 4 (2 um/px drawn, 0.5 written), a slide keeps the size and um/px of the one
     * drawn at full detail, and its description records the scale so a folder is only completed
     * with the same one.
     */
    @Test
    void aCoarselyDrawnSetKeepsItsSizeAndRecordsTheScale() throws IOException {
        String[] args = {
            "synthesize",
            "--out",
            dir.toString(),
            "--slides-per-class",
            "1",
            "--unlabeled",
            "0",
            "--mpp",
            "0.5",
            "--size-um",
            "1200,900",
            "--draw-scale",
            "4"
        };
        assertEquals(0, LowMag.execute(args));
        String json = Files.readString(dir.resolve("synthetic.json"));
        assertTrue(json.contains("\"draw_scale\": 4"), json);
        try (Stream<Path> slides = Files.list(dir.resolve("slides"))) {
            Path one = slides.findFirst().orElseThrow();
            try (SlideReader r = SlideReaders.open(one)) {
                assertEquals(2400, r.metadata().widthPx());
                assertEquals(1800, r.metadata().heightPx());
                assertEquals(0.5, r.metadata().mppX().getAsDouble(), 1e-9);
            }
        }
        args[args.length - 1] = "2";
        assertEquals(1, LowMag.execute(args));
    }

    /** Two slides per class, no unlabelled ones, 1.2 x 0.9 mm at 2 um/px, the given pieces. */
    private int smallSet(String pieces) {
        return LowMag.execute(
                "synthesize",
                "--out",
                dir.toString(),
                "--slides-per-class",
                "2",
                "--unlabeled",
                "0",
                "--mpp",
                "2",
                "--size-um",
                "1200,900",
                "--pieces",
                pieces,
                "--tissue-um",
                "300,400");
    }

    @Test
    void piecesAndTissueSizeShapeTheSlides() throws IOException {
        assertEquals(0, smallSet("1,1"));
        List<String> tissues = Files.readAllLines(dir.resolve("tissues.csv"));
        // one piece per slide, 6 slides; each box at most ~400 um (200 px at 2 um/px) plus its
        // irregular outline
        assertEquals(7, tissues.size());
        for (String row : tissues.subList(1, tissues.size())) {
            String[] f = row.split(",");
            assertTrue(Integer.parseInt(f[4]) <= 260 && Integer.parseInt(f[5]) <= 260, row);
        }
        // the same folder with other pieces is refused, not mixed
        assertEquals(1, smallSet("1,2"));
    }
}
