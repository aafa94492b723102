package org.lowmag.prepare;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.lowmag.resample.StreamingResampler;
import org.lowmag.slide.SlideMetadata;
import org.lowmag.slide.SlideReader;

/**
 * Renders a tissue box of a slide at several magnifications, each directly from the pyramid level
 * {@link LevelRead} picks (never from another magnification's output), with Lanczos-3.
 *
 * <p>The level rectangle is read in horizontal strips of {@code rows = clamp(stripPixels / levelW,
 * 1, levelH)} rows through {@link SlideReader#readLevelPixels} (exact level pixels, no resampling);
 * every row goes to a {@link StreamingResampler} per magnification reading that rectangle, which
 * keeps only the {@code 2 ceil(3 s) + 1} intermediate rows its Lanczos window needs. The result is
 * bit for bit the Lanczos resize of the whole rectangle read at once, for any strip height.
 * Magnifications that read the same rectangle share one pass over it.
 *
 * <p>Peak memory of one call, for the rectangle read in one pass (levelW wide) and the outputs
 * {@code outW_i x outH_i} made from it:
 *
 * <pre>
 *   4 min(stripPixels, levelW levelH)                  the strip (16 MiB by default)
 * + sum_i 4 outW_i outH_i                              the outputs
 * + sum_i (12 K_i outW_i + 12 levelW)                  rings and row scratch, K_i = 2 ceil(3 s_i) + 1
 * </pre>
 *
 * Example: a 20000 x 20000 px tissue of a single-level 40x slide cut at 10, 5, 2.5, 1.25 and 0.625x
 * holds a 16 MiB strip, outputs of 5000^2 + 2500^2 + ... px (133 MB) and about 8 MB of rings: some
 * 160 MB, against 1.6 GB for the level-0 tissue itself. The outputs are handed to the sink and
 * dropped after each pass. Thread-safe (no state besides the strip size).
 */
public final class PyramidRenderer {

    /** Default strip size: 4 Mi level pixels (16 MiB). */
    public static final int DEFAULT_STRIP_PIXELS = 1 << 22;

    private final int stripPixels;

    /** A renderer with {@link #DEFAULT_STRIP_PIXELS}. */
    public PyramidRenderer() {
        this(DEFAULT_STRIP_PIXELS);
    }

    /**
     * @param stripPixels level pixels read at a time, at least 1 (a strip has at least one row)
     */
    public PyramidRenderer(int stripPixels) {
        if (stripPixels < 1) {
            throw new IllegalArgumentException("strip size must be >= 1 px, got " + stripPixels);
        }
        this.stripPixels = stripPixels;
    }

    /**
     * Plans the reads of a box at some magnifications.
     *
     * @param meta the slide
     * @param x box left edge, level-0 pixels
     * @param y box top edge, level-0 pixels
     * @param widthL0 box width, level-0 pixels
     * @param heightL0 box height, level-0 pixels
     * @param slideMag the slide's level-0 magnification
     * @param mags the magnifications
     * @return one plan per magnification, in order
     */
    public static List<LevelRead> plan(
            SlideMetadata meta,
            long x,
            long y,
            long widthL0,
            long heightL0,
            double slideMag,
            List<Double> mags) {
        List<LevelRead> reads = new ArrayList<>();
        for (double mag : mags) {
            reads.add(LevelRead.plan(meta, x, y, widthL0, heightL0, slideMag, mag));
        }
        return reads;
    }

    /**
     * Renders the planned reads, one pass per distinct level rectangle.
     *
     * @param reader the slide
     * @param reads the plans
     * @param sink receives each magnification's image
     * @throws IOException when reading the slide or writing fails
     */
    public void render(SlideReader reader, List<LevelRead> reads, TissueCutter.ImageSink sink)
            throws IOException {
        List<LevelRead> left = new ArrayList<>(reads);
        while (!left.isEmpty()) {
            LevelRead head = left.get(0);
            List<LevelRead> pass = left.stream().filter(head::sameSource).toList();
            left.removeAll(pass);
            List<StreamingResampler> outs = stream(reader, pass);
            for (int i = 0; i < pass.size(); i++) {
                sink.accept(pass.get(i).magnification(), outs.get(i).result());
            }
        }
    }

    /** One pass over a level rectangle, feeding one resampler per read. */
    private List<StreamingResampler> stream(SlideReader reader, List<LevelRead> pass)
            throws IOException {
        LevelRead r = pass.get(0);
        int w = r.levelWidthPx();
        int h = r.levelHeightPx();
        List<StreamingResampler> outs = new ArrayList<>();
        for (LevelRead p : pass) {
            outs.add(new StreamingResampler(w, h, p.outWidthPx(), p.outHeightPx()));
        }
        int rows = (int) Math.max(1, Math.min(h, stripPixels / (long) w));
        for (int y = 0; y < h; y += rows) {
            int n = Math.min(rows, h - y);
            int[] strip = reader.readLevelPixels(r.level(), r.levelX(), r.levelY() + y, w, n);
            for (StreamingResampler s : outs) {
                s.push(strip, 0, w, n);
            }
        }
        return outs;
    }

    /**
     * @return level pixels read at a time
     */
    public int stripPixels() {
        return stripPixels;
    }

    /**
     * Convenience for tests and callers holding everything: the planned reads rendered into a list.
     *
     * @param reader the slide
     * @param reads the plans
     * @return the images, in the order of {@code reads}
     * @throws IOException when reading fails
     */
    public List<BufferedImage> renderAll(SlideReader reader, List<LevelRead> reads)
            throws IOException {
        BufferedImage[] out = new BufferedImage[reads.size()];
        render(
                reader,
                reads,
                (mag, img) -> {
                    for (int i = 0; i < reads.size(); i++) {
                        if (out[i] == null && reads.get(i).magnification() == mag) {
                            out[i] = img;
                            return;
                        }
                    }
                });
        return List.of(out);
    }
}
