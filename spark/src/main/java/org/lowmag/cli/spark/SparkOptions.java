package org.lowmag.cli.spark;

import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Option;

/** {@code --master}, the flag of every {@code lowmag-spark} command (a picocli mixin). */
final class SparkOptions {

    /** The master when neither {@code --master} nor {@code spark-submit} names one. */
    static final String EMBEDDED = "local[*]";

    @Option(
            names = "--master",
            paramLabel = "URL",
            description =
                    "Spark master: local[N] (embedded, N task slots), spark://HOST:7077 (a"
                            + " standalone cluster), yarn, k8s://...; default: spark-submit's"
                            + " master, else "
                            + EMBEDDED
                            + ".")
    String master;

    /**
     * @param app the application's name
     * @return a Spark session on the chosen master
     */
    SparkSession session(String app) {
        SparkSession.Builder b = SparkSession.builder().appName(app);
        if (master != null) {
            b.master(master);
        } else if (System.getProperty("spark.master") == null) {
            b.master(EMBEDDED);
        }
        return b.getOrCreate();
    }
}
