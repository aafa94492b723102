package org.lowmag.spark;

import java.io.Serializable;
import java.util.List;
import org.lowmag.dataset.TissueRecord;
import org.lowmag.prepare.PrepareItem;
import org.lowmag.prepare.PrepareJob;
import org.lowmag.prepare.SlideReport;

/**
 * What one {@code lowmag-spark prepare} task returns to the driver: the slide's outcome as the
 * core's {@link PrepareJob#cutOne} gave it, the core's report of the slide and how many tissue
 * images the task wrote (none: every image was on disk from an earlier run with the same settings,
 * and the slide was skipped).
 *
 * @param id the slide's id
 * @param outcome its tissues (their source the executor's absolute path) or why it failed
 * @param report what was read from it, or null when it failed
 * @param imagesWritten the tissue images this task wrote
 */
record SlideCutRow(String id, PrepareJob.ItemOutcome outcome, SlideReport report, int imagesWritten)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    /** What a row's slide came to. */
    enum Status {
        /** Cut (some images written). */
        OK,
        /** Every image was on disk already (same settings): nothing written. */
        SKIPPED,
        /** Failed; the reason is the outcome's failure. */
        FAILED
    }

    /**
     * @return what happened to the slide
     */
    Status status() {
        if (outcome.failed() || outcome.tissues().isEmpty()) {
            return Status.FAILED;
        }
        return imagesWritten == 0 ? Status.SKIPPED : Status.OK;
    }

    /**
     * The outcome as {@code lowmag prepare} records it: each tissue's source is the slide as the
     * driver named it (the task read it by its absolute path), its group and label the slide's (a
     * skipped slide's tissues come from the {@link CutJournal}, its labels from this run).
     *
     * @param item the slide, as the driver listed it
     * @return the outcome
     */
    PrepareJob.ItemOutcome outcomeFor(PrepareItem item) {
        if (outcome.failed()) {
            return outcome;
        }
        List<TissueRecord> tissues =
                outcome.tissues().stream()
                        .map(
                                t ->
                                        new TissueRecord(
                                                t.id(),
                                                item.file().toString(),
                                                item.group(),
                                                item.label(),
                                                t.split(),
                                                t.images()))
                        .toList();
        return new PrepareJob.ItemOutcome(tissues, outcome.sourceMagnification(), null);
    }
}
