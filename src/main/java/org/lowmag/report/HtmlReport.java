package org.lowmag.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Locale;
import org.lowmag.util.AtomicFiles;

/**
 * Renders a {@link ReportDocument} as one self-contained HTML page ({@code report.html}) with
 * inline CSS; images are embedded as base64 data URIs, or linked relatively.
 */
public final class HtmlReport {

    private static final String CSS =
            """
            body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:2em auto;\
            max-width:1100px;padding:0 1em;color:#222;line-height:1.45}
            h1{border-bottom:2px solid #0072B2;padding-bottom:.2em}
            table{border-collapse:collapse;margin:1em 0}
            caption{caption-side:bottom;font-style:italic;color:#555;padding-top:.4em;text-align:left}
            th,td{border:1px solid #ccc;padding:.3em .7em}
            th{background:#f2f5f8}
            td.num{text-align:right;font-variant-numeric:tabular-nums}
            figure{margin:1.5em 0}
            img{max-width:100%;border:1px solid #eee}
            figcaption{font-style:italic;color:#555}
            """;

    private HtmlReport() {}

    /**
     * @param doc the document
     * @param reportDir the folder the HTML file lives in (images are resolved against it)
     * @param embedImages true to embed images as base64, false to link them relatively
     * @return the HTML page
     * @throws IOException when an image to embed cannot be read (the message names it)
     */
    public static String render(ReportDocument doc, Path reportDir, boolean embedImages)
            throws IOException {
        StringBuilder sb = new StringBuilder();
        sb.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<title>")
                .append(escape(doc.title()))
                .append("</title>\n<style>\n")
                .append(CSS)
                .append("</style>\n</head>\n<body>\n<h1>")
                .append(escape(doc.title()))
                .append("</h1>\n");
        for (ReportBlock block : doc.blocks()) {
            if (block instanceof ReportBlock.Heading h) {
                sb.append("<h").append(h.level()).append('>').append(escape(h.text()));
                sb.append("</h").append(h.level()).append(">\n");
            } else if (block instanceof ReportBlock.Paragraph p) {
                sb.append("<p>").append(escape(p.text()).replace("\n", "<br>\n")).append("</p>\n");
            } else if (block instanceof ReportBlock.Table t) {
                appendTable(sb, t);
            } else if (block instanceof ReportBlock.Image i) {
                appendImage(sb, i, reportDir, embedImages);
            }
        }
        return sb.append("</body>\n</html>\n").toString();
    }

    /**
     * Writes the page atomically with images embedded (self-contained).
     *
     * @param doc the document
     * @param htmlFile the target, e.g. {@code run/report.html}
     * @throws IOException when an image cannot be read or the file cannot be written
     */
    public static void write(ReportDocument doc, Path htmlFile) throws IOException {
        write(doc, htmlFile, true);
    }

    /**
     * Writes the page atomically.
     *
     * @param doc the document
     * @param htmlFile the target
     * @param embedImages true to embed images as base64, false to link them relatively
     * @throws IOException when an image cannot be read or the file cannot be written
     */
    public static void write(ReportDocument doc, Path htmlFile, boolean embedImages)
            throws IOException {
        Path dir = htmlFile.toAbsolutePath().getParent();
        AtomicFiles.writeString(htmlFile, render(doc, dir, embedImages));
    }

    private static void appendTable(StringBuilder sb, ReportBlock.Table block) {
        TextTable t = block.table();
        sb.append("<table>\n");
        if (!block.caption().isEmpty()) {
            sb.append("<caption>").append(escape(block.caption())).append("</caption>\n");
        }
        sb.append("<thead><tr>");
        for (String h : t.header()) {
            sb.append("<th>").append(escape(h)).append("</th>");
        }
        sb.append("</tr></thead>\n<tbody>\n");
        for (int r = 0; r < t.rowCount(); r++) {
            sb.append("<tr>");
            for (int c = 0; c < t.header().size(); c++) {
                String cell = t.cell(r, c);
                String text = escape(cell);
                sb.append(TextTable.isNumeric(cell) ? "<td class=\"num\">" : "<td>")
                        .append(t.isEmphasized(r, c) ? "<b>" + text + "</b>" : text)
                        .append("</td>");
            }
            sb.append("</tr>\n");
        }
        sb.append("</tbody>\n</table>\n");
    }

    private static void appendImage(
            StringBuilder sb, ReportBlock.Image image, Path reportDir, boolean embed)
            throws IOException {
        String src;
        if (embed) {
            Path file = ReportDocument.resolve(reportDir, image.file());
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(file);
            } catch (NoSuchFileException e) {
                throw new NoSuchFileException(file + " (image for the report is missing)");
            }
            src = "data:" + mimeType(file) + ";base64," + Base64.getEncoder().encodeToString(bytes);
        } else {
            src = escape(ReportDocument.link(reportDir, image.file()));
        }
        sb.append("<figure>\n<img src=\"")
                .append(src)
                .append("\" alt=\"")
                .append(escape(image.caption()))
                .append("\">\n");
        if (!image.caption().isEmpty()) {
            sb.append("<figcaption>").append(escape(image.caption())).append("</figcaption>\n");
        }
        sb.append("</figure>\n");
    }

    private static String mimeType(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".png")) {
            return "image/png";
        } else if (name.endsWith(".jpg") || name.endsWith(".jpeg")) {
            return "image/jpeg";
        } else if (name.endsWith(".svg")) {
            return "image/svg+xml";
        }
        throw new IllegalArgumentException(
                "cannot embed " + file + ": only .png, .jpg and .svg images are supported");
    }

    /**
     * @param s text
     * @return it with {@code & < > " '} escaped for HTML
     */
    static String escape(String s) {
        return s.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
