package org.lowmag.slide;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A least-recently-used cache of decoded tiles (packed RGB arrays) bounded by total pixels, so
 * neighbouring regions do not decode shared tiles twice. Thread-safe.
 */
final class TileCache {

    private final long capacityPixels;
    private final LinkedHashMap<Long, int[]> tiles = new LinkedHashMap<>(64, 0.75f, true);
    private long sizePixels;

    /**
     * @param capacityPixels total pixels kept at most (4 bytes each); 0 disables caching
     */
    TileCache(long capacityPixels) {
        if (capacityPixels < 0) {
            throw new IllegalArgumentException(
                    "cache capacity must be >= 0, got " + capacityPixels);
        }
        this.capacityPixels = capacityPixels;
    }

    /**
     * @param ifd the TIFF image
     * @param tile the tile index
     * @return the key of a tile
     */
    static long key(int ifd, int tile) {
        return ((long) ifd << 32) | (tile & 0xFFFFFFFFL);
    }

    /**
     * @param key a tile key
     * @return the cached pixels (shared: do not modify), or null
     */
    synchronized int[] get(long key) {
        return tiles.get(key);
    }

    /**
     * @param key a tile key
     * @param pixels the decoded tile (not modified afterwards)
     */
    synchronized void put(long key, int[] pixels) {
        if (pixels.length > capacityPixels) {
            return;
        }
        int[] old = tiles.put(key, pixels);
        sizePixels += pixels.length - (old == null ? 0 : old.length);
        var it = tiles.entrySet().iterator();
        while (sizePixels > capacityPixels && it.hasNext()) {
            Map.Entry<Long, int[]> eldest = it.next();
            sizePixels -= eldest.getValue().length;
            it.remove();
        }
    }

    /** Drops everything. */
    synchronized void clear() {
        tiles.clear();
        sizePixels = 0;
    }
}
