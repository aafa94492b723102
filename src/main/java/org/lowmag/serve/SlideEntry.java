package org.lowmag.serve;

import java.nio.file.Path;
import java.util.Optional;

/**
 * One slide the server may show.
 *
 * @param id its URL-safe id ({@code [A-Za-z0-9._-]}, unique in the catalog)
 * @param name its output name (the file name without its last extension)
 * @param slide the slide file (real path, symlinks resolved), when it may be served
 * @param note why there is no slide file to serve (empty when there is one)
 * @param prediction what {@code lowmag predict} wrote for it, if anything
 */
public record SlideEntry(
        String id,
        String name,
        Optional<Path> slide,
        String note,
        Optional<Prediction> prediction) {}
