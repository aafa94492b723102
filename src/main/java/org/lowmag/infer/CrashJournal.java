package org.lowmag.infer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps a slide that crashed the process from crashing every later run. A native slide library
 * (OpenSlide, OpenJPEG) can end the JVM on a corrupt file, past any Java error handling. So before
 * a slide is read, a marker {@code .NAME.reading} is written into the output folder, and it is
 * removed when the slide is done, failed with an error, or the JVM shuts down in order (a shutdown
 * hook: Ctrl-C, SIGTERM). A marker that a later run finds was left by a process that died hard
 * while reading that slide (a native crash, {@code kill -9}, the OOM killer): the slide is then
 * reported as failed and the batch goes on, until {@code --force} tries it again. Used under the
 * output folder's lock, so no live run's markers are taken for a dead one's.
 */
final class CrashJournal implements AutoCloseable {

    private final Path out;
    private final Set<String> reading = ConcurrentHashMap.newKeySet();
    private final Thread hook;

    /**
     * @param out the output folder
     */
    CrashJournal(Path out) {
        this.out = out;
        this.hook = new Thread(this::clear, "lowmag-crash-journal");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /**
     * @param name a slide's output name
     * @return the marker file
     */
    static Path marker(Path out, String name) {
        return out.resolve("." + name + ".reading");
    }

    /**
     * @param name a slide's output name
     * @return whether an earlier process died while reading it
     */
    boolean diedReading(String name) {
        return !reading.contains(name) && Files.exists(marker(out, name));
    }

    /**
     * Marks a slide as being read.
     *
     * @param name its output name
     * @throws IOException when the marker cannot be written
     */
    void begin(String name) throws IOException {
        reading.add(name);
        Files.writeString(marker(out, name), "");
    }

    /**
     * Marks a slide as done (predicted or failed with an error).
     *
     * @param name its output name
     * @throws IOException when the marker cannot be removed
     */
    void end(String name) throws IOException {
        Files.deleteIfExists(marker(out, name));
        reading.remove(name);
    }

    private void clear() {
        for (String name : reading) {
            try {
                Files.deleteIfExists(marker(out, name));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down: the hook runs and clears the markers
            return;
        }
        clear();
    }
}
