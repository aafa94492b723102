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
    }
}
