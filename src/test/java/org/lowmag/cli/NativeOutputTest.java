package org.lowmag.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lowmag.testing.ChildJvm;
import org.lowmag.testing.TinyDatasets;

/**
 * Engine test: what LowMag prints, native output included (a child JVM, so libtorch's writes to
 * file descriptor 2 are captured), has no NNPACK line.
 */
@Tag("engine")
class NativeOutputTest {

    private static final String NNPACK_WARNING = "Could not initialize NNPACK";

    @TempDir Path tmp;

    private static long nnpackLines(String output) {
        return output.lines().filter(l -> l.contains("NNPACK")).count();
    }

    private String[] train(Path data, String out) {
        return new String[] {
            "train",
            "--data",
            data.toString(),
            "--mag",
            "10",
            "--epochs",
            "1",
            "--seed",
            "3",
            "--max-batch-pixels",
            "1",
            "--out",
            tmp.resolve(out).toString()
        };
    }

    /**
     * Training, one small tissue per forward pass (libtorch leaves a batch of one small input to
     * its own kernels, which ask for NNPACK, instead of oneDNN), prints no NNPACK line; with {@code
     * -Dlowmag.nnpack=on} (libtorch's default) the same run prints them on a CPU NNPACK does not
     * support, such as this project's AMD EPYC, which shows the check above can fail (elsewhere
     * libtorch prints none either way and the test says so).
     */
    @Test
    void trainingPrintsNoNnpackLineWhichLibtorchsDefaultWouldPrint() throws Exception {
        Path data = tmp.resolve("data");
        TinyDatasets.write(data, 2, 3, 19, List.of(10.0), 3L);

        ChildJvm.Result quiet =
                ChildJvm.lowmag(tmp.resolve("quiet.log"), 300, List.of(), train(data, "quiet"));
        assertEquals(0, quiet.exitCode(), quiet.output());
        assertEquals(0, nnpackLines(quiet.output()), quiet.output());
        assertFalse(quiet.output().contains("[DEBUG]"), quiet.output());

        ChildJvm.Result loud =
                ChildJvm.lowmag(
                        tmp.resolve("loud.log"),
                        300,
                        List.of("-Dlowmag.nnpack=on"),
                        train(data, "loud"));
        assertEquals(0, loud.exitCode(), loud.output());
        assumeTrue(
                loud.output().contains(NNPACK_WARNING),
                "this CPU supports NNPACK: libtorch prints no NNPACK warning even with NNPACK on");
    }

    /** {@code --log-level debug} reaches slf4j-simple in a fresh JVM: LowMag's debug line shows. */
    @Test
    void logLevelDebugShowsDebugLines() throws Exception {
        Path data = tmp.resolve("data");
        TinyDatasets.write(data, 2, 1, 19, List.of(10.0), 3L);
        List<String> args = new ArrayList<>(List.of(train(data, "debug")));
        args.addAll(List.of("--log-level", "debug"));
        ChildJvm.Result r =
                ChildJvm.lowmag(
                        tmp.resolve("debug.log"), 300, List.of(), args.toArray(String[]::new));
        assertEquals(0, r.exitCode(), r.output());
        assertTrue(r.output().contains("[DEBUG] NNPACK off in libtorch"), r.output());
    }

    /** The acceptance check: {@code lowmag demo --quick} prints no NNPACK line. */
    @Test
    void quickDemoPrintsNoNnpackLine() throws Exception {
        ChildJvm.Result r =
                ChildJvm.lowmag(
                        tmp.resolve("demo.log"),
                        1200,
                        List.of(),
                        "demo",
                        "--quick",
                        "--out",
                        tmp.resolve("demo").toString());
        assertEquals(0, r.exitCode(), r.output());
        assertTrue(r.output().contains("predict"), r.output());
        assertEquals(0, nnpackLines(r.output()), r.output());
    }
}
