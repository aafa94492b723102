package org.lowmag.experiment;

import java.nio.file.Path;

/**
 * The fixed layout of an experiment folder: {@code experiment.json}, {@code runs/<run>/}, {@code
 * eval/<run>/} ({@code metrics.json}, {@code predictions.csv}), with {@code folds: K} the fold
 * views of the dataset ({@code folds/fold<k>/}), and the report files at the top.
 *
 * @param dir the experiment folder ({@code --out})
 */
public record ExperimentLayout(Path dir) {

    /** The resolved configuration and provenance. */
    public static final String CONFIG_FILE = "experiment.json";

    /** The evaluation output whose presence marks an evaluation done. */
    public static final String METRICS_FILE = "metrics.json";

    /**
     * @param run a run name
     * @return its run folder
     */
    public Path runDir(String run) {
        return dir.resolve("runs").resolve(run);
    }

    /**
     * @param run a run name
     * @return its evaluation folder
     */
    public Path evalDir(String run) {
        return dir.resolve("eval").resolve(run);
    }

    /**
     * @param run a run name
     * @return its {@code metrics.json}
     */
    public Path metrics(String run) {
        return evalDir(run).resolve(METRICS_FILE);
    }

    /**
     * @return the folder of the fold views of the dataset ({@code folds/})
     */
    public Path foldsDir() {
        return dir.resolve("folds");
    }

    /**
     * @param fold a fold {@code k}
     * @return its view of the dataset ({@code folds/fold<k>}: {@code manifest.csv}, {@code
     *     dataset.json})
     */
    public Path foldDataset(int fold) {
        return foldsDir().resolve("fold" + fold);
    }

    /**
     * @param name a file name
     * @return the file at the experiment's top level
     */
    public Path file(String name) {
        return dir.resolve(name);
    }
}
