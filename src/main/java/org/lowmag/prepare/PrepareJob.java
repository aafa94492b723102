package org.lowmag.prepare;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.lowmag.dataset.Dataset;
import org.lowmag.dataset.DatasetInfo;
import org.lowmag.dataset.ManifestCsv;
import org.lowmag.dataset.SplitAssigner;
import org.lowmag.dataset.TissueRecord;
import org.lowmag.slide.Magnification;
import org.lowmag.util.Json;
import org.lowmag.util.LowMagException;
import org.lowmag.util.Progress;
import org.lowmag.util.Provenance;

/**
 * Builds a dataset: assigns groups to splits, cuts every item's tissues at every magnification in
 * parallel (one item per worker of the common fork-join pool), and writes {@code manifest.csv} and
 * {@code dataset.json} last (atomically), so an interrupted run leaves no manifest and re-running
 * resumes from the images already written, when its settings are the same ({@link PrepareSettings}:
 * else it is refused with what differs). A failing item is reported and skipped; the rest go on.
 */
public final class PrepareJob {

    /** Cuts the tissues of one item. */
    @FunctionalInterface
    public interface ItemCutter {
        /**
         * @param item the item
         * @return its tissues (without split; the job sets it) and its source magnification
         * @throws IOException when reading or writing fails
         */
        Cut cut(PrepareItem item) throws IOException;
    }

    /**
     * What one item gave.
     *
     * @param tissues its tissues
     * @param sourceMagnification the magnification of its original pixels
     */
    public record Cut(List<TissueRecord> tissues, double sourceMagnification) {
        /** Copies. */
        public Cut {
            tissues = List.copyOf(tissues);
        }
    }

    /**
     * What cutting one item gave, as {@link #cutOne} reports it ({@code lowmag-spark} returns it
     * from a task to the driver, hence serializable).
     *
     * @param tissues its tissues (without split), empty when it failed
     * @param sourceMagnification the magnification of its original pixels (NaN when it failed)
     * @param failure why it failed, or null
     */
    public record ItemOutcome(
            List<TissueRecord> tissues, double sourceMagnification, String failure)
            implements Serializable {

        private static final long serialVersionUID = 1L;

        /** Copies. */
        public ItemOutcome {
            tissues = List.copyOf(tissues);
        }

        /**
         * @param why the reason
         * @return a failed item's outcome
         */
        public static ItemOutcome failed(String why) {
            return new ItemOutcome(List.of(), Double.NaN, why);
        }

        /**
         * @return whether the item failed
         */
        public boolean failed() {
            return failure != null;
        }
    }

    /** Cuts every item of the job. */
    @FunctionalInterface
    public interface CutAll {
        /**
         * @param items the items
         * @return one outcome per item, in their order
         * @throws IOException when the cutting fails as a whole
         */
        List<ItemOutcome> cut(List<PrepareItem> items) throws IOException;
    }

    /**
     * The outcome.
     *
     * @param tissues tissues written
     * @param failures item id to error message
     * @param sourceMagnifications source file to its magnification, for the items that succeeded
     * @param gaps classes that miss a split ({@link SplitAssigner#gaps}): too few groups
     * @param slides what was read from each slide ({@link PrepareInput.Slides}; empty for images)
     */
    public record Result(
            int tissues,
            Map<String, String> failures,
            Map<String, Double> sourceMagnifications,
            List<String> gaps,
            List<SlideReport> slides) {

        /** Copies. */
        public Result {
            slides = List.copyOf(slides);
        }

        /**
         * @param reports the slide reports
         * @return this outcome with them
         */
        Result withSlides(List<SlideReport> reports) {
            return new Result(tissues, failures, sourceMagnifications, gaps, reports);
        }
    }

    private PrepareJob() {}

    /**
     * Prepares the dataset the settings describe, from their {@link PrepareConfig#input}.
     *
     * @param cfg the settings
     * @return the outcome
     * @throws IOException when the input cannot be listed or the manifest written
     */
    public static Result run(PrepareConfig cfg) throws IOException {
        return cfg.input().prepare(cfg);
    }

    /**
     * Runs the job on items already listed, with a given cutter.
     *
     * @param cfg the settings
     * @param items the inputs
     * @param cutter cuts one item into tissues
     * @param sources descriptions of the inputs for {@code dataset.json}
     * @param unit what an item is, for the progress bar ({@code images}, {@code slides})
     * @return the outcome
     * @throws IOException when the manifest cannot be written
     */
    static Result run(
            PrepareConfig cfg,
            List<PrepareItem> items,
            ItemCutter cutter,
            List<String> sources,
            String unit)
            throws IOException {
        return run(cfg, items, sources, list -> inParallel(list, cutter, unit));
    }

    /**
     * Runs the job on items already listed, cutting them all with {@code cutAll} (the parallel loop
     * of this JVM, or {@code lowmag-spark}'s one task per item): assigns the splits, checks and
     * records the settings ({@code prepare.json}), cuts, then writes {@code manifest.csv} and
     * {@code dataset.json}.
     *
     * @param cfg the settings
     * @param items the inputs
     * @param sources descriptions of the inputs for {@code dataset.json}
     * @param cutAll cuts every item, each through {@link #cutOne}
     * @return the outcome
     * @throws IOException when the manifest cannot be written or {@code cutAll} fails as a whole
     */
    public static Result run(
            PrepareConfig cfg, List<PrepareItem> items, List<String> sources, CutAll cutAll)
            throws IOException {
        Map<String, String> groupLabels = groupLabels(items);
        Map<String, String> splits =
                SplitAssigner.assign(
                        groupLabels, cfg.splitFractions(), cfg.unlabeledPercent(), cfg.seed());
        TreeSet<String> classes = new TreeSet<>();
        items.stream().map(PrepareItem::label).filter(l -> !l.isEmpty()).forEach(classes::add);
        if (classes.size() < 2) {
            throw new LowMagException(
                    "need labelled items of at least 2 classes, found " + classes);
        }
        Files.createDirectories(cfg.out());
        Map<String, Object> settings = new LinkedHashMap<>(cfg.toMap());
        settings.put("sources", sources);
        PrepareSettings.claim(cfg.out(), settings, cfg.force());
        List<ItemOutcome> outcomes = cutAll.cut(items);
        if (outcomes.size() != items.size()) {
            throw new IllegalStateException(
                    outcomes.size() + " outcomes for " + items.size() + " items");
        }
        List<TissueRecord> all = new ArrayList<>();
        Map<String, String> failures = new TreeMap<>();
        Map<String, Double> mags = new TreeMap<>();
        for (int i = 0; i < items.size(); i++) {
            PrepareItem it = items.get(i);
            ItemOutcome o = outcomes.get(i);
            if (o.failed()) {
                failures.put(it.id(), o.failure());
                continue;
            }
            if (o.tissues().isEmpty()) {
                failures.put(it.id(), "no tissue found in " + it.file());
            }
            all.addAll(withSplit(o.tissues(), splits));
            mags.put(it.file().toString(), o.sourceMagnification());
        }
        ManifestCsv.write(cfg.out().resolve(Dataset.MANIFEST_FILE), all, cfg.magnifications());
        Double common = common(mags);
        DatasetInfo info =
                new DatasetInfo(
                        DatasetInfo.FORMAT_VERSION,
                        List.copyOf(classes),
                        cfg.magnifications(),
                        common,
                        common == null ? mags : Map.of(),
                        cfg.seed(),
                        cfg.splitFractions(),
                        sources,
                        Provenance.current().toMap());
        Json.write(cfg.out().resolve(Dataset.INFO_FILE), info);
        PrepareSettings.finish(cfg.out(), settings);
        return new Result(
                all.size(),
                failures,
                mags,
                SplitAssigner.gaps(groupLabels, splits, cfg.splitFractions()),
                List.of());
    }

    /**
     * Cuts one item, turning the errors a bad input causes into its failure (the others are bugs
     * and propagate).
     *
     * @param cutter the cutter
     * @param it the item
     * @return its tissues (without split) and source magnification, or why it failed
     */
    public static ItemOutcome cutOne(ItemCutter cutter, PrepareItem it) {
        try {
            Cut cut = cutter.cut(it);
            return new ItemOutcome(cut.tissues(), cut.sourceMagnification(), null);
        } catch (IOException
                | UncheckedIOException
                | LowMagException
                | IllegalArgumentException
                | IllegalStateException e) {
            return ItemOutcome.failed(describe(e));
        }
    }

    /** Cuts the items in parallel, one per worker of the common fork-join pool. */
    private static List<ItemOutcome> inParallel(
            List<PrepareItem> items, ItemCutter cutter, String unit) {
        ItemOutcome[] out = new ItemOutcome[items.size()];
        try (Progress bar = new Progress("prepare", items.size(), unit)) {
            IntStream.range(0, items.size())
                    .parallel()
                    .forEach(
                            i -> {
                                out[i] = cutOne(cutter, items.get(i));
                                bar.step();
                            });
        }
        return Arrays.asList(out);
    }

    private static List<TissueRecord> withSplit(
            List<TissueRecord> tissues, Map<String, String> splits) {
        return tissues.stream()
                .map(
                        t -> {
                            String split = splits.get(t.group());
                            String label = split.equals("unlabeled") ? "" : t.label();
                            return new TissueRecord(
                                    t.id(), t.source(), t.group(), label, split, t.images());
                        })
                .toList();
    }

    /** The magnification all sources share (within 1e-6), or null when they differ or none. */
    static Double common(Map<String, Double> mags) {
        Double first = null;
        for (double m : mags.values()) {
            if (first == null) {
                first = m;
            } else if (!Magnification.same(first, m)) {
                return null;
            }
        }
        return first;
    }

    private static String describe(Exception e) {
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "file not found: " + e.getMessage();
        }
        String msg = e.getMessage();
        return msg == null || msg.isBlank() ? e.getClass().getSimpleName() : msg;
    }

    private static Map<String, String> groupLabels(List<PrepareItem> items) {
        Map<String, String> m = new TreeMap<>();
        for (PrepareItem it : items) {
            String prev = m.putIfAbsent(it.group(), it.label());
            if (prev != null && !prev.equals(it.label())) {
                throw new LowMagException(
                        "group '"
                                + it.group()
                                + "' has two labels ('"
                                + prev
                                + "' and '"
                                + it.label()
                                + "'): a patient or group needs one label");
            }
        }
        return m;
    }
}
