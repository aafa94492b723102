package org.lowmag.serve;

import java.awt.image.BufferedImage;
import org.lowmag.infer.HeatmapRenderer;

/**
 * Turns a heatmap written by {@code lowmag predict} (the thumbnail with each tissue pixel blended
 * {@code out = (1 - a) thumbnail + a colour}, {@code a = } {@link HeatmapRenderer#ALPHA}, a legend
 * right of it) back into a transparent overlay of the colours alone, for the viewer to lay over the
 * slide with its own opacity.
 *
 * <p>Given the same thumbnail, re-read from the slide ({@code overview} at the heatmap's size):
 * pixels equal to it (every channel within 1) were not coloured and become transparent; the others
 * get {@code colour = (out - (1 - a) thumbnail) / a}, clamped to [0, 255]. When the re-read
 * thumbnail is another size, or under 2% of pixels match it (it is not the thumbnail the heatmap
 * was drawn over), the heatmap is returned opaque as written (tissue blended with its colour).
 */
final class HeatmapOverlay {

    /** Fraction of unchanged (background) pixels below which the thumbnails are taken to differ. */
    static final double MIN_UNCHANGED_FRACTION = 0.02;

    private HeatmapOverlay() {}

    /**
     * @param heatmap the heatmap file's image (map at the top left, legend to the right)
     * @param widthPx the thumbnail's width (the map's), or 0 when unknown (the whole image)
     * @param heightPx its height, or 0
     * @param thumbnail the slide's thumbnail re-read at that size, or null
     * @return an ARGB image of the map's size
     */
    static BufferedImage extract(
            BufferedImage heatmap, int widthPx, int heightPx, BufferedImage thumbnail) {
        int w = widthPx > 0 ? Math.min(widthPx, heatmap.getWidth()) : heatmap.getWidth();
        int h = heightPx > 0 ? Math.min(heightPx, heatmap.getHeight()) : heatmap.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        int[] heat = heatmap.getRGB(0, 0, w, h, null, 0, w);
        boolean sameSize =
                thumbnail != null && thumbnail.getWidth() == w && thumbnail.getHeight() == h;
        int[] thumb = sameSize ? thumbnail.getRGB(0, 0, w, h, null, 0, w) : null;
        long unchanged = 0;
        if (thumb != null) {
            for (int i = 0; i < heat.length; i++) {
                if (maxDiff(heat[i], thumb[i]) <= 1) {
                    unchanged++;
                }
            }
        }
        int[] argb = new int[heat.length];
        if (thumb == null || unchanged < MIN_UNCHANGED_FRACTION * heat.length) {
            for (int i = 0; i < heat.length; i++) {
                argb[i] = 0xFF000000 | heat[i];
            }
        } else {
            double a = HeatmapRenderer.ALPHA;
            for (int i = 0; i < heat.length; i++) {
                if (maxDiff(heat[i], thumb[i]) <= 1) {
                    continue;
                }
                int rgb = 0;
                for (int shift = 16; shift >= 0; shift -= 8) {
                    int o = (heat[i] >> shift) & 0xFF;
                    int t = (thumb[i] >> shift) & 0xFF;
                    long c = Math.round((o - (1 - a) * t) / a);
                    rgb |= (int) Math.max(0, Math.min(255, c)) << shift;
                }
                argb[i] = 0xFF000000 | rgb;
            }
        }
        out.setRGB(0, 0, w, h, argb, 0, w);
        return out;
    }

    private static int maxDiff(int p, int q) {
        int d = 0;
        for (int shift = 16; shift >= 0; shift -= 8) {
            d = Math.max(d, Math.abs(((p >> shift) & 0xFF) - ((q >> shift) & 0xFF)));
        }
        return d;
    }
}
