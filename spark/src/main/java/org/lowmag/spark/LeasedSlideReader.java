package org.lowmag.spark;

import java.awt.image.BufferedImage;
import java.io.IOException;
import org.lowmag.slide.RegionRequest;
import org.lowmag.slide.SlideMetadata;
import org.lowmag.slide.SlideReader;

/**
 * A reader opened on a slide's copy in the local {@link SlideFileCache}: every call goes to the
 * reader; closing it also releases the copy (the cache may then evict it).
 */
final class LeasedSlideReader implements SlideReader {

    private final SlideReader reader;
    private final HadoopSlideLocation location;

    /**
     * @param reader the reader on the local copy
     * @param location the slide, holding the copy
     */
    LeasedSlideReader(SlideReader reader, HadoopSlideLocation location) {
        this.reader = reader;
        this.location = location;
    }

    @Override
    public SlideMetadata metadata() {
        return reader.metadata();
    }

    @Override
    public BufferedImage readRegion(RegionRequest request) throws IOException {
        return reader.readRegion(request);
    }

    @Override
    public int[] readLevelPixels(int level, long xPx, long yPx, int widthPx, int heightPx)
            throws IOException {
        return reader.readLevelPixels(level, xPx, yPx, widthPx, heightPx);
    }

    @Override
    public BufferedImage overview(int maxSidePx) throws IOException {
        return reader.overview(maxSidePx);
    }

    @Override
    public BufferedImage overview(int maxSidePx, int minSidePx) throws IOException {
        return reader.overview(maxSidePx, minSidePx);
    }

    @Override
    public BufferedImage thumbnail(int maxSidePx) throws IOException {
        return reader.thumbnail(maxSidePx);
    }

    @Override
    public BufferedImage readAssociatedImage(String name) throws IOException {
        return reader.readAssociatedImage(name);
    }

    @Override
    public String backend() {
        return reader.backend();
    }

    @Override
    public void close() throws IOException {
        try {
            reader.close();
        } finally {
            location.close();
        }
    }
}
