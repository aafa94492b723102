package org.lowmag.util;

/**
 * A failure the user can act on: bad input data, a model/data mismatch, a missing file. The CLI
 * prints its message as one line (no stack trace unless {@code --verbose}) and exits with 1, so the
 * message must name the offending thing and say what to do.
 */
public class LowMagException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what went wrong, naming the file or value, and what to do
     */
    public LowMagException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong, naming the file or value, and what to do
     * @param cause the underlying error
     */
    public LowMagException(String message, Throwable cause) {
        super(message, cause);
    }
}
