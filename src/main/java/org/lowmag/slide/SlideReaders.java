package org.lowmag.slide;

import java.io.IOException;
import java.nio.file.Path;

/**
 * TEMPORARY factory of slide readers, written on the {@code imaging} branch: it opens only plain
 * images (through {@link PlainImageStub}). The real version, which picks the TIFF or OpenSlide
 * backend by file type, replaces it at merge.
 */
public final class SlideReaders {

    private SlideReaders() {}

    /**
     * Opens a slide.
     *
     * @param path the file
     * @return a reader; close it
     * @throws IOException when the file is missing or cannot be decoded
     */
    public static SlideReader open(Path path) throws IOException {
        return new PlainImageStub(path);
    }
}
