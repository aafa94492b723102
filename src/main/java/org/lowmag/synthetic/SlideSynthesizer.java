package org.lowmag.synthetic;

import java.io.IOException;
import java.nio.file.Path;
import org.lowmag.tiff.PyramidTiffWriter;

/**
 * Makes one synthetic whole slide: plans it from a seed ({@link SlidePlanner}), draws it ({@link
 * SlideRenderer}) and writes it as a pyramidal Aperio-style TIFF ({@link PyramidTiffWriter}) that
 * LowMag's readers and OpenSlide open like a scanner's file.
 */
public final class SlideSynthesizer {

    private final SynthesisParams params;
    private final SlidePlanner planner;
    private final PyramidTiffWriter writer;
    private final int drawScale;

    /**
     * @param params the physical set-up (um/px, slide size)
     * @param jpegQuality JPEG quality of the tiles, in (0, 1]
     * @param threads threads that draw and encode tiles
     */
    public SlideSynthesizer(SynthesisParams params, double jpegQuality, int threads) {
        this(params, jpegQuality, threads, 1);
    }

    /**
     * @param params the physical set-up (um/px, slide size)
     * @param jpegQuality JPEG quality of the tiles, in (0, 1]
     * @param threads threads that draw and encode tiles
     * @param drawScale written pixels per drawn pixel a side: 1 draws every pixel, {@code s > 1}
     *     draws {@code s^2} times fewer and repeats them ({@link CoarseTileSource}; for benchmark
     *     slides)
     */
    public SlideSynthesizer(
            SynthesisParams params, double jpegQuality, int threads, int drawScale) {
        if (drawScale < 1) {
            throw new IllegalArgumentException("draw scale must be >= 1, got " + drawScale);
        }
        this.drawScale = drawScale;
        this.params = params;
        this.planner = new SlidePlanner(params);
        this.writer =
                PyramidTiffWriter.builder()
                        .setMpp(params.mpp(), params.mpp())
                        .optJpegQuality(jpegQuality)
                        .optThreads(threads)
                        .optTitle("LowMag synthetic")
                        .optField("Generator", "lowmag synthesize")
                        .build();
    }

    /**
     * @return the physical set-up
     */
    public SynthesisParams params() {
        return params;
    }

    /**
     * @param c the class
     * @param seed the seed
     * @return the slide's plan
     */
    public SlidePlan plan(TissueClass c, long seed) {
        return planner.plan(c, seed);
    }

    /**
     * @param plan a plan
     * @return a renderer at the set-up's resolution
     */
    public SlideRenderer renderer(SlidePlan plan) {
        return new SlideRenderer(plan, params.mpp());
    }

    /**
     * Draws and writes a slide (atomically).
     *
     * @param plan the slide's plan
     * @param target the file to write ({@code .svs} or {@code .tif})
     * @throws IOException when the file cannot be written
     */
    public void write(SlidePlan plan, Path target) throws IOException {
        SlideRenderer r = renderer(plan);
        PyramidTiffWriter.TileSource source =
                drawScale == 1 ? r : new CoarseTileSource(plan, params.mpp(), drawScale);
        writer.write(target, r.widthPx(), r.heightPx(), source);
    }
}
