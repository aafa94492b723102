package org.lowmag.spark;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.lowmag.dataset.Csv;
import org.lowmag.infer.SlideOutcome;
import org.lowmag.util.AtomicFiles;

/**
 * The distributed predict's results table, one row per slide of the run: {@code slide, label,
 * p_CLASS..., tissues, seconds, status, error, model}, written as {@code OUT/results.parquet}
 * (Spark's committer: a folder that appears whole) and {@code OUT/results.csv} (one file, written
 * atomically). Status is {@code ok}, {@code skipped} (done before by the same model and settings)
 * or {@code failed} with the reason in {@code error}; a failed slide's numbers are null.
 */
public final class ResultsTable {

    /** The Parquet folder's name. */
    public static final String PARQUET = "results.parquet";

    /** The CSV file's name. */
    public static final String CSV = "results.csv";

    private ResultsTable() {}

    /**
     * @param classes the model's classes
     * @return the table's columns
     */
    static StructType schema(List<String> classes) {
        List<StructField> f = new ArrayList<>();
        f.add(DataTypes.createStructField("slide", DataTypes.StringType, false));
        f.add(DataTypes.createStructField("label", DataTypes.StringType, true));
        for (String k : classes) {
            f.add(DataTypes.createStructField("p_" + k, DataTypes.DoubleType, true));
        }
        f.add(DataTypes.createStructField("tissues", DataTypes.IntegerType, true));
        f.add(DataTypes.createStructField("seconds", DataTypes.DoubleType, true));
        f.add(DataTypes.createStructField("status", DataTypes.StringType, false));
        f.add(DataTypes.createStructField("error", DataTypes.StringType, true));
        f.add(DataTypes.createStructField("model", DataTypes.StringType, false));
        return DataTypes.createStructType(f);
    }

    /**
     * @param o a slide's outcome
     * @param classes the model's classes
     * @return its row: {@link #schema}'s values (nulls for a failed slide's numbers)
     */
    static Object[] values(SlideOutcome o, List<String> classes) {
        boolean failed = o.status() == SlideOutcome.Status.FAILED;
        List<Object> v = new ArrayList<>();
        v.add(o.slide().toString());
        v.add(failed ? null : o.label());
        for (int k = 0; k < classes.size(); k++) {
            v.add(failed ? null : o.probabilities()[k]);
        }
        v.add(failed ? null : o.tissues());
        v.add(failed ? null : o.seconds());
        v.add(o.status().name().toLowerCase(Locale.ROOT));
        v.add(failed ? o.message() : null);
        v.add(o.model());
        return v.toArray();
    }

    /**
     * Writes both files.
     *
     * @param spark the session (writes the Parquet)
     * @param out the output folder
     * @param classes the model's classes
     * @param outcomes the run's slides, in order
     * @throws IOException when the CSV cannot be written
     */
    static void write(
            SparkSession spark, Path out, List<String> classes, List<SlideOutcome> outcomes)
            throws IOException {
        List<Row> rows = new ArrayList<>();
        StringBuilder csv = new StringBuilder();
        List<String> header = new ArrayList<>();
        for (StructField f : schema(classes).fields()) {
            header.add(f.name());
        }
        csv.append(Csv.line(header));
        for (SlideOutcome o : outcomes) {
            Object[] v = values(o, classes);
            rows.add(RowFactory.create(v));
            List<String> cells = new ArrayList<>();
            for (Object x : v) {
                cells.add(x == null ? "" : x.toString());
            }
            csv.append(Csv.line(cells));
        }
        Dataset<Row> df = spark.createDataFrame(rows, schema(classes));
        df.coalesce(1).write().mode(SaveMode.Overwrite).parquet(out.resolve(PARQUET).toString());
        AtomicFiles.writeString(out.resolve(CSV), csv.toString());
    }
}
