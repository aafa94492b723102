package org.lowmag.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Paths in the report are relative to the experiment folder; free text stays as it is. */
class ReportPathsTest {

    private static final Path EXP = Path.of("/work/demo/experiment");

    @Test
    void pathsBecomeRelativeToTheExperiment() {
        assertEquals("../dataset", ReportPaths.relative(EXP, Path.of("/work/demo/dataset")));
        assertEquals("runs/kd", ReportPaths.relative(EXP, EXP.resolve("runs/kd")));
        assertEquals(".", ReportPaths.relative(EXP, EXP));
    }

    @Test
    void sourcesKeepTheirKind() {
        assertEquals("slides:../data", ReportPaths.source(EXP, "slides:/work/demo/data"));
        assertEquals(
                "synthetic:../data/synthetic.json",
                ReportPaths.source(EXP, "synthetic:/work/demo/data/synthetic.json"));
        assertEquals(
                "synthetic: TinyDataset (test fixture)",
                ReportPaths.source(EXP, "synthetic: TinyDataset (test fixture)"));
        assertEquals("LC25000", ReportPaths.source(EXP, "LC25000"));
    }
}
