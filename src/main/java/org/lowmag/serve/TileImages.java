package org.lowmag.serve;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/** Encodes tiles (JPEG, PNG) and draws the error tile. */
final class TileImages {

    /** JPEG quality of tiles and thumbnails. */
    static final float JPEG_QUALITY = 0.85f;

    private TileImages() {}

    /**
     * @param image an RGB image
     * @return its JPEG bytes at {@link #JPEG_QUALITY}
     * @throws IOException when encoding fails
     */
    static byte[] jpeg(BufferedImage image) throws IOException {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("jpeg");
        if (!writers.hasNext()) {
            throw new IOException("no JPEG encoder in this JVM");
        }
        ImageWriter writer = writers.next();
        ByteArrayOutputStream out = new ByteArrayOutputStream(32 * 1024);
        try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(ios);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(JPEG_QUALITY);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    /**
     * @param image an image (RGB or ARGB)
     * @return its PNG bytes
     * @throws IOException when encoding fails
     */
    static byte[] png(BufferedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        if (!ImageIO.write(image, "png", out)) {
            throw new IOException("no PNG encoder in this JVM");
        }
        return out.toByteArray();
    }

    /**
     * @param widthPx the tile width
     * @param heightPx the tile height
     * @return a grey tile with a red cross and "cannot read slide", JPEG
     */
    static byte[] errorTile(int widthPx, int heightPx) {
        BufferedImage img = new BufferedImage(widthPx, heightPx, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(new Color(225, 225, 225));
            g.fillRect(0, 0, widthPx, heightPx);
            g.setColor(new Color(200, 30, 30));
            g.setStroke(new BasicStroke(3f));
            g.drawLine(0, 0, widthPx, heightPx);
            g.drawLine(widthPx, 0, 0, heightPx);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, Math.max(9, widthPx / 16)));
            g.drawString("cannot read slide", 6, heightPx / 2 - 4);
        } finally {
            g.dispose();
        }
        try {
            return jpeg(img);
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode the error tile", e);
        }
    }
}
