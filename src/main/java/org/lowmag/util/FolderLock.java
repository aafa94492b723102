package org.lowmag.util;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Keeps two jobs out of one output folder: an exclusive lock on a file in it ({@code
 * .experiment.lock}, {@code .run.lock}, {@code .predict.lock}), held until {@link #close}. The
 * operating system releases it when the process dies, so a killed job leaves no stale lock. A
 * second job, in another process or this one, is refused at once with the folder named.
 */
public final class FolderLock implements AutoCloseable {

    private final FileChannel channel;
    private final FileLock lock;

    private FolderLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Locks a folder, creating it when missing.
     *
     * @param dir the folder
     * @param fileName the lock file's name in it
     * @param busy the message when another job holds it (name the folder and what to do)
     * @return the held lock
     * @throws LowMagException when another job holds the lock
     * @throws IOException when the folder or the lock file cannot be created
     */
    public static FolderLock acquire(Path dir, String fileName, String busy) throws IOException {
        Files.createDirectories(dir);
        FileChannel ch =
                FileChannel.open(
                        dir.resolve(fileName), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock held = null;
        try {
            held = ch.tryLock();
        } catch (OverlappingFileLockException e) {
            held = null;
        } finally {
            if (held == null) {
                ch.close();
            }
        }
        if (held == null) {
            throw new LowMagException(busy);
        }
        return new FolderLock(ch, held);
    }

    /**
     * Work done while holding a lock.
     *
     * @param <T> its result
     */
    @FunctionalInterface
    public interface Work<T> {
        /**
         * @return the result
         * @throws IOException when the work fails
         */
        T run() throws IOException;
    }

    /**
     * Runs work while holding a folder's lock.
     *
     * @param dir the folder
     * @param fileName the lock file's name in it
     * @param busy the message when another job holds it
     * @param work what to do
     * @param <T> its result
     * @return the work's result
     * @throws LowMagException when another job holds the lock
     * @throws IOException when the work fails or the lock file cannot be created
     */
    public static <T> T holding(Path dir, String fileName, String busy, Work<T> work)
            throws IOException {
        try (FolderLock held = acquire(dir, fileName, busy)) {
            return held.run(work);
        }
    }

    private <T> T run(Work<T> work) throws IOException {
        if (!lock.isValid()) {
            throw new IllegalStateException("the folder lock was released before its work ran");
        }
        return work.run();
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }
}
