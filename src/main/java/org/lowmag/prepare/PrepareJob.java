package org.lowmag.prepare;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Collections;
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
import org.lowmag.util.Json;
import org.lowmag.util.LowMagException;
import org.lowmag.util.Progress;
import org.lowmag.util.Provenance;

/**
 * Builds a dataset: assigns groups to splits, cuts every item's tissues at every magnification in
 * parallel, and writes {@code manifest.csv} and {@code dataset.json} last (atomically), so an
 * interrupted run leaves no manifest and re-running resumes from the images already written. A
 * failing item is reported and skipped; the rest go on.
 */
public final class PrepareJob {

    /** Cuts the tissues of one item. */
    @FunctionalInterface
    public interface ItemCutter {
        /**
         * @param item the item
         * @return its tissues (without split; the job sets it)
         * @throws IOException when reading or writing fails
         */
        List<TissueRecord> cut(PrepareItem item) throws IOException;
    }

    /**
     * The outcome.
     *
     * @param tissues tissues written
     * @param failures item id to error message
     */
    public record Result(int tissues, Map<String, String> failures) {}

    private PrepareJob() {}

    /**
     * Runs the job.
     *
     * @param cfg the settings
     * @param items the inputs
     * @param cutter cuts one item into tissues
     * @param sourceMag the source magnification when all items share one (else null)
     * @param sources descriptions of the inputs for {@code dataset.json}
     * @return the outcome
     * @throws IOException when the manifest cannot be written
     */
    public static Result run(
            PrepareConfig cfg,
            List<PrepareItem> items,
            ItemCutter cutter,
            Double sourceMag,
            List<String> sources)
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
        List<List<TissueRecord>> perItem =
                new ArrayList<>(Collections.nCopies(items.size(), List.of()));
        Map<String, String> failures = new ConcurrentHashMap<>();
        try (Progress bar = new Progress("prepare", items.size(), "items")) {
            IntStream.range(0, items.size())
                    .parallel()
                    .forEach(
                            i -> {
                                PrepareItem it = items.get(i);
                                try {
                                    String split = splits.get(it.group());
                                    List<TissueRecord> ts =
                                            cutter.cut(it).stream()
                                                    .map(
                                                            t ->
                                                                    new TissueRecord(
                                                                            t.id(),
                                                                            t.source(),
                                                                            t.group(),
                                                                            split.equals(
                                                                                            "unlabeled")
                                                                                    ? ""
                                                                                    : t.label(),
                                                                            split,
                                                                            t.images()))
                                                    .toList();
                                    if (ts.isEmpty()) {
                                        failures.put(it.id(), "no tissue found");
                                    }
                                    synchronized (perItem) {
                                        perItem.set(i, ts);
                                    }
                                } catch (IOException | UncheckedIOException | LowMagException e) {
                                    failures.put(it.id(), e.getMessage());
                                }
                                bar.step();
                            });
        }
        List<TissueRecord> all = perItem.stream().flatMap(List::stream).toList();
        ManifestCsv.write(cfg.out().resolve(Dataset.MANIFEST_FILE), all, cfg.magnifications());
        DatasetInfo info =
                new DatasetInfo(
                        DatasetInfo.FORMAT_VERSION,
                        List.copyOf(classes),
                        cfg.magnifications(),
                        sourceMag,
                        cfg.seed(),
                        cfg.splitFractions(),
                        sources,
                        Provenance.current().toMap());
        Json.write(cfg.out().resolve(Dataset.INFO_FILE), info);
        return new Result(all.size(), new TreeMap<>(failures));
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
