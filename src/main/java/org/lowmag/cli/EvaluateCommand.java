package org.lowmag.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.lowmag.infer.EvaluateJob;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code lowmag evaluate}: metrics with bootstrap CIs and cost. */
@Command(
        name = "evaluate",
        mixinStandardHelpOptions = true,
        description = {
            "Predict every tissue of a split at the model's magnification; write"
                    + " OUT/predictions.csv and OUT/metrics.json: accuracy (macro one-vs-rest, as"
                    + " the paper), exact accuracy, F1, precision, recall (one-vs-rest,"
                    + " macro-averaged) with percentile bootstrap CIs, the confusion matrix,"
                    + " GFLOPs per forward pass and measured seconds per tissue (the median of"
                    + " 5 timed passes after the untimed prediction pass, over at most 256"
                    + " evenly spaced tissues of the split).",
            "The CIs resample the test tissues (--bootstrap-unit tissue) or whole groups of"
                    + " them (--bootstrap-unit group, the manifest's group column)."
        })
final class EvaluateCommand implements Callable<Integer> {

    @Option(names = "--model", required = true, description = "Run or model folder.")
    Path model;

    @Option(names = "--data", required = true, description = "Dataset folder.")
    Path data;

    @Option(
            names = "--split",
            defaultValue = "test",
            description =
                    "Split: test, val, train, or all (every labelled tissue) (default: ${DEFAULT-VALUE}).")
    String split;

    @Option(names = "--out", required = true, description = "Output folder.")
    Path out;

    @Mixin BootstrapOptions bootstrap;

    @Option(
            names = "--max-batch-pixels",
            defaultValue = "1048576",
            description = "Most pixels per forward pass (default: ${DEFAULT-VALUE}).")
    long maxBatchPixels;

    @Mixin DeviceOption device;

    @Override
    public Integer call() throws Exception {
        device.apply();
        EvaluateJob.Config c =
                UsageException.fromFlags(
                        () ->
                                new EvaluateJob.Config(
                                        model,
                                        data,
                                        split,
                                        out,
                                        bootstrap.toConfig(),
                                        maxBatchPixels));
        Map<String, Object> m = EvaluateJob.run(c);
        System.out.printf(
                Locale.ROOT,
                "%s on %s/%s (%s tissues): %s%n",
                model,
                data,
                split,
                m.get("tissues"),
                summary(m));
        if (m.get("classes_without_tissues") instanceof List<?> absent && !absent.isEmpty()) {
            System.out.printf(
                    Locale.ROOT,
                    "note: the %s split has no tissue of class %s: its F1, precision and recall"
                            + " are 0 and count in the macro averages%n",
                    split,
                    absent.stream().map(String::valueOf).collect(Collectors.joining(", ")));
        }
        return 0;
    }

    @SuppressWarnings("unchecked")
    private static String summary(Map<String, Object> m) {
        StringBuilder sb = new StringBuilder();
        for (String k : new String[] {"exact_accuracy", "accuracy", "f1", "precision", "recall"}) {
            Object v = m.get(k);
            if (v instanceof Map<?, ?> e) {
                Map<String, Object> est = (Map<String, Object>) e;
                sb.append(
                        String.format(
                                Locale.ROOT,
                                "%s %.2f%% (%.2f-%.2f)  ",
                                k,
                                100 * ((Number) est.get("value")).doubleValue(),
                                100 * ((Number) est.get("ci_low")).doubleValue(),
                                100 * ((Number) est.get("ci_high")).doubleValue()));
            }
        }
        sb.append(
                String.format(
                        Locale.ROOT,
                        "GFLOPs %.4f  s/tissue %.4f",
                        ((Number) m.get("gflops_mean")).doubleValue(),
                        ((Number) m.get("seconds_per_tissue")).doubleValue()));
        return sb.toString();
    }
}
