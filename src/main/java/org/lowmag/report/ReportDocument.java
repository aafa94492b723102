package org.lowmag.report;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A generic report: a title followed by headings, paragraphs, tables and images, rendered by {@link
 * MarkdownReport} and {@link HtmlReport}.
 */
public final class ReportDocument {

    private final String title;
    private final List<ReportBlock> blocks = new ArrayList<>();

    /**
     * @param title the document title
     */
    public ReportDocument(String title) {
        this.title = title;
    }

    /**
     * @param level 2..6
     * @param text the heading
     * @return this document
     */
    public ReportDocument heading(int level, String text) {
        blocks.add(new ReportBlock.Heading(level, text));
        return this;
    }

    /**
     * @param text plain text
     * @return this document
     */
    public ReportDocument paragraph(String text) {
        blocks.add(new ReportBlock.Paragraph(text));
        return this;
    }

    /**
     * @param table the table
     * @param caption a caption, or empty
     * @return this document
     */
    public ReportDocument table(TextTable table, String caption) {
        blocks.add(new ReportBlock.Table(table, caption));
        return this;
    }

    /**
     * @param file the image file (relative paths are relative to the report's folder)
     * @param caption caption and alternative text
     * @return this document
     */
    public ReportDocument image(Path file, String caption) {
        blocks.add(new ReportBlock.Image(file, caption));
        return this;
    }

    /**
     * @return the title
     */
    public String title() {
        return title;
    }

    /**
     * @return the blocks in order
     */
    public List<ReportBlock> blocks() {
        return List.copyOf(blocks);
    }

    /**
     * @param reportDir the folder the report is written to
     * @param image an image path as given to {@link #image}
     * @return the path to use in a link from the report: relative, with forward slashes
     */
    static String link(Path reportDir, Path image) {
        Path rel =
                image.isAbsolute()
                        ? reportDir.toAbsolutePath().normalize().relativize(image.normalize())
                        : image.normalize();
        return rel.toString().replace(File.separatorChar, '/');
    }

    /**
     * @param reportDir the folder the report is written to
     * @param image an image path as given to {@link #image}
     * @return the file to read
     */
    static Path resolve(Path reportDir, Path image) {
        return image.isAbsolute() ? image : reportDir.resolve(image);
    }
}
