package org.lowmag.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Engine tests of the PyTorch export: names, values and the preprocessing written. */
@Tag("engine")
class TorchExportTest {

    /**
     * The state_dict of {@code benchmarks/torch_reference.py}'s {@code GnResNet("paper")} with 3
     * classes, printed by {@code [(k, tuple(v.shape)) for k, v in m.state_dict().items()]}.
     */
    private static final String[] PAPER_STATE_DICT = {
        "features.0.weight (32, 3, 7, 7)",
        "features.1.weight (32)",
        "features.1.bias (32)",
        "features.4.main.0.weight (32, 32, 3, 3)",
        "features.4.main.1.weight (32)",
        "features.4.main.1.bias (32)",
        "features.4.main.3.weight (32, 32, 3, 3)",
        "features.4.main.4.weight (32)",
        "features.4.main.4.bias (32)",
        "features.5.main.0.weight (64, 32, 3, 3)",
        "features.5.main.1.weight (64)",
        "features.5.main.1.bias (64)",
        "features.5.main.3.weight (64, 64, 3, 3)",
        "features.5.main.4.weight (64)",
        "features.5.main.4.bias (64)",
        "features.5.shortcut.0.weight (64, 32, 1, 1)",
        "features.5.shortcut.1.weight (64)",
        "features.5.shortcut.1.bias (64)",
        "features.6.main.0.weight (128, 64, 3, 3)",
        "features.6.main.1.weight (128)",
        "features.6.main.1.bias (128)",
        "features.6.main.3.weight (128, 128, 3, 3)",
        "features.6.main.4.weight (128)",
        "features.6.main.4.bias (128)",
        "features.6.shortcut.0.weight (128, 64, 1, 1)",
        "features.6.shortcut.1.weight (128)",
        "features.6.shortcut.1.bias (128)",
        "features.7.main.0.weight (256, 128, 3, 3)",
        "features.7.main.1.weight (256)",
        "features.7.main.1.bias (256)",
        "features.7.main.3.weight (256, 256, 3, 3)",
        "features.7.main.4.weight (256)",
        "features.7.main.4.bias (256)",
        "features.7.shortcut.0.weight (256, 128, 1, 1)",
        "features.7.shortcut.1.weight (256)",
        "features.7.shortcut.1.bias (256)",
        "fc.weight (3, 256)",
        "fc.bias (3)",
    };

    @TempDir Path tmp;

    private static String describe(String name, long[] shape) {
        List<String> dims = new ArrayList<>();
        for (long d : shape) {
            dims.add(Long.toString(d));
        }
        return name + " (" + String.join(", ", dims) + ")";
    }

    @Test
    void paperNamesAndShapesAreTheTorchReferencesStateDict() {
        Engines.seed(3);
        try (LowMagModel m =
                LowMagModel.create(
                        ExportFixtures.info("paper", 3, Normalization.IDENTITY, Map.of()))) {
            List<String> got = new ArrayList<>();
            TorchNames.tensors(m.net()).forEach((k, t) -> got.add(describe(k, t.shape())));
            assertEquals(List.of(PAPER_STATE_DICT), got);
        }
    }

    @Test
    void everyParameterIsExportedOnceWithItsValues() {
        Engines.seed(4);
        try (LowMagModel m =
                LowMagModel.create(
                        ExportFixtures.info("resnet18", 4, Normalization.IDENTITY, Map.of()))) {
            ExportFixtures.perturb(m, 4);
            Map<String, Safetensors.Tensor> t = TorchNames.tensors(m.net());
            List<Pair<String, Parameter>> params = m.net().getParameters().stream().toList();
            assertEquals(params.size(), t.size());
            // state_dict order is DJL's parameter order, so the i-th tensor is the i-th parameter
            List<Safetensors.Tensor> tensors = List.copyOf(t.values());
            for (int i = 0; i < params.size(); i++) {
                assertArrayEquals(
                        params.get(i).getValue().getArray().toFloatArray(),
                        tensors.get(i).data(),
                        params.get(i).getKey());
            }
            assertArrayEquals(
                    m.net().fc().getParameters().get("bias").getArray().toFloatArray(),
                    t.get("fc.bias").data());
            assertEquals(
                    "features.6.main.0.weight (128, 64, 3, 3)",
                    describe("features.6.main.0.weight", t.get("features.6.main.0.weight").shape()),
                    "resnet18: stage 2's first block is child 6, after the stem's 4 and 2 blocks");
        }
    }

    @Test
    void writesWeightsModuleAndPreprocessingThatDescribeTheModel() throws IOException {
        ModelInfo info =
                ExportFixtures.info(
                        "paper",
                        3,
                        ExportFixtures.skewedNorm(),
                        Map.of("padding", "mean", "pad_to", "multiple"));
        Path dir = ExportFixtures.savedModel(tmp.resolve("model"), info, 5);
        Path out = tmp.resolve("export");
        try (LowMagModel m = LowMagModel.load(dir)) {
            List<Path> files = TorchExport.write(m, out);
            assertEquals(
                    List.of(
                            out.resolve("model.safetensors"),
                            out.resolve("lowmag_model.py"),
                            out.resolve("preprocessing.json")),
                    files);
            Safetensors.Contents c = Safetensors.read(out.resolve("model.safetensors"));
            assertArrayEquals(
                    m.net().fc().getParameters().get("weight").getArray().toFloatArray(),
                    c.tensors().get("fc.weight").data());
            assertEquals("paper", c.metadata().get("lowmag_architecture"));
        }
        JsonObject p =
                JsonParser.parseString(Files.readString(out.resolve("preprocessing.json")))
                        .getAsJsonObject();
        assertEquals("[\"c0\",\"c1\",\"c2\"]", p.get("classes").toString());
        assertEquals(2.5, p.get("magnification").getAsDouble());
        assertEquals(4.0, p.get("um_per_px").getAsDouble());
        assertEquals("[0.8,0.55,0.7]", p.getAsJsonObject("normalization").get("mean").toString());
        assertEquals("[0.12,0.2,0.15]", p.getAsJsonObject("normalization").get("std").toString());
        JsonObject pad = p.getAsJsonObject("padding");
        assertEquals("mean", pad.get("mode").getAsString());
        assertEquals("multiple", pad.get("pad_to").getAsString());
        assertEquals(32, pad.get("total_stride").getAsInt());
        // round(255 * mean): 204, 140.25 -> 140, 178.5 -> 179
        assertEquals("[204,140,179]", pad.get("fill_rgb").toString());
        assertEquals("BASIC", p.getAsJsonObject("architecture").get("block").getAsString());
        String py = Files.readString(out.resolve("lowmag_model.py"));
        assertTrue(
                py.contains(
                        "ARCHITECTURE = {\"name\":\"paper\",\"block\":\"BASIC\","
                                + "\"blocks_per_stage\":[1,1,1,1],\"widths\":[32,64,128,256],"
                                + "\"stem_width\":32}\n"),
                py);
        assertTrue(py.contains("CLASSES = [\"c0\",\"c1\",\"c2\"]\n"), py);
        assertTrue(!py.contains("@GENERATED@"), "marker replaced");
    }

    @Test
    void aModelSavedBeforePaddingSettingsExportsWhiteToTheStride() {
        Map<String, Object> p =
                TorchExport.preprocessing(
                        ExportFixtures.info("paper", 2, Normalization.IDENTITY, Map.of()));
        @SuppressWarnings("unchecked")
        Map<String, Object> pad = (Map<String, Object>) p.get("padding");
        assertEquals("white", pad.get("mode"));
        assertEquals("stride", pad.get("pad_to"));
        assertEquals(List.of(255, 255, 255), pad.get("fill_rgb"));
    }
}
