package org.lowmag.slide;

import java.io.IOException;
import java.nio.file.Path;
import org.lowmag.tiff.RandomAccessSource;

/**
 * A slide that need not be a local file (an object in a distributed filesystem, say): its bytes
 * with random access, which the pure-Java TIFF reader reads in place, and a local file for the
 * backends that need one (OpenSlide). {@link SlideReaders#open(SlideLocation)} asks for the local
 * file only when the random-access path cannot read the slide.
 */
public interface SlideLocation {

    /**
     * @return the slide as messages and the metadata name it (a path or URI); its extension picks
     *     the backend as a file's does
     */
    String name();

    /**
     * @return the slide's bytes, open; the caller closes them
     * @throws java.nio.file.NoSuchFileException when the slide does not exist
     * @throws IOException when it cannot be opened
     */
    RandomAccessSource openSource() throws IOException;

    /**
     * @return a local file with the slide's bytes, for backends that need a file; it must stay in
     *     place until the reader opened on it is closed
     * @throws IOException when no local copy can be made
     */
    Path localFile() throws IOException;
}
