package org.lowmag.tissue;

import java.awt.image.BufferedImage;

/**
 * RGB to grey as tissueloc's {@code rgb2gray}: {@code Y = 0.299 R + 0.587 G + 0.114 B} (ITU-R
 * BT.601 luma) on 8-bit values, so {@code Y} is in [0, 255]. Alpha is ignored; a grey image gives
 * its raw levels.
 */
public final class GreyConversion {

    /** Weight of red. */
    public static final double RED = 0.299;

    /** Weight of green. */
    public static final double GREEN = 0.587;

    /** Weight of blue. */
    public static final double BLUE = 0.114;

    private GreyConversion() {}

    /**
     * @param rgb packed {@code 0xRRGGBB} pixel
     * @return its luma in [0, 255]
     */
    public static double luma(int rgb) {
        return RED * ((rgb >> 16) & 0xff) + GREEN * ((rgb >> 8) & 0xff) + BLUE * (rgb & 0xff);
    }

    /**
     * @param image an image of any type
     * @return row-major luma values, {@code width * height} long
     */
    public static double[] luma(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        double[] grey = new double[Math.multiplyExact(w, h)];
        if (image.getType() == BufferedImage.TYPE_BYTE_GRAY) {
            // raw grey levels (getRGB would pass them through a colour-space conversion)
            image.getRaster().getSamples(0, 0, w, h, 0, grey);
            return grey;
        }
        int[] row = new int[w];
        // packed RGB rasters hand out their pixels as they are; others go through getRGB
        boolean packed =
                image.getType() == BufferedImage.TYPE_INT_RGB
                        || image.getType() == BufferedImage.TYPE_INT_ARGB;
        for (int y = 0; y < h; y++) {
            if (packed) {
                image.getRaster().getDataElements(0, y, w, 1, row);
            } else {
                image.getRGB(0, y, w, 1, row, 0, w);
            }
            for (int x = 0; x < w; x++) {
                grey[y * w + x] = luma(row[x]);
            }
        }
        return grey;
    }
}
