package org.lowmag.cli.spark;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code lowmag-spark}: LowMag's slide-level jobs on Apache Spark. Embedded ({@code local[*]}) by
 * default; {@code --master spark://HOST:7077} (or {@code spark-submit}'s master) runs them on a
 * cluster.
 */
@Command(
        name = "lowmag-spark",
        mixinStandardHelpOptions = true,
        subcommands = {
            SparkPredictCommand.class,
            SparkEvaluateCommand.class,
            SparkPrepareCommand.class
        },
        description = "LowMag's slide-level jobs on Apache Spark, one task per slide.")
public final class LowMagSpark implements Runnable {

    /**
     * @param args the command line
     */
    public static void main(String[] args) {
        System.exit(new CommandLine(new LowMagSpark()).execute(args));
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
