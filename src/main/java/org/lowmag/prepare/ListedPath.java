package org.lowmag.prepare;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import org.lowmag.util.LowMagException;

/**
 * A file named by a row of a manifest or labels CSV, relative to its input folder: it must stay
 * inside that folder, so a CSV cannot make {@code prepare} read (and copy into a dataset) files
 * elsewhere, such as {@code ../../etc/passwd} or {@code /etc/passwd}. Checked on the path as
 * written, normalised ({@code a/../b} is {@code b}); links inside the folder are followed as the
 * folder's owner made them.
 */
final class ListedPath {

    private ListedPath() {}

    /**
     * @param dir the input folder
     * @param listed the path as the CSV gives it
     * @param where the CSV and line, for the message ({@code labels.csv line 4})
     * @return {@code dir.resolve(listed)}, which lies inside {@code dir}
     * @throws LowMagException when the path is absolute, invalid, or leaves the folder
     */
    static Path resolve(Path dir, String listed, String where) {
        Path rel;
        try {
            rel = Path.of(listed);
        } catch (InvalidPathException e) {
            throw new LowMagException(where + ": '" + listed + "' is not a valid path", e);
        }
        if (rel.isAbsolute()) {
            throw new LowMagException(
                    where
                            + ": '"
                            + listed
                            + "' is an absolute path; give paths relative to "
                            + dir);
        }
        Path base = dir.toAbsolutePath().normalize();
        Path file = base.resolve(rel).normalize();
        if (!file.startsWith(base) || file.equals(base)) {
            throw new LowMagException(
                    where + ": '" + listed + "' lies outside " + dir + "; files must be inside it");
        }
        return dir.resolve(rel);
    }
}
