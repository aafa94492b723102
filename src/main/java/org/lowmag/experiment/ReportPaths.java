package org.lowmag.experiment;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * Paths as the report shows them: relative to the experiment folder ({@code ../dataset}), so that a
 * report can be moved or shared with its folder and shows no machine's directory layout.
 */
final class ReportPaths {

    private ReportPaths() {}

    /**
     * @param experimentDir the experiment folder
     * @param p a path, relative to the working directory or absolute
     * @return {@code p} relative to the experiment folder with {@code /} separators, e.g. {@code
     *     ../dataset}; {@code .} for the folder itself; the file name alone when the two have no
     *     common root (another drive)
     */
    static String relative(Path experimentDir, Path p) {
        Path base = experimentDir.toAbsolutePath().normalize();
        Path target = p.toAbsolutePath().normalize();
        if (!base.getRoot().equals(target.getRoot())) {
            return String.valueOf(target.getFileName());
        }
        String rel = base.relativize(target).toString().replace('\\', '/');
        return rel.isEmpty() ? "." : rel;
    }

    /**
     * @param experimentDir the experiment folder
     * @param source a {@code dataset.json} source, {@code kind:path} ({@code slides:/data/x}) or
     *     free text
     * @return the source with an absolute path made relative ({@code slides:../x}); free text as it
     *     is
     */
    static String source(Path experimentDir, String source) {
        int colon = source.indexOf(':');
        if (colon < 0) {
            return source;
        }
        Path rest;
        try {
            rest = Path.of(source.substring(colon + 1));
        } catch (InvalidPathException e) {
            return source;
        }
        if (!rest.isAbsolute()) {
            return source;
        }
        return source.substring(0, colon + 1) + relative(experimentDir, rest);
    }
}
