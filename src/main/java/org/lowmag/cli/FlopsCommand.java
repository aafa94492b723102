package org.lowmag.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.lowmag.arch.Architecture;
import org.lowmag.cost.FlopCounter;
import org.lowmag.cost.LayerCost;
import org.lowmag.cost.NetworkCost;
import org.lowmag.model.ModelInfo;
import org.lowmag.model.ModelPaths;
import org.lowmag.report.TextTable;
import org.lowmag.util.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code lowmag flops}: the analytic cost of a forward pass, layer by layer. */
@Command(
        name = "flops",
        mixinStandardHelpOptions = true,
        description = {
            "Print the analytic cost of one forward pass, per layer and in total.",
            "",
            "Convention: MACs count convolutions (C_out*H_out*W_out*C_in*k*k, no bias) and the FC"
                    + " layer (in*out); FLOPs = 2 x MACs; GFLOPs = FLOPs / 1e9. GroupNorm, ReLU,"
                    + " pooling and residual additions are NOT in the total: their estimated"
                    + " FLOPs are shown in the separate 'other' column (GroupNorm 8/element, ReLU"
                    + " and add 1/element, max-pool k*k-1 per output, average pool H*W per"
                    + " channel).",
        })
final class FlopsCommand implements Callable<Integer> {

    @Option(
            names = "--arch",
            defaultValue = "paper",
            description =
                    "Architecture: paper, resnet18, resnet34, resnet50 (default: ${DEFAULT-VALUE}).")
    String arch;

    @Option(
            names = "--input",
            defaultValue = "3x224x224",
            description = "Input shape CxHxW in pixels (default: ${DEFAULT-VALUE}).")
    String input;

    @Option(
            names = "--classes",
            defaultValue = "3",
            description = "Number of classes (default: ${DEFAULT-VALUE}).")
    int classes;

    @Option(names = "--json", description = "Print JSON instead of a table.")
    boolean json;

    @Option(
            names = "--model",
            paramLabel = "RUN_DIR",
            description =
                    "Take the architecture and class count from a trained model (a run or model"
                            + " folder) instead of --arch and --classes.")
    Path model;

    @Override
    public Integer call() throws IOException {
        int[] chw = parseShape(input);
        Architecture a = UsageException.fromFlags(() -> Architecture.byName(arch));
        int k = classes;
        if (model != null) {
            ModelInfo info = ModelPaths.readInfo(model);
            a = info.arch();
            k = info.classes().size();
        }
        NetworkCost cost = FlopCounter.count(a, chw[0], chw[1], chw[2], k);
        System.out.print(json ? Json.toJson(cost.toMap()) + "\n" : toTable(cost));
        return 0;
    }

    /**
     * Parses {@code CxHxW}.
     *
     * @param text the shape
     * @return channels, height, width
     */
    static int[] parseShape(String text) {
        String[] parts = text.toLowerCase(Locale.ROOT).split("x");
        if (parts.length != 3) {
            throw new UsageException("--input '" + text + "' is not CxHxW (e.g. 3x224x224)");
        }
        int[] out = new int[3];
        for (int i = 0; i < 3; i++) {
            try {
                out[i] = Integer.parseInt(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new UsageException("--input '" + text + "' is not CxHxW (e.g. 3x224x224)", e);
            }
            if (out[i] <= 0) {
                throw new UsageException("--input '" + text + "' must have positive sizes");
            }
        }
        return out;
    }

    static String toTable(NetworkCost cost) {
        TextTable t = new TextTable("layer", "kind", "output", "MACs", "params", "other FLOPs");
        for (LayerCost l : cost.layers()) {
            t.row(l.name(), l.kind(), l.outShape(), l.macs(), l.params(), l.otherFlops());
        }
        t.row("total", "", "", cost.macs(), cost.params(), cost.otherFlops());
        return String.format(
                Locale.ROOT,
                "%s on %dx%dx%d, %d classes%n%s%nMACs %,d   GFLOPs %.4f (= 2 x MACs, conv + fc)"
                        + "   params %,d   other (not in total) %.4f GFLOPs%n",
                cost.architecture(),
                cost.inChannels(),
                cost.inHeight(),
                cost.inWidth(),
                cost.classes(),
                t.toText(),
                cost.macs(),
                cost.gflops(),
                cost.params(),
                cost.otherFlops() / 1e9);
    }
}
