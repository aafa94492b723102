package org.lowmag.tissue;

import java.awt.image.BufferedImage;

/**
 * A binary tissue mask at analysis resolution, with the scale back to level 0: mask pixel {@code
 * (x, y)} covers level-0 pixels {@code [x dX, (x + 1) dX) x [y dY, (y + 1) dY)} where {@code dX,
 * dY} are {@link #downsampleX()}, {@link #downsampleY()}. Immutable.
 */
public final class TissueMask {

    private final int widthPx;
    private final int heightPx;
    private final boolean[] tissue;
    private final double downsampleX;
    private final double downsampleY;

    /**
     * @param tissue row-major tissue flags, {@code widthPx * heightPx} long (copied)
     * @param widthPx mask width
     * @param heightPx mask height
     * @param downsampleX level-0 pixels per mask pixel horizontally, positive
     * @param downsampleY level-0 pixels per mask pixel vertically, positive
     */
    public TissueMask(
            boolean[] tissue, int widthPx, int heightPx, double downsampleX, double downsampleY) {
        Masks.checkSize(tissue, widthPx, heightPx);
        if (!(downsampleX > 0 && downsampleY > 0)
                || Double.isInfinite(downsampleX)
                || Double.isInfinite(downsampleY)) {
            throw new IllegalArgumentException(
                    "downsamples must be finite and > 0, got " + downsampleX + ", " + downsampleY);
        }
        this.tissue = tissue.clone();
        this.widthPx = widthPx;
        this.heightPx = heightPx;
        this.downsampleX = downsampleX;
        this.downsampleY = downsampleY;
    }

    /**
     * Reads a mask image: pixels brighter than mid-grey (luma &gt; 127) are tissue.
     *
     * @param image a black/white mask image
     * @param downsampleX level-0 pixels per mask pixel horizontally
     * @param downsampleY level-0 pixels per mask pixel vertically
     * @return the mask
     */
    public static TissueMask fromImage(
            BufferedImage image, double downsampleX, double downsampleY) {
        double[] grey = GreyConversion.luma(image);
        boolean[] t = new boolean[grey.length];
        for (int i = 0; i < t.length; i++) {
            t[i] = grey[i] > 127.0;
        }
        return new TissueMask(t, image.getWidth(), image.getHeight(), downsampleX, downsampleY);
    }

    /**
     * @return mask width in pixels
     */
    public int widthPx() {
        return widthPx;
    }

    /**
     * @return mask height in pixels
     */
    public int heightPx() {
        return heightPx;
    }

    /**
     * @return level-0 pixels per mask pixel horizontally
     */
    public double downsampleX() {
        return downsampleX;
    }

    /**
     * @return level-0 pixels per mask pixel vertically
     */
    public double downsampleY() {
        return downsampleY;
    }

    /**
     * @param x column
     * @param y row
     * @return whether the pixel is tissue
     */
    public boolean isTissue(int x, int y) {
        return tissue[y * widthPx + x];
    }

    /**
     * @return a copy of the row-major flags
     */
    public boolean[] toArray() {
        return tissue.clone();
    }

    /**
     * @return the number of tissue pixels
     */
    public long areaPx() {
        long n = 0;
        for (boolean b : tissue) {
            if (b) {
                n++;
            }
        }
        return n;
    }

    /**
     * @return whether no pixel is tissue
     */
    public boolean isEmpty() {
        return areaPx() == 0;
    }

    /**
     * Intersection over union with a mask of the same size: {@code |A and B| / |A or B|} (1 when
     * both are empty).
     *
     * @param other the other mask
     * @return the IoU in [0, 1]
     */
    public double iou(TissueMask other) {
        if (other.widthPx != widthPx || other.heightPx != heightPx) {
            throw new IllegalArgumentException(
                    "masks differ in size: "
                            + widthPx
                            + "x"
                            + heightPx
                            + " vs "
                            + other.widthPx
                            + "x"
                            + other.heightPx);
        }
        long inter = 0;
        long union = 0;
        for (int i = 0; i < tissue.length; i++) {
            inter += tissue[i] && other.tissue[i] ? 1 : 0;
            union += tissue[i] || other.tissue[i] ? 1 : 0;
        }
        return union == 0 ? 1.0 : (double) inter / union;
    }

    /**
     * @return the mask as a grey image, tissue white (255) on black (0)
     */
    public BufferedImage toImage() {
        BufferedImage img = new BufferedImage(widthPx, heightPx, BufferedImage.TYPE_BYTE_GRAY);
        byte[] row = new byte[widthPx];
        for (int y = 0; y < heightPx; y++) {
            for (int x = 0; x < widthPx; x++) {
                row[x] = tissue[y * widthPx + x] ? (byte) 255 : 0;
            }
            img.getRaster().setDataElements(0, y, widthPx, 1, row);
        }
        return img;
    }
}
