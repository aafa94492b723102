package org.lowmag.experiment;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.lowmag.dataset.Dataset;
import org.lowmag.dataset.TissueRecord;
import org.lowmag.eval.BootstrapConfig;
import org.lowmag.synthetic.SyntheticDatasetWriter;
import org.lowmag.util.LowMagException;

/**
 * The experiment's datasets, opened and checked before any run starts: every magnification is
 * there, every split named by {@code kd_splits} or an auxiliary set has tissues, and the test split
 * has labelled tissues, each with a group when the bootstrap resamples groups. Also counts the
 * tissues each run trains on (for the time estimate) and describes the data for the report.
 */
final class ExperimentData {

    /** The prefix of a slides folder among {@code dataset.json}'s sources. */
    private static final String SLIDES_SOURCE = "slides:";

    private final Dataset dataset;
    private final Map<Path, Dataset> others;

    private ExperimentData(Dataset dataset, Map<Path, Dataset> others) {
        this.dataset = dataset;
        this.others = others;
    }

    /**
     * Opens and checks the datasets.
     *
     * @param c the configuration
     * @return the data
     * @throws LowMagException naming the configuration key and the problem
     */
    static ExperimentData open(ExperimentConfig c) {
        Dataset ds = openKey("dataset", c.dataset());
        Set<Double> mags = new LinkedHashSet<>(List.of(c.teacherMag()));
        mags.addAll(c.studentMags());
        mags.addAll(c.ablation().mags());
        mags.forEach(m -> requireMag("dataset", ds, m));
        for (String s : c.kdSplits()) {
            requireSplit("kd_splits", ds, s);
        }
        if (testTissues(ds).isEmpty()) {
            throw new LowMagException(
                    "dataset: "
                            + c.dataset()
                            + " has no labelled tissues in its test split, so nothing can be"
                            + " evaluated");
        }
        if (c.bootstrapUnit() == BootstrapConfig.Unit.GROUP) {
            requireGroups(c, ds);
        }
        Map<Path, Dataset> others = new LinkedHashMap<>();
        for (AuxSet a : c.auxiliary()) {
            String key = "auxiliary." + a.name();
            a.splits().forEach(s -> requireSplit(key + ".splits", ds, s));
            for (Path p : a.datasets()) {
                Dataset o = openKey(key + ".datasets", p);
                mags.forEach(m -> requireMag(key + ".datasets", o, m));
                others.put(p, o);
            }
        }
        return new ExperimentData(ds, others);
    }

    /** The group bootstrap needs the group of every evaluated (labelled test) tissue. */
    private static void requireGroups(ExperimentConfig c, Dataset ds) {
        for (TissueRecord t : testTissues(ds)) {
            if (t.group() == null || t.group().isBlank()) {
                throw new LowMagException(
                        "bootstrap_unit: group resamples the test split by group, but tissue "
                                + t.id()
                                + " of dataset "
                                + c.dataset()
                                + " has no group: use bootstrap_unit: tissue");
            }
        }
    }

    private static List<TissueRecord> testTissues(Dataset ds) {
        return ds.split(RunLauncher.TEST_SPLIT).stream().filter(TissueRecord::labelled).toList();
    }

    private static Dataset openKey(String key, Path dir) {
        try {
            return Dataset.open(dir);
        } catch (LowMagException e) {
            throw new LowMagException(key + ": " + e.getMessage(), e);
        }
    }

    private static void requireMag(String key, Dataset ds, double mag) {
        try {
            ds.requireMagnification(mag);
        } catch (LowMagException e) {
            throw new LowMagException(key + ": " + e.getMessage(), e);
        }
    }

    private static void requireSplit(String key, Dataset ds, String split) {
        if (ds.split(split).isEmpty()) {
            Set<String> have = new LinkedHashSet<>();
            ds.tissues().forEach(t -> have.add(t.split()));
            throw new LowMagException(
                    key
                            + ": split '"
                            + split
                            + "' has no tissues in "
                            + ds.dir()
                            + " (its splits: "
                            + String.join(", ", have)
                            + ")");
        }
    }

    /**
     * @return the main dataset
     */
    Dataset dataset() {
        return dataset;
    }

    /**
     * @return the other (auxiliary) datasets by configured path
     */
    Map<Path, Dataset> others() {
        return others;
    }

    /**
     * @param r a run
     * @return the tissues it trains on per epoch: the train split, or for distillation its splits
     *     and every tissue of its other (auxiliary) datasets
     */
    List<TissueRecord> trainingSet(RunSpec r) {
        if (r.kind() != RunKind.DISTILL) {
            return dataset.split("train");
        }
        List<TissueRecord> out = new ArrayList<>(dataset.split(r.splits().toArray(String[]::new)));
        for (Path p : r.unlabeled()) {
            out.addAll(others.get(p).tissues());
        }
        return out;
    }

    /**
     * @param r a run
     * @return the number of tissues it trains on per epoch
     */
    int trainingTissues(RunSpec r) {
        return trainingSet(r).size();
    }

    /**
     * @param tissues some tissues
     * @param mag a magnification
     * @return the mean of {@code widthPx * heightPx} over those that have an image at {@code mag}
     *     (0 when none has)
     */
    static double meanPixels(List<TissueRecord> tissues, double mag) {
        return tissues.stream()
                .flatMap(t -> t.image(mag).stream())
                .mapToDouble(i -> (double) i.widthPx() * i.heightPx())
                .average()
                .orElse(0);
    }

    /**
     * @return the number of distinct groups among the evaluated (labelled test) tissues
     */
    int testGroups() {
        return (int) testTissues(dataset).stream().map(TissueRecord::group).distinct().count();
    }

    /**
     * @return the group of each evaluated (labelled test) tissue, by tissue id
     */
    Map<String, String> testGroupOf() {
        Map<String, String> m = new LinkedHashMap<>();
        testTissues(dataset).forEach(t -> m.put(t.id(), t.group()));
        return m;
    }

    /**
     * What shows that the main dataset is synthetic: a {@code dataset.json} source that says so
     * ({@code synthetic:DIR/synthetic.json}, which {@code lowmag prepare} records for slides made
     * by {@code lowmag synthesize}, or any source mentioning "synthetic"), or, for a dataset
     * prepared before that source was recorded, a {@code slides:DIR} source whose folder holds the
     * {@code synthetic.json} of {@code lowmag synthesize}.
     *
     * @return the source, e.g. {@code synthetic:/x/data/synthetic.json}; empty when nothing says
     *     the data are synthetic
     * @throws IOException when a {@code synthetic.json} cannot be read
     */
    Optional<String> syntheticSource() throws IOException {
        for (String s : dataset.info().sources()) {
            if (s.toLowerCase(Locale.ROOT).contains("synthetic")) {
                return Optional.of(s);
            }
        }
        for (String s : dataset.info().sources()) {
            if (s.startsWith(SLIDES_SOURCE)) {
                Optional<Path> d =
                        SyntheticDatasetWriter.descriptionOf(
                                Path.of(s.substring(SLIDES_SOURCE.length())));
                if (d.isPresent()) {
                    return Optional.of("synthetic:" + d.get());
                }
            }
        }
        return Optional.empty();
    }

    /**
     * @return tissue counts: split name to (class or "(unlabelled)") to count, in manifest order
     */
    Map<String, Map<String, Integer>> counts() {
        Map<String, Map<String, Integer>> out = new LinkedHashMap<>();
        for (TissueRecord t : dataset.tissues()) {
            String k = t.labelled() ? t.label() : "(unlabelled)";
            out.computeIfAbsent(t.split(), s -> new LinkedHashMap<>()).merge(k, 1, Integer::sum);
        }
        return out;
    }

    /**
     * @return the column keys of {@link #counts()}: the classes, then "(unlabelled)" if any
     */
    List<String> countColumns() {
        List<String> cols = new ArrayList<>(dataset.info().classes());
        if (dataset.tissues().stream().anyMatch(t -> !t.labelled())) {
            cols.add("(unlabelled)");
        }
        return cols;
    }
}
