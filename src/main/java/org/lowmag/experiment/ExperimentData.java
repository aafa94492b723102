package org.lowmag.experiment;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.lowmag.dataset.Dataset;
import org.lowmag.dataset.GroupFolds;
import org.lowmag.dataset.TissueRecord;
import org.lowmag.eval.BootstrapConfig;
import org.lowmag.synthetic.SyntheticDatasetWriter;
import org.lowmag.util.LowMagException;

/**
 * The experiment's datasets, opened and checked before any run starts: every magnification is
 * there, every split named by {@code kd_splits} or an auxiliary set has tissues, and the test split
 * has labelled tissues, each with a group when the bootstrap resamples groups. Also counts the
 * tissues each run trains on (for the time estimate) and describes the data for the report.
 *
 * <p>With {@code folds: K} it also assigns the labelled groups of the train, val and test splits to
 * folds ({@link GroupFolds}, seeded with the first seed): the evaluated tissues are then all of
 * those (each tested by one fold), and a fold run trains on its fold's view of the dataset.
 */
final class ExperimentData {

    /** The prefix of a slides folder among {@code dataset.json}'s sources. */
    private static final String SLIDES_SOURCE = "slides:";

    private final Dataset dataset;
    private final Map<Path, Dataset> others;
    private final GroupFolds folds;
    private final Map<Integer, Dataset> views = new HashMap<>();

    private ExperimentData(Dataset dataset, Map<Path, Dataset> others, GroupFolds folds) {
        this.dataset = dataset;
        this.others = others;
        this.folds = folds;
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
        GroupFolds folds = c.hasFolds() ? folds(c, ds) : null;
        if (evaluatedTissues(ds, folds).isEmpty()) {
            throw new LowMagException(
                    "dataset: "
                            + c.dataset()
                            + " has no labelled tissues in its test split, so nothing can be"
                            + " evaluated");
        }
        if (c.bootstrapUnit() == BootstrapConfig.Unit.GROUP) {
            requireGroups(c, ds, folds);
        }
        Map<Path, Dataset> others = new LinkedHashMap<>();
        for (AuxSet a : c.auxiliary()) {
            String key = "auxiliary." + a.name();
            a.splits().forEach(s -> requireSplit(key + ".splits", ds, s));
            for (Path p : a.datasets()) {
                if (folds != null && sameFolder(p, c.dataset())) {
                    throw new LowMagException(
                            key
                                    + ".datasets: "
                                    + p
                                    + " is the main dataset; with folds its labelled tissues are"
                                    + " each fold's test tissues, so they cannot also be distilled"
                                    + " on: use its unlabeled split (splits: [unlabeled]) instead");
                }
                Dataset o = openKey(key + ".datasets", p);
                mags.forEach(m -> requireMag(key + ".datasets", o, m));
                others.put(p, o);
            }
        }
        return new ExperimentData(ds, others, folds);
    }

    /**
     * Assigns the folds, naming the {@code folds} key when the dataset has too few groups.
     *
     * @throws LowMagException when a class has too few labelled groups for {@code K} folds
     */
    private static GroupFolds folds(ExperimentConfig c, Dataset ds) {
        try {
            return GroupFolds.assign(
                    GroupFolds.groupLabels(ds.tissues()), c.folds(), c.firstSeed());
        } catch (IllegalArgumentException e) {
            throw new LowMagException(
                    "folds: " + e.getMessage() + " (dataset " + c.dataset() + ")", e);
        }
    }

    private static boolean sameFolder(Path a, Path b) {
        return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
    }

    /** The group bootstrap needs the group of every evaluated tissue. */
    private static void requireGroups(ExperimentConfig c, Dataset ds, GroupFolds folds) {
        for (TissueRecord t : evaluatedTissues(ds, folds)) {
            if (t.group() == null || t.group().isBlank()) {
                throw new LowMagException(
                        "bootstrap_unit: group resamples the "
                                + (folds == null ? "test split" : "folds' test tissues")
                                + " by group, but tissue "
                                + t.id()
                                + " of dataset "
                                + c.dataset()
                                + " has no group: use bootstrap_unit: tissue");
            }
        }
    }

    /**
     * The evaluated tissues: the labelled tissues of the test split, or with folds every folded
     * tissue ({@link GroupFolds#folded}), each in one fold's test split.
     */
    private static List<TissueRecord> evaluatedTissues(Dataset ds, GroupFolds folds) {
        if (folds != null) {
            return ds.tissues().stream().filter(GroupFolds::folded).toList();
        }
        return ds.split(RunLauncher.TEST_SPLIT).stream().filter(TissueRecord::labelled).toList();
    }

    /**
     * @return the evaluated tissues (the labelled test split, or with folds every folded tissue)
     */
    List<TissueRecord> evaluatedTissues() {
        return evaluatedTissues(dataset, folds);
    }

    /**
     * @return the fold assignment, or empty without folds
     */
    Optional<GroupFolds> folds() {
        return Optional.ofNullable(folds);
    }

    /**
     * @param fold a fold {@code k}
     * @return fold {@code k}'s view of the main dataset ({@link GroupFolds#view}), in the main
     *     dataset's folder (its image paths are absolute)
     */
    synchronized Dataset foldView(int fold) {
        if (folds == null) {
            throw new IllegalStateException("the experiment has no folds");
        }
        return views.computeIfAbsent(
                fold,
                k ->
                        new Dataset(
                                dataset.dir(),
                                dataset.info(),
                                folds.view(dataset.tissues(), dataset.dir(), k)));
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
        Dataset ds = r.hasFold() ? foldView(r.fold()) : dataset;
        if (r.kind() != RunKind.DISTILL) {
            return ds.split("train");
        }
        List<TissueRecord> out = new ArrayList<>(ds.split(r.splits().toArray(String[]::new)));
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
     * @return the number of distinct groups among the evaluated tissues (the labelled test split,
     *     or with folds all folds' test tissues)
     */
    int testGroups() {
        return (int) evaluatedTissues().stream().map(TissueRecord::group).distinct().count();
    }

    /**
     * @return the group of each evaluated tissue (the labelled test split, or with folds all folds'
     *     test tissues), by tissue id
     */
    Map<String, String> testGroupOf() {
        Map<String, String> m = new LinkedHashMap<>();
        evaluatedTissues().forEach(t -> m.put(t.id(), t.group()));
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
