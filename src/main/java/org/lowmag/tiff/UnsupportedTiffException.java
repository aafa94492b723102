package org.lowmag.tiff;

import java.io.IOException;

/**
 * A TIFF this package cannot decode: no TIFF header, a compression or sample format the pure-Java
 * decoder does not handle (e.g. JPEG 2000 tiles), or a block too large to decode. The message names
 * the file, the reason and what may help; the slide layer turns it into its own "unsupported" error
 * so that another backend can try the file.
 */
public class UnsupportedTiffException extends IOException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what is unsupported, naming the file, and what may help
     */
    public UnsupportedTiffException(String message) {
        super(message);
    }
}
