package org.lowmag.slide;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.IOException;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * What the backends share: region reads through {@link RegionRenderer}, checks of associated image
 * names, and a read/write lock so that reads may run concurrently while {@link #close} waits for
 * them and later reads fail with a clear message.
 */
abstract class AbstractSlideReader implements SlideReader {

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private boolean closed;

    /**
     * @return the backend's level pixels
     */
    abstract LevelPixelSource pixels();

    /**
     * @param name an associated image the metadata lists
     * @return it, RGB
     * @throws IOException when reading fails
     */
    abstract BufferedImage readAssociated(String name) throws IOException;

    /**
     * Frees native or file resources; called once, with no read in progress.
     *
     * @throws IOException when closing fails
     */
    abstract void release() throws IOException;

    @Override
    public final BufferedImage readRegion(RegionRequest request) throws IOException {
        return render(request, pixels());
    }

    /**
     * {@link #readRegion} from another view of the levels (e.g. a {@link DcLevel}).
     *
     * @param request the region
     * @param source the level pixels
     * @return the region, RGB
     * @throws IOException when reading fails
     */
    final BufferedImage render(RegionRequest request, LevelPixelSource source) throws IOException {
        lock.readLock().lock();
        try {
            ensureOpen();
            return RegionRenderer.render(metadata(), request, source);
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public final int[] readLevelPixels(int level, long xPx, long yPx, int widthPx, int heightPx)
            throws IOException {
        if (level < 0 || level >= metadata().levelCount()) {
            throw new IllegalArgumentException(
                    metadata().path()
                            + " has levels 0.."
                            + (metadata().levelCount() - 1)
                            + ", not "
                            + level);
        }
        if (widthPx <= 0
                || heightPx <= 0
                || (long) widthPx * heightPx > RegionRenderer.MAX_OUTPUT_PIXELS) {
            throw new IllegalArgumentException(
                    "level rectangle must be 1.."
                            + RegionRenderer.MAX_OUTPUT_PIXELS
                            + " pixels, got "
                            + widthPx
                            + "x"
                            + heightPx);
        }
        lock.readLock().lock();
        try {
            ensureOpen();
            int[] rgb = pixels().readLevel(level, xPx, yPx, widthPx, heightPx);
            for (int i = 0; i < rgb.length; i++) {
                rgb[i] &= 0xFFFFFF;
            }
            return rgb;
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public final BufferedImage readAssociatedImage(String name) throws IOException {
        if (!metadata().associatedImages().contains(name)) {
            throw new IllegalArgumentException(
                    metadata().path()
                            + " has no associated image '"
                            + name
                            + "'; it has "
                            + metadata().associatedImages());
        }
        lock.readLock().lock();
        try {
            ensureOpen();
            return readAssociated(name);
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public final void close() throws IOException {
        lock.writeLock().lock();
        try {
            if (!closed) {
                closed = true;
                release();
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException(metadata().path() + ": the slide reader is closed");
        }
    }

    /**
     * @param rgb packed RGB pixels, row-major
     * @param width width in pixels
     * @param height height in pixels
     * @return a {@code TYPE_INT_RGB} image holding a copy of {@code rgb}
     */
    static BufferedImage toImage(int[] rgb, int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int[] data = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        System.arraycopy(rgb, 0, data, 0, data.length);
        return image;
    }
}
