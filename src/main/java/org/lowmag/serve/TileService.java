package org.lowmag.serve;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.lowmag.slide.SlideMetadata;
import org.lowmag.slide.SlideReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renders what the viewer shows: Deep Zoom tiles (JPEG) read by LowMag's readers from the coarsest
 * pyramid level at least as fine as the tile ({@link SlideReader#readRegion}), list thumbnails and
 * heatmap overlays. Results are kept in a byte-bounded {@link ByteCache}; at most {@code
 * maxConcurrent} renderings run at once, a request that waits longer than {@link #WAIT_SECONDS} is
 * refused ({@link Busy}). A slide that cannot be read gives an error tile, never an exception out
 * of the server.
 */
public final class TileService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TileService.class);

    /** Deep Zoom tile side, pixels. */
    public static final int TILE_SIZE_PX = 256;

    /** Longest side of the list's thumbnails, pixels. */
    public static final int THUMBNAIL_SIDE_PX = 240;

    /** Seconds a request waits for a rendering slot before it is refused. */
    public static final int WAIT_SECONDS = 20;

    /** All rendering slots were taken for {@link #WAIT_SECONDS}. */
    public static final class Busy extends Exception {
        private static final long serialVersionUID = 1L;

        Busy() {
            super("the server is busy rendering; try again");
        }
    }

    /**
     * A rendered image.
     *
     * @param bytes the encoded image
     * @param contentType its MIME type
     * @param error why it is an error tile, or empty
     */
    public record Image(byte[] bytes, String contentType, String error) {}

    private final ByteCache cache;
    private final ReaderPool readers;
    private final Semaphore slots;
    private final Map<Path, SlideMetadata> metadata = new ConcurrentHashMap<>();

    /**
     * @param cacheBytes the cache's bound in bytes
     * @param maxOpenSlides the most slide readers kept open
     * @param maxConcurrent the most renderings at once
     * @param opener opens a slide ({@code SlideReaders::open})
     */
    public TileService(
            long cacheBytes, int maxOpenSlides, int maxConcurrent, ReaderPool.Opener opener) {
        if (maxConcurrent < 1) {
            throw new IllegalArgumentException(
                    "at least one concurrent rendering, got " + maxConcurrent);
        }
        this.cache = new ByteCache(cacheBytes);
        this.readers = new ReaderPool(maxOpenSlides, opener);
        this.slots = new Semaphore(maxConcurrent, true);
    }

    /**
     * @param slide a slide file of the catalog
     * @return its metadata
     * @throws IOException when it cannot be opened
     */
    public SlideMetadata metadata(Path slide) throws IOException {
        SlideMetadata m = metadata.get(slide);
        if (m == null) {
            try (ReaderPool.Lease lease = readers.acquire(slide)) {
                m = lease.reader().metadata();
            }
            metadata.put(slide, m);
        }
        return m;
    }

    /**
     * @param slide a slide file of the catalog
     * @return its Deep Zoom pyramid
     * @throws IOException when it cannot be opened
     */
    public DeepZoomGeometry geometry(Path slide) throws IOException {
        SlideMetadata m = metadata(slide);
        return new DeepZoomGeometry(m.widthPx(), m.heightPx(), TILE_SIZE_PX);
    }

    /**
     * @param slide a slide file of the catalog
     * @param level a Deep Zoom level
     * @param col the tile column
     * @param row the tile row
     * @return the JPEG tile, or an error tile when the slide cannot be read
     * @throws IllegalArgumentException when the tile does not exist
     * @throws Busy when no rendering slot freed in time
     */
    public Image tile(Path slide, int level, long col, long row) throws Busy {
        DeepZoomGeometry g;
        try {
            g = geometry(slide);
        } catch (IOException | RuntimeException e) {
            return error(slide, TILE_SIZE_PX, TILE_SIZE_PX, e);
        }
        var region = g.tile(level, col, row);
        String key = slide + "|" + level + "|" + col + "_" + row;
        return cached(
                slide,
                key,
                "image/jpeg",
                region.widthPx(),
                region.heightPx(),
                r -> TileImages.jpeg(r.readRegion(region)));
    }

    /**
     * @param slide a slide file of the catalog
     * @return a JPEG overview whose longer side is {@link #THUMBNAIL_SIDE_PX}
     * @throws Busy when no rendering slot freed in time
     */
    public Image thumbnail(Path slide) throws Busy {
        return cached(
                slide,
                slide + "|thumbnail",
                "image/jpeg",
                THUMBNAIL_SIDE_PX,
                THUMBNAIL_SIDE_PX,
                r -> TileImages.jpeg(r.thumbnail(THUMBNAIL_SIDE_PX)));
    }

    /**
     * @param slide the slide file, or null when it is not available (the overlay is then the
     *     heatmap as written)
     * @param p its prediction
     * @param className a class with a heatmap
     * @return the class's overlay, PNG with transparency ({@link HeatmapOverlay})
     * @throws IOException when the heatmap file cannot be read
     * @throws Busy when no rendering slot freed in time
     */
    public Image heatmap(Path slide, Prediction p, String className) throws IOException, Busy {
        Path file = p.heatmaps().get(className);
        if (file == null) {
            throw new IllegalArgumentException("no heatmap for class " + className);
        }
        acquire();
        try {
            byte[] bytes =
                    cache.get(
                            file + "|overlay",
                            () -> {
                                BufferedImage heat = ImageIO.read(file.toFile());
                                if (heat == null) {
                                    throw new IOException(file + " is not a PNG image");
                                }
                                return TileImages.png(
                                        HeatmapOverlay.extract(
                                                heat,
                                                p.thumbWidthPx(),
                                                p.thumbHeightPx(),
                                                thumbnailFor(slide, p)));
                            });
            return new Image(bytes, "image/png", "");
        } finally {
            slots.release();
        }
    }

    private BufferedImage thumbnailFor(Path slide, Prediction p) {
        if (slide == null || p.thumbWidthPx() <= 0 || p.thumbHeightPx() <= 0) {
            return null;
        }
        try (ReaderPool.Lease lease = readers.acquire(slide)) {
            return lease.reader().overview(Math.max(p.thumbWidthPx(), p.thumbHeightPx()));
        } catch (IOException | RuntimeException e) {
            LOG.warn("{}: no thumbnail for the heatmap overlay: {}", slide, e.getMessage());
            return null;
        }
    }

    /** Renders with the slide's reader. */
    @FunctionalInterface
    private interface Render {
        byte[] apply(SlideReader reader) throws IOException;
    }

    private Image cached(Path slide, String key, String type, int w, int h, Render render)
            throws Busy {
        acquire();
        try {
            byte[] bytes =
                    cache.get(
                            key,
                            () -> {
                                try (ReaderPool.Lease lease = readers.acquire(slide)) {
                                    return render.apply(lease.reader());
                                }
                            });
            return new Image(bytes, type, "");
        } catch (IOException | RuntimeException e) {
            // A server outlives one bad slide: any failure to read or decode becomes an error tile.
            return error(slide, w, h, e);
        } finally {
            slots.release();
        }
    }

    private void acquire() throws Busy {
        try {
            if (!slots.tryAcquire(WAIT_SECONDS, TimeUnit.SECONDS)) {
                throw new Busy();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Busy();
        }
    }

    private static Image error(Path slide, int w, int h, Exception e) {
        String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        LOG.warn("{}: {}", slide.getFileName(), msg);
        return new Image(TileImages.errorTile(w, h), "image/jpeg", msg);
    }

    /**
     * @return the tile cache (for its statistics)
     */
    public ByteCache cache() {
        return cache;
    }

    @Override
    public void close() {
        readers.close();
    }
}
