package org.lowmag.tissue;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/**
 * Draws detected tissue on its overview: each piece's bounding box (in analysis pixels) in green,
 * labelled with its id.
 */
public final class TissueOverlay {

    private static final Color BOX = new Color(0, 200, 0);

    private TissueOverlay() {}

    /**
     * @param overview the image the detection ran on (same size as the mask)
     * @param detection the detection
     * @return a new RGB image: the overview with the boxes and ids drawn
     */
    public static BufferedImage draw(BufferedImage overview, TissueDetection detection) {
        TissueMask mask = detection.mask();
        if (overview.getWidth() != mask.widthPx() || overview.getHeight() != mask.heightPx()) {
            throw new IllegalArgumentException(
                    "overview is "
                            + overview.getWidth()
                            + "x"
                            + overview.getHeight()
                            + " but the mask is "
                            + mask.widthPx()
                            + "x"
                            + mask.heightPx());
        }
        BufferedImage out =
                new BufferedImage(
                        overview.getWidth(), overview.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.drawImage(overview, 0, 0, null);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            int side = Math.max(overview.getWidth(), overview.getHeight());
            float stroke = Math.max(2f, side / 400f);
            g.setStroke(new BasicStroke(stroke));
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, Math.max(12, side / 60)));
            g.setColor(BOX);
            for (TissueBox b : detection.boxes()) {
                g.drawRect(b.analysisX(), b.analysisY(), b.analysisWidth(), b.analysisHeight());
                int ty = Math.max(g.getFont().getSize(), b.analysisY() - (int) stroke);
                g.drawString(Integer.toString(b.id()), b.analysisX(), ty);
            }
        } finally {
            g.dispose();
        }
        return out;
    }
}
