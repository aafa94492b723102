package org.lowmag.slide;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.lowmag.tiff.FileChannelSource;
import org.lowmag.tiff.RandomAccessSource;
import org.lowmag.tiff.TiffDirectoryChain;
import org.lowmag.tiff.TiffFile;
import org.lowmag.tiff.TiffLayout;
import org.lowmag.tiff.TiffPage;
import org.lowmag.tiff.TiffTags;
import org.lowmag.tiff.TiffTileDecoder;
import org.lowmag.tiff.UnsupportedTiffException;

/**
 * Pure-Java reader for TIFF-based slides: Aperio SVS with JPEG (or LZW/Deflate) tiles, tiled
 * pyramidal TIFF and BigTIFF, and plain striped TIFF. See {@link TiffLayout} for how levels and
 * associated images are found. A region decodes only the tiles (or strips) it touches, each on its
 * own ({@link TiffTileDecoder}), and keeps recently decoded tiles in a small cache.
 *
 * <p>JPEG 2000 tiles (Aperio compression 33003/33005, 34712) and other compressions that
 * TwelveMonkeys cannot decode make {@link #open} throw {@link UnsupportedSlideException}, so that
 * {@link SlideReaders} falls back to OpenSlide.
 *
 * <p>Thread-safety: {@link #readRegion} and {@link #readAssociatedImage} may be called from several
 * threads at once (positional file reads, a decoder per call, a synchronised cache); {@link #close}
 * waits for reads in progress.
 */
public final class TiffSlideReader extends AbstractSlideReader {

    /** Default tile cache size in pixels (64 MiB of RGB ints). */
    static final long DEFAULT_CACHE_PIXELS = 16L << 20;

    private final String path;
    private final RandomAccessSource source;
    private final ByteOrder order;
    private final TiffLayout layout;
    private final SlideMetadata metadata;
    private final TileCache cache;
    private final AtomicLong tilesDecoded = new AtomicLong();

    private TiffSlideReader(RandomAccessSource source, ByteOrder order, TiffLayout layout) {
        this.path = source.name();
        this.source = source;
        this.order = order;
        this.layout = layout;
        this.metadata = buildMetadata(source.name(), layout);
        this.cache = new TileCache(DEFAULT_CACHE_PIXELS);
    }

    @Override
    public SlideMetadata metadata() {
        return metadata;
    }

    @Override
    public String backend() {
        return "tiff";
    }

    /**
     * @return how many tiles or strips this reader has decoded so far (cache misses)
     */
    long tilesDecoded() {
        return tilesDecoded.get();
    }

    @Override
    LevelPixelSource pixels() {
        return new LevelPixelSource() {
            @Override
            public double downsampleX(int level) {
                return metadata.widthPx() / (double) layout.levels().get(level).widthPx;
            }

            @Override
            public double downsampleY(int level) {
                return metadata.heightPx() / (double) layout.levels().get(level).heightPx;
            }

            @Override
            public int[] readLevel(int level, long x, long y, int width, int height)
                    throws IOException {
                return readPage(layout.levels().get(level), x, y, width, height);
            }
        };
    }

    @Override
    BufferedImage readAssociated(String name) throws IOException {
        TiffPage page = layout.associated().get(name);
        if (!TiffFile.SUPPORTED_COMPRESSIONS.contains(page.compression)) {
            throw new UnsupportedSlideException(
                    path
                            + ": associated image '"
                            + name
                            + "' uses TIFF compression "
                            + page.compression
                            + ", which the pure-Java TIFF reader cannot decode");
        }
        int[] rgb = readPage(page, 0, 0, page.widthPx, page.heightPx);
        return toImage(rgb, page.widthPx, page.heightPx);
    }

    /**
     * The whole slide at {@code downsample = max(1, max(W, H) / maxSidePx)}, as {@link
     * SlideReader#thumbnail}, but from the chosen level's {@link DcLevel} (8 x 8 block means from
     * the JPEG DC coefficients, no inverse DCT) when that level is JPEG-tiled and the downsample
     * left after it is at least 8: a single-level slide's overview no longer decodes every pixel.
     */
    @Override
    public BufferedImage thumbnail(int maxSidePx) throws IOException {
        if (maxSidePx > 0) {
            double ds =
                    Math.max(
                            1.0,
                            Math.max(metadata.widthPx(), metadata.heightPx()) / (double) maxSidePx);
            int level = LevelChooser.choose(metadata.downsamples(), ds);
            TiffPage page = layout.levels().get(level);
            LevelPixelSource levels = pixels();
            if (ds / levels.downsampleX(level) >= DcLevel.SCALE
                    && ds / levels.downsampleY(level) >= DcLevel.SCALE
                    && TiffTileDecoder.supportsDc(page)) {
                DcLevel dc =
                        new DcLevel(
                                source,
                                order,
                                page,
                                levels.downsampleX(level),
                                levels.downsampleY(level));
                return render(
                        new RegionRequest(0, 0, metadata.widthPx(), metadata.heightPx(), ds), dc);
            }
        }
        return super.thumbnail(maxSidePx);
    }

    /** Reads a rectangle of one IFD from the tiles it touches ({@link TileGrid}). */
    private int[] readPage(TiffPage page, long x, long y, int width, int height)
            throws IOException {
        return TileGrid.read(
                source,
                order,
                page.widthPx,
                page.heightPx,
                page.tileWidthPx,
                page.tileHeightPx,
                page.tilesAcross(),
                x,
                y,
                width,
                height,
                (decoder, tile) -> tile(decoder, page, tile));
    }

    private int[] tile(TiffTileDecoder decoder, TiffPage page, int tile) throws IOException {
        long key = TileCache.key(page.ifd, tile);
        int[] pixels = cache.get(key);
        if (pixels == null) {
            try {
                int[] jpeg = decoder.decodeRgb(page, tile);
                pixels = jpeg != null ? jpeg : RgbPixels.toRgb(decoder.decode(page, tile));
            } catch (UnsupportedTiffException e) {
                throw unsupported(e);
            }
            tilesDecoded.incrementAndGet();
            cache.put(key, pixels);
        }
        return pixels;
    }

    @Override
    void release() throws IOException {
        cache.clear();
        source.close();
    }

    /**
     * Opens a TIFF-based slide file.
     *
     * @param path the file
     * @return the reader
     * @throws UnsupportedSlideException when the file uses a compression or sample format this
     *     reader cannot decode (e.g. JPEG 2000), or is not a TIFF
     * @throws IOException when the file is missing, truncated or corrupt
     */
    public static TiffSlideReader open(Path path) throws IOException {
        return open(FileChannelSource.open(path));
    }

    /**
     * Opens a TIFF-based slide from its bytes wherever they live; reads only the header, the
     * directories and, later, the tiles a region needs.
     *
     * @param source the slide's bytes; the reader owns it (closes it with itself, or at once when
     *     this throws)
     * @return the reader
     * @throws UnsupportedSlideException when the file uses a compression or sample format this
     *     reader cannot decode (e.g. JPEG 2000), or is not a TIFF
     * @throws IOException when the file is truncated or corrupt
     */
    public static TiffSlideReader open(RandomAccessSource source) throws IOException {
        boolean ok = false;
        try {
            long size = source.size();
            ByteOrder order = TiffFile.readHeader(source, size);
            TiffDirectoryChain.check(source, order, size);
            List<TiffTags> ifds = TiffFile.readDirectories(source);
            TiffLayout layout = TiffLayout.of(ifds, size);
            TiffFile.checkDecodable(
                    source.name(),
                    layout,
                    OpenSlideReader.isAvailable() ? "" : "; OpenSlide can (install libopenslide0)");
            TiffSlideReader reader = new TiffSlideReader(source, order, layout);
            ok = true;
            return reader;
        } catch (UnsupportedTiffException e) {
            throw unsupported(e);
        } finally {
            if (!ok) {
                source.close();
            }
        }
    }

    /** The TIFF layer's refusal as the slide layer's, so that {@link SlideReaders} tries on. */
    private static UnsupportedSlideException unsupported(UnsupportedTiffException e) {
        return new UnsupportedSlideException(e.getMessage(), e);
    }

    private static SlideMetadata buildMetadata(String path, TiffLayout layout) {
        List<Long> widths = new ArrayList<>();
        List<Long> heights = new ArrayList<>();
        List<Double> downsamples = new ArrayList<>();
        TiffPage base = layout.levels().get(0);
        for (TiffPage level : layout.levels()) {
            widths.add((long) level.widthPx);
            heights.add((long) level.heightPx);
            downsamples.add(
                    (base.widthPx / (double) level.widthPx
                                    + base.heightPx / (double) level.heightPx)
                            / 2);
        }
        return new SlideMetadata(
                path,
                base.widthPx,
                base.heightPx,
                widths,
                heights,
                downsamples,
                layout.mppX(),
                layout.mppY(),
                layout.objectivePower(),
                layout.vendor(),
                List.copyOf(layout.associated().keySet()),
                layout.properties());
    }
}
