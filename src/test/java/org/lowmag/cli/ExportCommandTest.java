package org.lowmag.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lowmag.infer.SyntheticSlides;
import org.lowmag.model.LowMagModel;
import org.lowmag.model.Safetensors;

/** {@code lowmag export} through the real command line. */
@Tag("engine")
class ExportCommandTest {

    @TempDir Path tmp;

    @Test
    void exportsTheBestModelOfARunFolder() throws IOException {
        Path run = tmp.resolve("run");
        SyntheticSlides.model(run.resolve("model/best"), 2.5);
        Path out = tmp.resolve("export");
        String printed =
                CliRun.run(
                        0,
                        "export",
                        "--model",
                        run.toString(),
                        "--format",
                        "safetensors",
                        "--out",
                        out.toString());
        assertTrue(printed.contains("model.safetensors"), printed);
        Safetensors.Contents c = Safetensors.read(out.resolve("model.safetensors"));
        try (LowMagModel m = LowMagModel.load(run.resolve("model/best"))) {
            assertArrayEquals(
                    m.net().fc().getParameters().get("weight").getArray().toFloatArray(),
                    c.tensors().get("fc.weight").data());
        }
        assertTrue(Files.isRegularFile(out.resolve("lowmag_model.py")));
        assertTrue(Files.readString(out.resolve("preprocessing.json")).contains("\"tumour\""));
    }

    @Test
    void aFolderWithoutAModelFailsWithExitOneAndSaysWhy() throws IOException {
        Path empty = Files.createDirectories(tmp.resolve("not-a-model"));
        Path out = tmp.resolve("export");
        String printed =
                CliRun.run(
                        LowMag.EXIT_FAILURE,
                        "export",
                        "--model",
                        empty.toString(),
                        "--out",
                        out.toString());
        assertTrue(printed.contains("is neither a model folder"), printed);
        assertFalse(Files.exists(out), "nothing written");
    }

    @Test
    void anUnknownFormatIsAUsageError() {
        String printed =
                CliRun.run(
                        LowMag.EXIT_USAGE,
                        "export",
                        "--model",
                        tmp.toString(),
                        "--format",
                        "onnx",
                        "--out",
                        tmp.resolve("x").toString());
        assertTrue(printed.contains("onnx") && printed.contains("SAFETENSORS"), printed);
    }
}
