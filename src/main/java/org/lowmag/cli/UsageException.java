package org.lowmag.cli;

import java.io.IOException;

/**
 * A usage error: a wrong flag, a bad flag value or a bad setting in a configuration file. {@link
 * LowMag} prints its message as one line and exits with {@link LowMag#EXIT_USAGE}. Other {@link
 * IllegalArgumentException}s (a teacher/student shape mismatch, a bug) are failures, exit 1.
 */
final class UsageException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** Reads a command's flags (or configuration file) into its settings. */
    @FunctionalInterface
    interface Flags<T> {
        /**
         * @return the settings
         * @throws IOException when a file named by a flag cannot be read
         */
        T read() throws IOException;
    }

    /**
     * @param message what is wrong, naming the flag and its value
     */
    UsageException(String message) {
        super(message);
    }

    /**
     * @param message what is wrong, naming the flag and its value
     * @param cause what reading the value threw
     */
    UsageException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * Turns flags into settings; the {@link IllegalArgumentException} a settings record throws for
     * a bad value becomes a usage error.
     *
     * @param flags reads the flags
     * @param <T> the settings
     * @return the settings
     * @throws IOException when a file named by a flag cannot be read
     * @throws UsageException for a bad value
     */
    static <T> T fromFlags(Flags<T> flags) throws IOException {
        try {
            return flags.read();
        } catch (UsageException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage(), e);
        }
    }
}
