package org.lowmag.slide;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.stream.ImageInputStream;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/** Test helpers: a smooth test pattern and reading TIFFs back IFD by IFD with TwelveMonkeys. */
final class TiffTestImages {

    private TiffTestImages() {}

    /**
     * A smooth pattern (JPEG-friendly) with some texture: {@code r = x/3, g = y/3, b = 128 + 60
     * sin(x/7) cos(y/9)}, each mod 256.
     */
    static BufferedImage pattern(int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int r = (x / 3) & 255;
                int g = (y / 3) & 255;
                int b = (int) Math.round(128 + 60 * Math.sin(x / 7.0) * Math.cos(y / 9.0));
                img.setRGB(x, y, r << 16 | g << 8 | b);
            }
        }
        return img;
    }

    static ImageReader twelveMonkeysTiffReader() {
        Iterator<ImageReader> it = ImageIO.getImageReadersByFormatName("tiff");
        while (it.hasNext()) {
            ImageReader r = it.next();
            if (r.getClass().getName().startsWith("com.twelvemonkeys")) {
                return r;
            }
        }
        throw new IllegalStateException("TwelveMonkeys TIFF reader not on the class path");
    }

    /** Every IFD of a TIFF, decoded. */
    static List<BufferedImage> readAll(Path file) throws IOException {
        ImageReader reader = twelveMonkeysTiffReader();
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            reader.setInput(in);
            int n = reader.getNumImages(true);
            List<BufferedImage> out = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                out.add(reader.read(i));
            }
            return out;
        } finally {
            reader.dispose();
        }
    }

    /** The value of a TIFF field of an IFD as TwelveMonkeys' native metadata reports it. */
    static String field(Path file, int ifd, int tag) throws IOException {
        ImageReader reader = twelveMonkeysTiffReader();
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            reader.setInput(in);
            IIOMetadata meta = reader.getImageMetadata(ifd);
            Node root = meta.getAsTree(meta.getNativeMetadataFormatName());
            Node f = find(root, tag);
            return f == null ? null : firstValue(f);
        } finally {
            reader.dispose();
        }
    }

    private static Node find(Node node, int tag) {
        NamedNodeMap attrs = node.getAttributes();
        if ("TIFFField".equals(node.getNodeName()) && attrs != null) {
            Node number = attrs.getNamedItem("number");
            if (number != null && Integer.parseInt(number.getNodeValue()) == tag) {
                return node;
            }
        }
        for (Node c = node.getFirstChild(); c != null; c = c.getNextSibling()) {
            Node hit = find(c, tag);
            if (hit != null) {
                return hit;
            }
        }
        return null;
    }

    private static String firstValue(Node node) {
        NamedNodeMap attrs = node.getAttributes();
        if (attrs != null
                && attrs.getNamedItem("value") != null
                && !"TIFFField".equals(node.getNodeName())) {
            return attrs.getNamedItem("value").getNodeValue();
        }
        for (Node c = node.getFirstChild(); c != null; c = c.getNextSibling()) {
            String v = firstValue(c);
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    /** Mean and max absolute channel difference. */
    static double[] diff(BufferedImage a, BufferedImage b) {
        assertEquals(a.getWidth(), b.getWidth(), "width");
        assertEquals(a.getHeight(), b.getHeight(), "height");
        double sum = 0;
        int max = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                int p = a.getRGB(x, y);
                int q = b.getRGB(x, y);
                for (int s = 0; s <= 16; s += 8) {
                    int d = Math.abs(((p >> s) & 255) - ((q >> s) & 255));
                    sum += d;
                    max = Math.max(max, d);
                }
            }
        }
        return new double[] {sum / (3.0 * a.getWidth() * a.getHeight()), max};
    }

    /** Area average by f with partial edge blocks: the writer's documented level formula. */
    static BufferedImage areaAverage(BufferedImage src, int f) {
        int w = (src.getWidth() + f - 1) / f;
        int h = (src.getHeight() + f - 1) / f;
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int[] sum = new int[3];
                int n = 0;
                for (int j = y * f; j < Math.min(src.getHeight(), y * f + f); j++) {
                    for (int i = x * f; i < Math.min(src.getWidth(), x * f + f); i++) {
                        int p = src.getRGB(i, j);
                        sum[0] += (p >> 16) & 255;
                        sum[1] += (p >> 8) & 255;
                        sum[2] += p & 255;
                        n++;
                    }
                }
                int half = n / 2;
                out.setRGB(
                        x,
                        y,
                        ((sum[0] + half) / n) << 16
                                | ((sum[1] + half) / n) << 8
                                | ((sum[2] + half) / n));
            }
        }
        return out;
    }
}
