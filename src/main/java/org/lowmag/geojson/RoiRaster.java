package org.lowmag.geojson;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Area;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import org.locationtech.jts.awt.ShapeWriter;
import org.locationtech.jts.geom.Geometry;

/**
 * A region of interest (level-0 pixels) drawn onto an image grid with Java2D's fill rule: a pixel
 * belongs to the region when its centre does (even-odd over all rings, so holes stay out and the
 * parts of a multipolygon are all in). The grid maps level-0 to image pixels by {@code u = (x -
 * originX) / downsampleX}, {@code v = (y - originY) / downsampleY}.
 */
public final class RoiRaster {

    private RoiRaster() {}

    /**
     * @param roi the region, level-0 pixels
     * @param widthPx grid width
     * @param heightPx grid height
     * @param downsampleX level-0 pixels per grid pixel across
     * @param downsampleY level-0 pixels per grid pixel down
     * @return row-major {@code [heightPx * widthPx]}, true inside the region
     */
    public static boolean[] mask(
            Geometry roi, int widthPx, int heightPx, double downsampleX, double downsampleY) {
        BufferedImage img = new BufferedImage(widthPx, heightPx, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
            g.setColor(Color.WHITE);
            g.fill(shape(roi, 0, 0, downsampleX, downsampleY));
        } finally {
            g.dispose();
        }
        byte[] px = ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
        boolean[] out = new boolean[px.length];
        for (int i = 0; i < px.length; i++) {
            out[i] = px[i] != 0;
        }
        return out;
    }

    /**
     * Paints white (the background the network is given around tissue) every pixel of an image
     * outside the region, in place.
     *
     * @param image an image of the level-0 rectangle starting at {@code (originX, originY)}
     * @param roi the region, level-0 pixels
     * @param originX level-0 x of the image's left edge
     * @param originY level-0 y of the image's top edge
     * @param downsampleX level-0 pixels per image pixel across
     * @param downsampleY level-0 pixels per image pixel down
     */
    public static void whiteOutside(
            BufferedImage image,
            Geometry roi,
            double originX,
            double originY,
            double downsampleX,
            double downsampleY) {
        Area outside = new Area(new Rectangle2D.Double(0, 0, image.getWidth(), image.getHeight()));
        outside.subtract(new Area(shape(roi, originX, originY, downsampleX, downsampleY)));
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
            g.setColor(Color.WHITE);
            g.fill(outside);
        } finally {
            g.dispose();
        }
    }

    private static Shape shape(
            Geometry roi, double originX, double originY, double downsampleX, double downsampleY) {
        AffineTransform t = AffineTransform.getScaleInstance(1 / downsampleX, 1 / downsampleY);
        t.translate(-originX, -originY);
        return t.createTransformedShape(new ShapeWriter().toShape(roi));
    }
}
