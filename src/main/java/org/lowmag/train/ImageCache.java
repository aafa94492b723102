package org.lowmag.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.lowmag.dataset.ImageFiles;
import org.lowmag.dataset.RgbImage;

/**
 * Decoded tissue images kept in memory (3 bytes per pixel) up to a byte budget, so that each epoch
 * does not decode every PNG again. Beyond the budget images are decoded on each use. Thread-safe.
 */
public final class ImageCache {

    private final ConcurrentHashMap<Path, RgbImage> images = new ConcurrentHashMap<>();
    private final long budgetBytes;
    private final AtomicLong usedBytes = new AtomicLong();

    /**
     * @param budgetBytes how many bytes of decoded pixels to keep
     */
    public ImageCache(long budgetBytes) {
        this.budgetBytes = budgetBytes;
    }

    /**
     * @param file an image file
     * @return its decoded pixels
     */
    public RgbImage get(Path file) {
        RgbImage img = images.get(file);
        if (img != null) {
            return img;
        }
        try {
            img = ImageFiles.readRgb(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long bytes = 3L * img.widthPx() * img.heightPx();
        if (usedBytes.addAndGet(bytes) <= budgetBytes) {
            images.putIfAbsent(file, img);
        } else {
            usedBytes.addAndGet(-bytes);
        }
        return img;
    }
}
