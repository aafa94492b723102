package org.lowmag.report;

import java.nio.file.Path;

/** One block of a {@link ReportDocument}: a heading, a paragraph, a table or an image. */
public sealed interface ReportBlock
        permits ReportBlock.Heading, ReportBlock.Paragraph, ReportBlock.Table, ReportBlock.Image {

    /**
     * A section heading.
     *
     * @param level 2..6 (level 1 is the document title)
     * @param text the heading text
     */
    record Heading(int level, String text) implements ReportBlock {
        /** Checks the level. */
        public Heading {
            if (level < 2 || level > 6) {
                throw new IllegalArgumentException(
                        "heading level " + level + " must be 2..6 (1 is the document title)");
            }
        }
    }

    /**
     * A paragraph of plain text (escaped in HTML; line breaks kept).
     *
     * @param text the text
     */
    record Paragraph(String text) implements ReportBlock {}

    /**
     * A table with an optional caption.
     *
     * @param table the table (emphasised cells become bold)
     * @param caption a caption, or empty for none
     */
    record Table(TextTable table, String caption) implements ReportBlock {}

    /**
     * An image file, e.g. a PNG from {@link Plots}.
     *
     * @param file the image; a relative path is relative to the report's folder
     * @param caption the caption, also used as alternative text
     */
    record Image(Path file, String caption) implements ReportBlock {}
}
