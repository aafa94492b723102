package org.lowmag.slide;

import java.io.IOException;

/**
 * A backend cannot read this file (an unknown format, or a known one it cannot decode, such as JPEG
 * 2000 tiles in pure Java). {@link SlideReaders#open} catches it to try the next backend; the
 * message names the file, the reason and what may help.
 */
public class UnsupportedSlideException extends IOException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what is unsupported, naming the file, and what may help
     */
    public UnsupportedSlideException(String message) {
        super(message);
    }

    /**
     * @param message what is unsupported, naming the file, and what may help
     * @param cause the underlying error
     */
    public UnsupportedSlideException(String message, Throwable cause) {
        super(message, cause);
    }
}
