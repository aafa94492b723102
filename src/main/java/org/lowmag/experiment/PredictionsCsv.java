package org.lowmag.experiment;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.lowmag.dataset.Csv;
import org.lowmag.eval.RunPredictions;
import org.lowmag.util.LowMagException;

/**
 * Reads a run's {@code eval/<run>/predictions.csv} ({@code tissue,truth,predicted,p_<class>...}, as
 * {@code lowmag evaluate} writes it) back into {@link RunPredictions} for the paired comparisons.
 */
final class PredictionsCsv {

    private PredictionsCsv() {}

    /**
     * @param file the {@code predictions.csv}
     * @param run the run's name
     * @param classes the dataset's classes, in index order
     * @return the run's predictions
     * @throws IOException when the file cannot be read
     * @throws LowMagException naming the file when it is missing, lacks a column or names an
     *     unknown class
     */
    static RunPredictions read(Path file, String run, List<String> classes) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new LowMagException(
                    file
                            + " is missing, so run "
                            + run
                            + " cannot be compared: delete its metrics.json to have it evaluated"
                            + " again");
        }
        List<List<String>> rows;
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            rows = Csv.parse(in);
        }
        if (rows.isEmpty()) {
            throw new LowMagException(file + " is empty");
        }
        List<String> header = rows.get(0);
        int tissue = column(header, "tissue", file);
        int truth = column(header, "truth", file);
        int predicted = column(header, "predicted", file);
        List<String> ids = new ArrayList<>();
        int[] t = new int[rows.size() - 1];
        int[] p = new int[rows.size() - 1];
        for (int i = 1; i < rows.size(); i++) {
            List<String> row = rows.get(i);
            ids.add(row.get(tissue));
            t[i - 1] = classIndex(row.get(truth), classes, file);
            p[i - 1] = classIndex(row.get(predicted), classes, file);
        }
        return new RunPredictions(run, ids, t, p);
    }

    private static int column(List<String> header, String name, Path file) {
        int i = header.indexOf(name);
        if (i < 0) {
            throw new LowMagException(file + " has no '" + name + "' column");
        }
        return i;
    }

    private static int classIndex(String name, List<String> classes, Path file) {
        int i = classes.indexOf(name);
        if (i < 0) {
            throw new LowMagException(
                    file + " names class '" + name + "', which the dataset has not: " + classes);
        }
        return i;
    }
}
