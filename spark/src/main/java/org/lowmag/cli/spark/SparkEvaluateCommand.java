package org.lowmag.cli.spark;

import picocli.CommandLine.Command;

/**
 * {@code lowmag-spark evaluate}: {@code lowmag-spark predict} over slides whose labels are known
 * ({@code --labels} or a {@code --slide-list} with a label column, required), ending with the
 * slide-level metrics and their bootstrap CIs ({@code OUT/slide_metrics.json}, {@link
 * org.lowmag.infer.SlideMetrics}), exactly as {@code lowmag predict --labels} writes them.
 */
@Command(
        name = "evaluate",
        mixinStandardHelpOptions = true,
        description = {
            "Evaluate a model over a labelled slide list on Spark: predict every slide as"
                    + " 'lowmag-spark predict' does, then write OUT/slide_metrics.json (exact"
                    + " accuracy, the paper's macro one-vs-rest accuracy, precision, recall, F1,"
                    + " per class and confusion matrix, each with a 95%% bootstrap CI resampling"
                    + " slides) and print its summary. Needs --labels CSV or a --slide-list with a"
                    + " label column.",
        })
final class SparkEvaluateCommand extends SparkPredictCommand {

    @Override
    boolean needsTruth() {
        return true;
    }
}
