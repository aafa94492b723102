package org.lowmag.spark;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.lowmag.dataset.Csv;
import org.lowmag.prepare.SlideReport;
import org.lowmag.util.AtomicFiles;

/**
 * The distributed prepare's results table, {@code OUT/prepare_results.csv} (written atomically),
 * one row per slide of the run: {@code slide, tissues, images_written, magnification, seconds,
 * status, error}. Status is {@code ok}, {@code skipped} (cut by an earlier run with the same
 * settings: its {@link CutJournal} entry held, or every tissue image was on disk; its seconds are
 * those of the run that cut it) or {@code failed} with the reason in {@code error}; a failed
 * slide's numbers are empty.
 */
public final class PrepareResults {

    /** The file's name. */
    public static final String CSV = "prepare_results.csv";

    /** The columns. */
    static final List<String> HEADER =
            List.of(
                    "slide",
                    "tissues",
                    "images_written",
                    "magnification",
                    "seconds",
                    "status",
                    "error");

    private PrepareResults() {}

    /**
     * @param out the dataset folder
     * @param rows the run's slides, in order
     * @throws IOException when the file cannot be written
     */
    static void write(Path out, List<SlideCutRow> rows) throws IOException {
        StringBuilder csv = new StringBuilder(Csv.line(HEADER));
        for (SlideCutRow r : rows) {
            csv.append(Csv.line(cells(r)));
        }
        AtomicFiles.writeString(out.resolve(CSV), csv.toString());
    }

    /**
     * @param r a slide's row
     * @return its cells, {@link #HEADER}'s columns
     */
    static List<String> cells(SlideCutRow r) {
        SlideCutRow.Status status = r.status();
        SlideReport rep = r.report();
        boolean failed = status == SlideCutRow.Status.FAILED;
        List<String> c = new ArrayList<>();
        c.add(r.id());
        c.add(failed ? "" : Integer.toString(r.outcome().tissues().size()));
        c.add(failed ? "" : Integer.toString(r.imagesWritten()));
        c.add(failed || rep == null ? "" : format(rep.magnification()));
        c.add(rep == null ? "" : format(rep.seconds()));
        c.add(status.name().toLowerCase(Locale.ROOT));
        c.add(failed ? failure(r) : "");
        return c;
    }

    private static String failure(SlideCutRow r) {
        return r.outcome().failed() ? r.outcome().failure() : "no tissue found in " + r.id();
    }

    private static String format(double v) {
        return String.format(Locale.ROOT, "%.4g", v);
    }
}
