package org.lowmag.report;

import java.io.IOException;
import java.nio.file.Path;
import org.lowmag.util.AtomicFiles;

/** Renders a {@link ReportDocument} as GitHub-flavoured Markdown ({@code report.md}). */
public final class MarkdownReport {

    private MarkdownReport() {}

    /**
     * @param doc the document
     * @param reportDir the folder the Markdown file lives in (image links are relative to it)
     * @return the Markdown text
     */
    public static String render(ReportDocument doc, Path reportDir) {
        StringBuilder sb = new StringBuilder();
        sb.append("# ").append(doc.title()).append("\n\n");
        for (ReportBlock block : doc.blocks()) {
            if (block instanceof ReportBlock.Heading h) {
                sb.append("#".repeat(h.level())).append(' ').append(h.text()).append("\n\n");
            } else if (block instanceof ReportBlock.Paragraph p) {
                sb.append(p.text()).append("\n\n");
            } else if (block instanceof ReportBlock.Table t) {
                sb.append(t.table().toMarkdown()).append('\n');
                if (!t.caption().isEmpty()) {
                    sb.append('*').append(t.caption()).append("*\n\n");
                }
            } else if (block instanceof ReportBlock.Image i) {
                sb.append("![")
                        .append(i.caption().replace("]", "\\]"))
                        .append("](")
                        .append(ReportDocument.link(reportDir, i.file()).replace(" ", "%20"))
                        .append(")\n\n");
                if (!i.caption().isEmpty()) {
                    sb.append('*').append(i.caption()).append("*\n\n");
                }
            }
        }
        return sb.toString();
    }

    /**
     * Writes the document atomically.
     *
     * @param doc the document
     * @param markdownFile the target, e.g. {@code run/report.md}
     * @throws IOException when the file cannot be written
     */
    public static void write(ReportDocument doc, Path markdownFile) throws IOException {
        Path dir = markdownFile.toAbsolutePath().getParent();
        AtomicFiles.writeString(markdownFile, render(doc, dir));
    }
}
