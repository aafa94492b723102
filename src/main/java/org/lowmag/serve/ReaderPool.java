package org.lowmag.serve;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.lowmag.slide.SlideReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Open slide readers, kept for reuse between tiles and bounded in number: when more than {@code
 * maxOpen} slides are open, the least recently used is closed as soon as no request is reading it.
 * The readers allow concurrent reads, so one reader serves all requests for its slide.
 */
final class ReaderPool implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ReaderPool.class);

    /** Opens a slide. */
    @FunctionalInterface
    interface Opener {
        SlideReader open(Path slide) throws IOException;
    }

    private static final class Handle {
        final SlideReader reader;
        int users;
        boolean evicted;

        Handle(SlideReader reader) {
            this.reader = reader;
        }
    }

    /** A reader in use; closing it gives it back. */
    final class Lease implements AutoCloseable {
        private final Handle handle;

        private Lease(Handle handle) {
            this.handle = handle;
        }

        SlideReader reader() {
            return handle.reader;
        }

        @Override
        public void close() {
            release(handle);
        }
    }

    private final int maxOpen;
    private final Opener opener;
    private final LinkedHashMap<Path, Handle> open = new LinkedHashMap<>(16, 0.75f, true);

    ReaderPool(int maxOpen, Opener opener) {
        if (maxOpen < 1) {
            throw new IllegalArgumentException("at least one open slide, got " + maxOpen);
        }
        this.maxOpen = maxOpen;
        this.opener = opener;
    }

    /**
     * @param slide a slide file of the catalog
     * @return a lease on its reader; close it
     * @throws IOException when the slide cannot be opened
     */
    synchronized Lease acquire(Path slide) throws IOException {
        Handle h = open.get(slide);
        if (h == null) {
            h = new Handle(opener.open(slide));
            open.put(slide, h);
            evictBeyondBound();
        }
        h.users++;
        return new Lease(h);
    }

    private void evictBeyondBound() {
        Iterator<Map.Entry<Path, Handle>> it = open.entrySet().iterator();
        while (open.size() > maxOpen && it.hasNext()) {
            Handle h = it.next().getValue();
            it.remove();
            h.evicted = true;
            if (h.users == 0) {
                closeQuietly(h);
            }
        }
    }

    private synchronized void release(Handle h) {
        h.users--;
        if (h.evicted && h.users == 0) {
            closeQuietly(h);
        }
    }

    private static void closeQuietly(Handle h) {
        try {
            h.reader.close();
        } catch (IOException e) {
            LOG.warn("closing a slide reader failed: {}", e.getMessage());
        }
    }

    /**
     * @return the number of open readers
     */
    synchronized int openCount() {
        return open.size();
    }

    @Override
    public synchronized void close() {
        for (Handle h : open.values()) {
            h.evicted = true;
            if (h.users == 0) {
                closeQuietly(h);
            }
        }
        open.clear();
    }
}
