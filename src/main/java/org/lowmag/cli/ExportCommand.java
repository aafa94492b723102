package org.lowmag.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.lowmag.model.LowMagModel;
import org.lowmag.model.ModelPaths;
import org.lowmag.model.TorchExport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code lowmag export}: write a model in a format other tools read. */
@Command(
        name = "export",
        mixinStandardHelpOptions = true,
        description = {
            "Export a model for PyTorch. Writes OUT/"
                    + TorchExport.WEIGHTS_FILE
                    + " (the weights, float32, under PyTorch's state_dict names), OUT/"
                    + TorchExport.MODULE_FILE
                    + " (the network as a PyTorch nn.Module, GnResNet, with load() and"
                    + " preprocess(); needs only torch) and OUT/"
                    + TorchExport.PREPROCESSING_FILE
                    + " (magnification, classes, per-channel mean and std, padding). Files of"
                    + " these names in OUT are replaced.",
            "",
            "In Python: import lowmag_model; model, prep = lowmag_model.load('OUT');"
                    + " model(lowmag_model.preprocess(rgb, prep)).softmax(1)",
        })
final class ExportCommand implements Callable<Integer> {

    /** The formats {@code --format} takes. */
    enum Format {
        /** Hugging Face's safetensors, with a generated PyTorch module. */
        SAFETENSORS
    }

    @Option(
            names = "--model",
            required = true,
            paramLabel = "RUN_OR_MODEL",
            description = "Run folder (its best model) or model folder.")
    Path model;

    @Option(
            names = "--format",
            defaultValue = "safetensors",
            paramLabel = "FORMAT",
            description = "Export format: safetensors (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder.")
    Path out;

    @Override
    public Integer call() throws Exception {
        Path dir = ModelPaths.resolve(model);
        List<Path> written;
        try (LowMagModel m = LowMagModel.load(dir)) {
            written = TorchExport.write(m, out);
        }
        System.out.println(
                "exported " + dir + " as " + format.name().toLowerCase(Locale.ROOT) + ":");
        for (Path p : written) {
            System.out.println("  " + p);
        }
        return 0;
    }
}
