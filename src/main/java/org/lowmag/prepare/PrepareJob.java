package org.lowmag.prepare;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
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
        List<List<TissueRecord>> perItem =
                Collections.synchronizedList(
                        new ArrayList<>(Collections.nCopies(items.size(), List.of())));
        Map<String, String> failures = new ConcurrentHashMap<>();
        Map<String, Double> mags = new ConcurrentHashMap<>();
        try (Progress bar = new Progress("prepare", items.size(), unit)) {
            IntStream.range(0, items.size())
                    .parallel()
                    .forEach(
                            i -> {
                                PrepareItem it = items.get(i);
                                try {
                                    Cut cut = cutter.cut(it);
                                    if (cut.tissues().isEmpty()) {
                                        failures.put(it.id(), "no tissue found in " + it.file());
                                    }
                                    perItem.set(i, withSplit(cut.tissues(), splits));
                                    mags.put(it.file().toString(), cut.sourceMagnification());
                                } catch (IOException
                                        | UncheckedIOException
                                        | LowMagException
                                        | IllegalArgumentException
                                        | IllegalStateException e) {
                                    failures.put(it.id(), describe(e));
                                }
                                bar.step();
                            });
        }
        List<TissueRecord> all = perItem.stream().flatMap(List::stream).toList();
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
                new TreeMap<>(failures),
                new TreeMap<>(mags),
                SplitAssigner.gaps(groupLabels, splits, cfg.splitFractions()),
                List.of());
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
