package org.lowmag.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
