package org.lowmag.spark;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.lowmag.dataset.TissueRecord;
import org.lowmag.prepare.PrepareConfig;
import org.lowmag.prepare.PrepareJob;
import org.lowmag.prepare.SlideReport;
import org.lowmag.util.Json;

/**
 * What each slide's task cut, so that a re-run skips the slide without reading it: {@code
 * OUT/}{@value #DIR}{@code /SLIDEID.json}, written atomically after the slide's last tissue image.
 * A re-run's task trusts an entry only when the settings the images depend on ({@link
 * PrepareConfig#cutSettings}), the slide file's size and modification time are the recorded ones
 * and every recorded image is on disk; else (and with {@code --force}) it cuts the slide again. The
 * tissues' group and label come from the current labels CSV (the entry holds the cut only).
 */
final class CutJournal {

    /** The journal's folder, in the dataset folder (hidden: not part of the dataset). */
    static final String DIR = ".spark-cuts";

    /**
     * A slide's entry.
     *
     * @param settings the settings its images depend on, as JSON
     * @param slideBytes the slide file's size
     * @param slideModifiedMs its modification time, ms since the epoch
     * @param sourceMagnification its level-0 magnification
     * @param tissues its tissues (images relative to the dataset folder)
     * @param report what was read from it
     */
    record Entry(
            JsonElement settings,
            long slideBytes,
            long slideModifiedMs,
            double sourceMagnification,
            List<TissueRecord> tissues,
            SlideReport report) {}

    private CutJournal() {}

    /**
     * @param cfg the settings (on an executor)
     * @param id the slide's id
     * @param slide the slide file
     * @return the slide's row from its entry, when the entry holds for these settings and this file
     */
    static Optional<SlideCutRow> skip(PrepareConfig cfg, String id, Path slide) {
        Path file = cfg.out().resolve(DIR).resolve(id + ".json");
        if (cfg.force() || !Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            Entry e = Json.read(file, Entry.class);
            boolean same =
                    settings(cfg).equals(e.settings())
                            && Files.size(slide) == e.slideBytes()
                            && Files.getLastModifiedTime(slide).toMillis() == e.slideModifiedMs()
                            && e.tissues() != null
                            && !e.tissues().isEmpty()
                            && e.tissues().stream()
                                    .flatMap(t -> t.images().values().stream())
                                    .allMatch(
                                            i -> Files.isRegularFile(cfg.out().resolve(i.path())));
            if (!same) {
                return Optional.empty();
            }
            return Optional.of(
                    new SlideCutRow(
                            id,
                            new PrepareJob.ItemOutcome(e.tissues(), e.sourceMagnification(), null),
                            e.report(),
                            0));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // an unreadable entry: cut the slide again
        }
    }

    /**
     * Records a slide cut without failure.
     *
     * @param cfg the settings (on an executor)
     * @param slide the slide file
     * @param row its row
     * @throws IOException when the entry cannot be written
     */
    static void record(PrepareConfig cfg, Path slide, SlideCutRow row) throws IOException {
        PrepareJob.ItemOutcome o = row.outcome();
        if (o.failed() || o.tissues().isEmpty() || row.report() == null) {
            return;
        }
        Json.write(
                cfg.out().resolve(DIR).resolve(row.id() + ".json"),
                new Entry(
                        settings(cfg),
                        Files.size(slide),
                        Files.getLastModifiedTime(slide).toMillis(),
                        o.sourceMagnification(),
                        o.tissues(),
                        row.report()));
    }

    /** The settings as JSON read back (numbers compare as written). */
    private static JsonElement settings(PrepareConfig cfg) {
        return JsonParser.parseString(Json.toJson(cfg.cutSettings()));
    }
}
