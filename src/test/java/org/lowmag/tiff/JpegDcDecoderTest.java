package org.lowmag.tiff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.junit.jupiter.api.Test;

/**
 * {@link JpegDcDecoder} against the JDK's full JPEG decoder followed by 8 x 8 box means ({@link
 * BoxMean#of}, checked by hand on a 9 x 9 image).
 */
class JpegDcDecoderTest {

    private static byte[] jpeg(BufferedImage img, float quality, boolean progressive)
            throws IOException {
        ImageWriter w = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam p = w.getDefaultWriteParam();
        p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        p.setCompressionQuality(quality);
        if (progressive) {
            p.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            w.setOutput(out);
            w.write(null, new IIOImage(img, null, null), p);
        } finally {
            w.dispose();
        }
        return bytes.toByteArray();
    }

    private static int[] rgb(BufferedImage img) {
        return img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
    }

    /** Largest per-channel difference between two packed images. */
    private static int maxDiff(int[] a, int[] b) {
        assertEquals(a.length, b.length);
        int worst = 0;
        for (int i = 0; i < a.length; i++) {
            for (int shift = 0; shift <= 16; shift += 8) {
                int d = Math.abs((a[i] >> shift & 0xFF) - (b[i] >> shift & 0xFF));
                worst = Math.max(worst, d);
            }
        }
        return worst;
    }

    /**
     * 9 x 9 px, pixel (x, y) grey 10 x: blocks [0,8) x [0,8) mean 35, [8] x [0,8) = 80 (one
     * column), [0,8) x [8] = 35, [8] x [8] = 80 (one pixel).
     */
    @Test
    void boxMeanAveragesEachBlockOverThePixelsItHas() {
        int[] img = new int[81];
        for (int y = 0; y < 9; y++) {
            for (int x = 0; x < 9; x++) {
                int g = 10 * x;
                img[y * 9 + x] = g << 16 | g << 8 | g;
            }
        }
        int g35 = 35 << 16 | 35 << 8 | 35;
        int g80 = 80 << 16 | 80 << 8 | 80;
        assertArrayEquals(new int[] {g35, g80, g35, g80}, BoxMean.of(img, 9, 8));
    }

    /** A flat grey image is all DC: every block decodes to its grey, within JPEG's rounding. */
    @Test
    void aFlatGreyImageDecodesToItsGrey() throws IOException {
        BufferedImage img = new BufferedImage(40, 24, BufferedImage.TYPE_BYTE_GRAY);
        java.awt.Graphics2D g = img.createGraphics();
        g.setColor(new java.awt.Color(200, 200, 200));
        g.fillRect(0, 0, 40, 24);
        g.dispose();
        DcImage dc = JpegDcDecoder.decode(null, jpeg(img, 0.9f, false));
        assertEquals(5, dc.width());
        assertEquals(3, dc.height());
        assertEquals(1, dc.components());
        for (int s : dc.samples()[0]) {
            assertTrue(Math.abs(s - 200) <= 1, "sample " + s);
        }
    }

    /**
     * A colour image (YCbCr 4:2:0, as the JDK writes three channels: a chroma block covers a 16 x
     * 16 px MCU): the DC image's 2 x 2 means equal the full decode's 16 x 16 means within 2 grey
     * levels (IDCT and colour rounding, chroma upsampling) on every MCU inside the image (an MCU
     * crossing the right or bottom edge also averages the encoder's padding, which a full decode
     * crops). Luma alone is checked per 8 x 8 block, within 2, edge blocks included: a grey image.
     */
    @Test
    void aColourImageMatchesTheFullDecodesMcuMeans() throws IOException {
        for (int[] size : new int[][] {{256, 256}, {100, 70}}) {
            int w = size[0];
            int h = size[1];
            BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
            BufferedImage grey = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int r = 120 + (int) (80 * Math.sin(x / 40.0));
                    int gr = 100 + (int) (60 * Math.cos(y / 30.0));
                    int b = 150 + (int) (50 * Math.sin((x + y) / 9.0));
                    img.setRGB(x, y, r << 16 | gr << 8 | b);
                    grey.getRaster().setSample(x, y, 0, (r + gr + b) / 3);
                }
            }
            byte[] bytes = jpeg(img, 0.9f, false);
            BufferedImage full = ImageIO.read(new ByteArrayInputStream(bytes));
            DcImage dc = JpegDcDecoder.decode(null, bytes);
            int dcW = (w + 7) / 8;
            assertEquals(dcW, dc.width());
            assertEquals((h + 7) / 8, dc.height());
            int[] want = BoxMean.of(rgb(full), w, 16);
            int[] got = BoxMean.of(dc.toRgb(true), dcW, 2);
            int worst = maxDiff(whole(want, w, h), whole(got, w, h));
            assertTrue(worst <= 2, w + "x" + h + ": differs by " + worst);

            byte[] greyBytes = jpeg(grey, 0.9f, false);
            // raster samples: getRGB would map the JDK's linear grey colour space to sRGB
            java.awt.image.Raster decoded =
                    ImageIO.read(new ByteArrayInputStream(greyBytes)).getRaster();
            int[] fullGrey = new int[w * h];
            for (int i = 0; i < fullGrey.length; i++) {
                int g = decoded.getSample(i % w, i / w, 0);
                fullGrey[i] = g << 16 | g << 8 | g;
            }
            int[] wantGrey = BoxMean.of(fullGrey, w, 8);
            int worstGrey = maxDiff(wantGrey, JpegDcDecoder.decode(null, greyBytes).toRgb(false));
            assertTrue(worstGrey <= 2, w + "x" + h + " grey: differs by " + worstGrey);
        }
    }

    /** The MCU means of the MCUs wholly inside a w x h image. */
    private static int[] whole(int[] mcuMeans, int w, int h) {
        int across = (w + 15) / 16;
        int[] out = new int[(w / 16) * (h / 16)];
        for (int j = 0; j < h / 16; j++) {
            for (int i = 0; i < w / 16; i++) {
                out[j * (w / 16) + i] = mcuMeans[j * across + i];
            }
        }
        return out;
    }

    private static BufferedImage pattern(int w, int h, int seed) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int r = 120 + (int) (80 * Math.sin((x + seed) / 7.0));
                int g = 100 + (int) (60 * Math.cos((y * seed) / 5.0));
                int b = (x * 31 + y * 17 + seed) & 0xFF;
                img.setRGB(x, y, r << 16 | g << 8 | b);
            }
        }
        return img;
    }

    /**
     * One {@link JpegDcDecoder.Tables} decoding streams in turn, some repeating the previous
     * stream's header (same size and quality: read without its markers), some not (another quality
     * or size): each gives what a fresh decode gives.
     */
    @Test
    void tablesReusedAcrossStreamsDecodeEachAsAFreshDecoderDoes() throws IOException {
        byte[][] streams = {
            jpeg(pattern(64, 48, 1), 0.9f, false),
            jpeg(pattern(64, 48, 2), 0.9f, false),
            jpeg(pattern(64, 48, 3), 0.5f, false),
            jpeg(pattern(40, 24, 4), 0.5f, false),
            jpeg(pattern(64, 48, 1), 0.9f, false)
        };
        JpegDcDecoder.Tables tables = JpegDcDecoder.tables(null);
        assertTrue(!tables.repeatsLastHeader(streams[0]));
        for (int i = 0; i < streams.length; i++) {
            boolean repeats = tables.repeatsLastHeader(streams[i]);
            assertEquals(i == 1, repeats, "stream " + i);
            DcImage want = JpegDcDecoder.decode(null, streams[i]);
            DcImage got = JpegDcDecoder.decodeWith(tables, streams[i]);
            assertEquals(want.width(), got.width());
            assertArrayEquals(want.toRgb(true), got.toRgb(true), "stream " + i);
        }
    }

    /**
     * The same image encoded twice, once with a restart interval of 3 MCUs (a DRI marker, an RSTn
     * marker after every 3 MCUs, the DC prediction back at 0 after each): the coefficients are the
     * same, so the DC images are equal.
     */
    @Test
    void restartIntervalsDecodeAsWithout() throws IOException {
        BufferedImage img = pattern(100, 70, 5);
        byte[] plain = encode(img, 0);
        byte[] restarts = encode(img, 3);
        assertEquals(0, markers(plain, 0xD0));
        // 7 x 5 MCUs of 16 x 16 px: an RSTn after MCUs 3, 6, ..., 33
        assertEquals(11, markers(restarts, 0xD0));
        assertArrayEquals(
                JpegDcDecoder.decode(null, plain).toRgb(true),
                JpegDcDecoder.decode(null, restarts).toRgb(true));
    }

    /** Counts the markers {@code FF xx} with {@code first <= xx <= first + 7}. */
    private static int markers(byte[] b, int first) {
        int n = 0;
        for (int i = 0; i + 1 < b.length; i++) {
            int m = b[i + 1] & 0xFF;
            if ((b[i] & 0xFF) == 0xFF && m >= first && m <= first + 7) {
                n++;
            }
        }
        return n;
    }

    /**
     * Baseline JPEG at quality 0.8 by the JDK writer; a restart interval through its metadata
     * ({@code dri} node in {@code markerSequence}), none when 0.
     */
    private static byte[] encode(BufferedImage img, int interval) throws IOException {
        ImageWriter w = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam p = w.getDefaultWriteParam();
        p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        p.setCompressionQuality(0.8f);
        javax.imageio.metadata.IIOMetadata meta =
                w.getDefaultImageMetadata(
                        javax.imageio.ImageTypeSpecifier.createFromRenderedImage(img), p);
        if (interval > 0) {
            String format = "javax_imageio_jpeg_image_1.0";
            javax.imageio.metadata.IIOMetadataNode root =
                    (javax.imageio.metadata.IIOMetadataNode) meta.getAsTree(format);
            javax.imageio.metadata.IIOMetadataNode seq =
                    (javax.imageio.metadata.IIOMetadataNode)
                            root.getElementsByTagName("markerSequence").item(0);
            javax.imageio.metadata.IIOMetadataNode dri =
                    new javax.imageio.metadata.IIOMetadataNode("dri");
            dri.setAttribute("interval", Integer.toString(interval));
            seq.insertBefore(dri, seq.getFirstChild());
            meta.setFromTree(format, root);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            w.setOutput(out);
            w.write(null, new IIOImage(img, null, meta), p);
        } finally {
            w.dispose();
        }
        return bytes.toByteArray();
    }

    @Test
    void aProgressiveStreamIsLeftToTheFullDecoder() throws IOException {
        BufferedImage img = new BufferedImage(32, 32, BufferedImage.TYPE_INT_RGB);
        assertNull(JpegDcDecoder.decode(null, jpeg(img, 0.9f, true)));
    }

    @Test
    void aCorruptStreamIsAnError() {
        org.junit.jupiter.api.Assertions.assertThrows(
                IOException.class, () -> JpegDcDecoder.decode(null, new byte[] {1, 2, 3, 4, 5}));
    }
}
