package org.lowmag.serve;

import java.io.IOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A least-recently-used cache of encoded images (tiles, thumbnails, overlays), bounded by the sum
 * of their sizes in bytes. Concurrent requests for a key that is being computed wait for that one
 * computation instead of starting their own, so a burst of identical requests decodes once.
 */
public final class ByteCache {

    /** Computes a value that is not cached. */
    @FunctionalInterface
    public interface Loader {
        /**
         * @return the encoded bytes
         * @throws IOException when they cannot be made
         */
        byte[] load() throws IOException;
    }

    private final long maxBytes;
    private final LinkedHashMap<String, byte[]> entries = new LinkedHashMap<>(256, 0.75f, true);
    private final Map<String, CompletableFuture<byte[]>> loading = new ConcurrentHashMap<>();
    private long bytes;
    private final AtomicLong hits = new AtomicLong();
    private final AtomicLong misses = new AtomicLong();

    /**
     * @param maxBytes the most bytes kept, at least 0 (0 keeps nothing)
     */
    public ByteCache(long maxBytes) {
        if (maxBytes < 0) {
            throw new IllegalArgumentException("cache size must be >= 0 bytes, got " + maxBytes);
        }
        this.maxBytes = maxBytes;
    }

    /**
     * @param key the key
     * @param loader computes the value when it is not cached
     * @return the cached or computed value
     * @throws IOException when the loader fails (nothing is cached then)
     */
    public byte[] get(String key, Loader loader) throws IOException {
        byte[] hit = lookup(key);
        if (hit != null) {
            hits.incrementAndGet();
            return hit;
        }
        CompletableFuture<byte[]> mine = new CompletableFuture<>();
        CompletableFuture<byte[]> running = loading.putIfAbsent(key, mine);
        if (running != null) {
            hits.incrementAndGet();
            return await(running);
        }
        misses.incrementAndGet();
        try {
            byte[] value = loader.load();
            put(key, value);
            mine.complete(value);
            return value;
        } catch (IOException | RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            loading.remove(key);
        }
    }

    private static byte[] await(CompletableFuture<byte[]> f) throws IOException {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for a tile", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IOException(e.getCause());
        }
    }

    private synchronized byte[] lookup(String key) {
        return entries.get(key);
    }

    private synchronized void put(String key, byte[] value) {
        if (value.length > maxBytes) {
            return;
        }
        byte[] old = entries.put(key, value);
        bytes += value.length - (old == null ? 0 : old.length);
        Iterator<Map.Entry<String, byte[]>> it = entries.entrySet().iterator();
        while (bytes > maxBytes && it.hasNext()) {
            bytes -= it.next().getValue().length;
            it.remove();
        }
    }

    /**
     * @return bytes held now
     */
    public synchronized long bytes() {
        return bytes;
    }

    /**
     * @return entries held now
     */
    public synchronized int size() {
        return entries.size();
    }

    /**
     * @return the byte bound
     */
    public long maxBytes() {
        return maxBytes;
    }

    /**
     * @return lookups answered from the cache (or from a computation already running)
     */
    public long hits() {
        return hits.get();
    }

    /**
     * @return lookups that computed their value
     */
    public long misses() {
        return misses.get();
    }
}
