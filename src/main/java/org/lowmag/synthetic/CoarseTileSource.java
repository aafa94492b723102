package org.lowmag.synthetic;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import org.lowmag.tiff.PyramidTiffWriter;

/**
 * Draws a slide {@code scale} times coarser than it is written and repeats each drawn pixel over a
 * {@code scale x scale} block, so a full-size slide for timing and memory benchmarks costs {@code
 * scale^2} times less drawing. Level-0 pixel {@code (x, y)} is coarse pixel {@code (floor(x /
 * scale), floor(y / scale))} of the plan drawn at {@code mpp * scale} um/px; the slide keeps its
 * size and um/px, only its finest detail is lost (a 40x slide drawn at scale 4 shows 10x detail).
 * Thread-safe, and every pixel is a function of its position, as {@link SlideRenderer}'s.
 */
final class CoarseTileSource implements PyramidTiffWriter.TileSource {

    private final SlideRenderer coarse;
    private final int scale;

    /**
     * @param plan the slide
     * @param mpp micrometres per written (level-0) pixel
     * @param scale written pixels per drawn pixel a side, at least 2
     */
    CoarseTileSource(SlidePlan plan, double mpp, int scale) {
        if (scale < 2) {
            throw new IllegalArgumentException("coarse drawing needs a scale >= 2, got " + scale);
        }
        this.coarse = new SlideRenderer(plan, mpp * scale);
        this.scale = scale;
    }

    @Override
    public BufferedImage render(int xPx, int yPx, int widthPx, int heightPx) {
        int cx0 = Math.floorDiv(xPx, scale);
        int cy0 = Math.floorDiv(yPx, scale);
        int cw = Math.floorDiv(xPx + widthPx - 1, scale) - cx0 + 1;
        int ch = Math.floorDiv(yPx + heightPx - 1, scale) - cy0 + 1;
        BufferedImage drawn = coarse.render(cx0, cy0, cw, ch);
        int[] src = drawn.getRGB(0, 0, cw, ch, null, 0, cw);
        BufferedImage out = new BufferedImage(widthPx, heightPx, BufferedImage.TYPE_INT_RGB);
        int[] dst = ((DataBufferInt) out.getRaster().getDataBuffer()).getData();
        for (int j = 0; j < heightPx; j++) {
            int row = (Math.floorDiv(yPx + j, scale) - cy0) * cw;
            for (int i = 0; i < widthPx; i++) {
                dst[j * widthPx + i] = src[row + Math.floorDiv(xPx + i, scale) - cx0] & 0xFFFFFF;
            }
        }
        return out;
    }
}
