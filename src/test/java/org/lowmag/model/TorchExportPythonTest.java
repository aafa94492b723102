package org.lowmag.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lowmag.dataset.RgbImage;
import org.lowmag.util.Json;

/**
 * The export round-trips through PyTorch: Debian's {@code python3-torch} ({@value #PYTHON}) loads
 * each export with its generated {@code lowmag_model.py} and runs the network on LowMag's own input
 * tensor and on the module's {@code preprocess()} of the same image; both logits must match
 * LowMag's within {@value #LOGIT_TOLERANCE}. Two models with noise on every parameter cover two
 * padding settings (reflect to a multiple of 32 on a 45 x 37 image: 64 x 64; the mean colour up to
 * 32 on a 20 x 50 image: 32 x 50); the module's state_dict names and shapes for resnet18 and
 * resnet50 (bottleneck blocks) must equal LowMag's export names. Skipped, with the reason, where
 * {@code /usr/bin/python3 -c 'import torch'} fails.
 */
@Tag("engine")
class TorchExportPythonTest {

    static final String PYTHON = "/usr/bin/python3";
    static final double LOGIT_TOLERANCE = 1e-5;

    @TempDir Path tmp;

    @BeforeAll
    static void needsPyTorch() throws InterruptedException {
        Assumptions.assumeTrue(
                succeeds(PYTHON, "-c", "import torch"),
                "skipped: " + PYTHON + " -c 'import torch' fails (install Debian's python3-torch)");
    }

    private static boolean succeeds(String... cmd) throws InterruptedException {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(120, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        }
    }

    /** One exported model, its input image and what LowMag computed. */
    private record Case(String name, Map<String, Object> spec, float[] logits) {}

    @Test
    void pyTorchReproducesLowMagsLogitsFromTheExport() throws IOException, InterruptedException {
        List<Case> cases = new ArrayList<>();
        cases.add(
                exportCase(
                        "reflect-multiple",
                        ExportFixtures.info(
                                "paper",
                                3,
                                ExportFixtures.skewedNorm(),
                                Map.of("padding", "reflect", "pad_to", "multiple")),
                        45,
                        37,
                        21));
        cases.add(
                exportCase(
                        "mean-stride",
                        ExportFixtures.info(
                                "paper",
                                2,
                                ExportFixtures.skewedNorm(),
                                Map.of("padding", "mean", "pad_to", "stride")),
                        20,
                        50,
                        22));
        List<Map<String, Object>> names = new ArrayList<>();
        names.add(namesOf("resnet18", 4));
        names.add(namesOf("resnet50", 5));
        Path specFile = tmp.resolve("cases.json");
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("cases", cases.stream().map(Case::spec).toList());
        spec.put("names", names);
        Json.write(specFile, spec);
        JsonObject result = runPython(specFile);

        for (Case c : cases) {
            JsonObject r = result.getAsJsonObject("cases").getAsJsonObject(c.name());
            assertClose(c.logits(), r.getAsJsonArray("from_tensor"), c.name() + " from tensor");
            assertClose(c.logits(), r.getAsJsonArray("from_image"), c.name() + " preprocess()");
            assertEquals(
                    c.spec().get("shape").toString(),
                    r.get("preprocessed_shape").toString().replace(",", ", "),
                    c.name() + ": preprocess() pads as LowMag");
            assertTrue(
                    r.get("input_max_abs_diff").getAsDouble() <= 1e-6,
                    c.name() + ": preprocess() standardises as LowMag: " + r);
        }
        JsonArray torchNames = result.getAsJsonArray("names");
        for (int i = 0; i < names.size(); i++) {
            assertEquals(
                    JsonParser.parseString(Json.toJson(names.get(i).get("tensors"))),
                    torchNames.get(i),
                    "state_dict of " + names.get(i).get("arch"));
        }
    }

    private Case exportCase(String name, ModelInfo info, int widthPx, int heightPx, long seed)
            throws IOException {
        Path dir = ExportFixtures.savedModel(tmp.resolve(name + "/model"), info, seed);
        Path export = tmp.resolve(name + "/export");
        RgbImage img = randomImage(widthPx, heightPx, seed);
        Path image = tmp.resolve(name + "/image.rgb");
        Files.write(image, interleaved(img));
        Path tensor = tmp.resolve(name + "/input.f32");
        float[] logits;
        List<Long> shape = new ArrayList<>();
        try (LowMagModel m = LowMagModel.load(dir);
                NDManager manager = NDManager.newBaseManager()) {
            TorchExport.write(m, export);
            RgbImage padded = m.info().padder().apply(img);
            NDArray x = InputTensors.batch(manager, List.of(padded), m.info().normalization());
            Files.write(tensor, littleEndian(x.toFloatArray()));
            for (long d : x.getShape().getShape()) {
                shape.add(d);
            }
            logits = m.forwardInference(manager, x).get(0).toFloatArray();
        }
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("name", name);
        spec.put("export", export.toString());
        spec.put("image", image.toString());
        spec.put("width", widthPx);
        spec.put("height", heightPx);
        spec.put("tensor", tensor.toString());
        spec.put("shape", shape);
        return new Case(name, spec, logits);
    }

    private static Map<String, Object> namesOf(String arch, int classes) {
        ModelInfo info = ExportFixtures.info(arch, classes, Normalization.IDENTITY, Map.of());
        Map<String, Object> tensors = new LinkedHashMap<>();
        Engines.seed(1);
        try (LowMagModel m = LowMagModel.create(info)) {
            TorchNames.tensors(m.net()).forEach((k, t) -> tensors.put(k, t.shape()));
        }
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("arch", TorchExport.preprocessing(info).get("architecture"));
        entry.put("classes", classes);
        entry.put("tensors", tensors);
        return entry;
    }

    private JsonObject runPython(Path specFile) throws IOException, InterruptedException {
        Path script = tmp.resolve("torch_export_check.py");
        try (InputStream in = getClass().getResourceAsStream("torch_export_check.py")) {
            Files.write(script, in.readAllBytes());
        }
        Path resultFile = tmp.resolve("result.json");
        Path log = tmp.resolve("python.log");
        Process p =
                new ProcessBuilder(
                                PYTHON,
                                script.toString(),
                                specFile.toString(),
                                resultFile.toString())
                        .redirectErrorStream(true)
                        .redirectOutput(log.toFile())
                        .start();
        boolean done = p.waitFor(600, TimeUnit.SECONDS);
        if (!done) {
            p.destroyForcibly();
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertTrue(done && p.exitValue() == 0, "python failed:\n" + output);
        return JsonParser.parseString(Files.readString(resultFile)).getAsJsonObject();
    }

    private static void assertClose(float[] expected, JsonArray got, String what) {
        assertEquals(expected.length, got.size(), what);
        for (int i = 0; i < expected.length; i++) {
            double diff = Math.abs(expected[i] - got.get(i).getAsDouble());
            assertTrue(
                    diff <= LOGIT_TOLERANCE,
                    what + ": logit " + i + " LowMag " + expected[i] + ", PyTorch " + got.get(i));
        }
    }

    private static RgbImage randomImage(int w, int h, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        byte[][] planes = new byte[3][w * h];
        for (byte[] plane : planes) {
            for (int i = 0; i < plane.length; i++) {
                plane[i] = (byte) r.nextInt(256);
            }
        }
        return new RgbImage(w, h, planes);
    }

    /** Row-major {@code [height, width, 3]} bytes. */
    private static byte[] interleaved(RgbImage img) {
        int n = img.widthPx() * img.heightPx();
        byte[] out = new byte[3 * n];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < 3; c++) {
                out[3 * i + c] = img.planes()[c][i];
            }
        }
        return out;
    }

    private static byte[] littleEndian(float[] v) {
        ByteBuffer b = ByteBuffer.allocate(4 * v.length).order(ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(v);
        return b.array();
    }
}
