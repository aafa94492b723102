package org.lowmag.model;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lowmag.arch.Architecture;
import org.lowmag.dataset.InputPadding;
import org.lowmag.dataset.PadTarget;
import org.lowmag.util.AtomicFiles;
import org.lowmag.util.Json;

/**
 * Exports a model for PyTorch: a folder with
 *
 * <ul>
 *   <li>{@value #WEIGHTS_FILE}: the weights, float32, under PyTorch names ({@link TorchNames}), in
 *       the {@link Safetensors} format;
 *   <li>{@value #MODULE_FILE}: the architecture as an {@code nn.Module} ({@code GnResNet}) with a
 *       loader and the preprocessing ({@code load}, {@code preprocess}), needing only {@code
 *       torch};
 *   <li>{@value #PREPROCESSING_FILE}: what an input must be: magnification and um/px, classes in
 *       logit order, per-channel mean and std of {@code x / 255}, the padding (mode, target,
 *       network stride, fill colour), and the architecture and provenance.
 * </ul>
 *
 * Each file is written atomically; existing files of the same names are replaced.
 */
public final class TorchExport {

    /** The weights' file name. */
    public static final String WEIGHTS_FILE = "model.safetensors";

    /** The generated module's file name. */
    public static final String MODULE_FILE = "lowmag_model.py";

    /** The preprocessing file's name. */
    public static final String PREPROCESSING_FILE = "preprocessing.json";

    /** Version of the export folder's layout. */
    public static final int FORMAT_VERSION = 1;

    private static final String TEMPLATE = "lowmag_model.py";
    private static final String MARKER =
            "# @GENERATED@ (the architecture and classes of the exported model)";

    private static final Gson COMPACT = new GsonBuilder().disableHtmlEscaping().create();

    private TorchExport() {}

    /**
     * Writes the export folder.
     *
     * @param model the loaded model
     * @param out the folder to create or fill
     * @return the files written: weights, module, preprocessing
     * @throws IOException when a file cannot be written
     */
    public static List<Path> write(LowMagModel model, Path out) throws IOException {
        Files.createDirectories(out);
        ModelInfo info = model.info();
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("format", "pt");
        meta.put("lowmag_architecture", info.architecture());
        meta.put("lowmag_classes", Json.toJson(info.classes()));
        meta.put("lowmag_magnification", Double.toString(info.magnification()));
        Path weights = out.resolve(WEIGHTS_FILE);
        Safetensors.write(weights, TorchNames.tensors(model.net()), meta);
        Path module = out.resolve(MODULE_FILE);
        AtomicFiles.writeString(module, moduleSource(info));
        Path prep = out.resolve(PREPROCESSING_FILE);
        AtomicFiles.writeString(prep, Json.toJson(preprocessing(info)) + "\n");
        return List.of(weights, module, prep);
    }

    /**
     * The contents of {@value #PREPROCESSING_FILE}.
     *
     * @param info the model's metadata
     * @return the preprocessing description, as JSON-ready maps
     */
    public static Map<String, Object> preprocessing(ModelInfo info) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("format", "lowmag-torch-export");
        p.put("format_version", FORMAT_VERSION);
        p.put("weights", WEIGHTS_FILE);
        p.put("module", MODULE_FILE);
        p.put("classes", info.classes());
        p.put("magnification", info.magnification());
        p.put("um_per_px", 10.0 / info.magnification());
        p.put(
                "input",
                "RGB tissue image at the magnification, padded (padding), then standardised per"
                        + " channel: x' = (x / 255 - mean_c) / std_c, as float32 [N, 3, H, W];"
                        + " the network returns logits [N, classes] (softmax: probabilities)");
        Map<String, Object> norm = new LinkedHashMap<>();
        norm.put("mean", info.normalization().mean());
        norm.put("std", info.normalization().std());
        p.put("normalization", norm);
        p.put("padding", padding(info));
        p.put("architecture", architecture(info.arch()));
        p.put("role", info.role());
        p.put("seed", info.seed());
        p.put("provenance", info.provenance());
        return p;
    }

    private static Map<String, Object> padding(ModelInfo info) {
        Map<String, Object> m = new LinkedHashMap<>();
        InputPadding mode = info.padding();
        m.put("mode", mode.flag());
        m.put(
                "pad_to",
                info.padsToMultiple() ? PadTarget.MULTIPLE.flag() : PadTarget.STRIDE.flag());
        m.put("total_stride", info.arch().totalStride());
        int[] fill =
                mode == InputPadding.MEAN ? info.padder().meanRgb() : new int[] {255, 255, 255};
        m.put("fill_rgb", List.of(fill[0], fill[1], fill[2]));
        m.put(
                "rule",
                "a side n becomes s * ceil(n / s) (pad_to multiple) or max(n, s) (stride), s ="
                        + " total_stride; the image stays centred (left = (n' - n) / 2, rounded"
                        + " down); white and mean fill with fill_rgb, reflect mirrors the image"
                        + " without repeating its edge pixel, none leaves it as it is");
        return m;
    }

    private static Map<String, Object> architecture(Architecture a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", a.name());
        m.put("block", a.block().name());
        m.put("blocks_per_stage", a.blocksPerStage());
        m.put("widths", a.widths());
        m.put("stem_width", a.stemWidth());
        return m;
    }

    /**
     * The generated {@value #MODULE_FILE}: the module template with the model's architecture and
     * classes as Python constants.
     *
     * @param info the model's metadata
     * @return the Python source
     */
    public static String moduleSource(ModelInfo info) {
        String template;
        try (InputStream in = TorchExport.class.getResourceAsStream(TEMPLATE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + TEMPLATE + " missing from the jar");
            }
            template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read resource " + TEMPLATE, e);
        }
        if (!template.contains(MARKER)) {
            throw new IllegalStateException("resource " + TEMPLATE + " lacks its marker");
        }
        String constants =
                "# Generated by lowmag export from a "
                        + info.architecture()
                        + " model ("
                        + info.role()
                        + ", "
                        + info.magnification()
                        + "x).\n"
                        + "ARCHITECTURE = "
                        + pythonLiteral(architecture(info.arch()))
                        + "\nCLASSES = "
                        + pythonLiteral(info.classes());
        return template.replace(MARKER, constants);
    }

    /**
     * Compact JSON of strings, integers, lists and maps, which is also a Python literal (JSON's
     * string escapes are Python's; no {@code true}, {@code false} or {@code null} occurs).
     */
    private static String pythonLiteral(Object value) {
        return COMPACT.toJson(value);
    }
}
