package org.lowmag.spark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * A bounded local cache of whole slide files for the backends that need a local file (OpenSlide),
 * one per executor JVM: at most {@code maxBytes} of slides in its folder; when a new slide does not
 * fit, the least recently used slides that no task is reading are deleted first (LRU by bytes). A
 * slide is copied once even when several tasks ask for it at once (the others wait for that copy),
 * into a temporary name renamed into place when complete, so a reader never opens a partial copy. A
 * slide in use ({@link Lease} open) is never evicted; when the slides in use leave no room the
 * request fails with a message naming the limit. A slide changed at its source (another length or
 * modification time) is a new entry.
 */
final class SlideFileCache {

    /** Copies a slide's bytes into a local file. */
    @FunctionalInterface
    interface Filler {
        /**
         * @param target the file to write (does not exist yet)
         * @throws IOException when the copy fails
         */
        void copyTo(Path target) throws IOException;
    }

    /** One cached slide. */
    private static final class Entry {
        final Path file;
        final long bytes;
        final CompletableFuture<Path> ready = new CompletableFuture<>();
        int users;

        Entry(Path file, long bytes) {
            this.file = file;
            this.bytes = bytes;
        }
    }

    private final Path dir;
    private final long maxBytes;
    private final Map<String, Entry> entries = new LinkedHashMap<>(16, 0.75f, true);
    private long usedBytes;

    /**
     * @param dir the cache's own folder (created when missing)
     * @param maxBytes the most bytes of slides it holds, positive
     * @throws IOException when the folder cannot be created
     */
    SlideFileCache(Path dir, long maxBytes) throws IOException {
        if (maxBytes <= 0) {
            throw new IllegalArgumentException(
                    "the slide cache limit must be positive: " + maxBytes);
        }
        this.dir = Files.createDirectories(dir);
        this.maxBytes = maxBytes;
    }

    /**
     * @return the cache's folder
     */
    Path dir() {
        return dir;
    }

    /**
     * @return the bytes of the slides held (complete or being copied)
     */
    synchronized long usedBytes() {
        return usedBytes;
    }

    /**
     * Returns a local copy of a slide, copying it first when it is not cached.
     *
     * @param source the slide's URI (for the key and messages)
     * @param fileName the slide's file name (kept: backends look at the extension)
     * @param bytes its size
     * @param modifiedMs its modification time (a changed slide is copied again)
     * @param filler copies it
     * @return the copy, held until the lease is closed
     * @throws IOException when the slide is larger than the cache, the slides in use leave no room,
     *     or the copy fails
     */
    Lease acquire(String source, String fileName, long bytes, long modifiedMs, Filler filler)
            throws IOException {
        String key = source + "\n" + bytes + "\n" + modifiedMs;
        Entry e;
        boolean fill = false;
        synchronized (this) {
            e = entries.get(key);
            if (e == null) {
                makeRoom(source, bytes);
                e = new Entry(dir.resolve(digest(key) + "-" + fileName), bytes);
                entries.put(key, e);
                usedBytes += bytes;
                fill = true;
            }
            e.users++;
        }
        if (fill) {
            fill(key, e, filler);
        } else {
            await(source, e);
        }
        return new Lease(e);
    }

    private void fill(String key, Entry e, Filler filler) throws IOException {
        Path part = dir.resolve(e.file.getFileName() + ".part-" + UUID.randomUUID());
        try {
            filler.copyTo(part);
            long copied = Files.size(part);
            if (copied != e.bytes) {
                throw new IOException(
                        "copied "
                                + copied
                                + " bytes of "
                                + e.file.getFileName()
                                + ", expected "
                                + e.bytes
                                + " (the source changed during the copy?)");
            }
            Files.move(part, e.file, StandardCopyOption.ATOMIC_MOVE);
            e.ready.complete(e.file);
        } catch (IOException | RuntimeException x) {
            Files.deleteIfExists(part);
            synchronized (this) {
                entries.remove(key);
                usedBytes -= e.bytes;
                e.users--;
            }
            e.ready.completeExceptionally(x);
            throw x;
        }
    }

    private void await(String source, Entry e) throws IOException {
        try {
            e.ready.get();
        } catch (ExecutionException | InterruptedException x) {
            synchronized (this) {
                e.users--;
            }
            if (x instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            Throwable cause = x.getCause() == null ? x : x.getCause();
            throw new IOException(
                    "copying " + source + " into the local slide cache failed: " + cause, cause);
        }
    }

    /** Deletes least recently used slides no one reads until {@code bytes} more fit. */
    private void makeRoom(String source, long bytes) throws IOException {
        if (bytes > maxBytes) {
            throw new IOException(
                    String.format(
                            Locale.ROOT,
                            "%s has %d bytes, more than the local slide cache holds (%d bytes):"
                                    + " raise --slide-cache-gib",
                            source,
                            bytes,
                            maxBytes));
        }
        Iterator<Entry> it = entries.values().iterator();
        while (usedBytes + bytes > maxBytes && it.hasNext()) {
            Entry old = it.next();
            if (old.users == 0 && old.ready.isDone()) {
                it.remove();
                usedBytes -= old.bytes;
                Files.deleteIfExists(old.file);
            }
        }
        if (usedBytes + bytes > maxBytes) {
            throw new IOException(
                    String.format(
                            Locale.ROOT,
                            "no room for %s (%d bytes) in the local slide cache: its %d bytes are"
                                    + " held by slides being read; raise --slide-cache-gib or"
                                    + " run fewer tasks per executor",
                            source,
                            bytes,
                            maxBytes));
        }
    }

    private static String digest(String key) {
        try {
            byte[] d =
                    MessageDigest.getInstance("SHA-256")
                            .digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** A cached slide in use: not evicted until closed. */
    final class Lease implements AutoCloseable {
        private final Entry entry;
        private boolean closed;

        private Lease(Entry entry) {
            this.entry = entry;
        }

        /**
         * @return the local copy
         */
        Path file() {
            return entry.file;
        }

        @Override
        public void close() {
            synchronized (SlideFileCache.this) {
                if (!closed) {
                    closed = true;
                    entry.users--;
                }
            }
        }
    }
}
