package org.lowmag.slide;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.DataBufferInt;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import org.lowmag.tiff.InterleavedBytes;

/**
 * Conversions of decoded images to packed 8-bit RGB ({@code 0xRRGGBB}) with transparency composited
 * onto white.
 *
 * <p>Compositing onto white, for straight alpha {@code a} in [0, 255]: {@code out = (c * a + 255 *
 * (255 - a)) / 255}; for premultiplied {@code c_p = c * a / 255}: {@code out = c_p + 255 - a}.
 * Samples wider than 8 bits are scaled {@code v * 255 / (2^bits - 1)}, rounded.
 */
final class RgbPixels {

    private RgbPixels() {}

    /**
     * @param image a decoded image (RGB, RGBA, grey, grey+alpha, palette, 8 or 16 bits)
     * @return its pixels as packed RGB, row-major
     */
    static int[] toRgb(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        int[] interleaved = fromInterleavedBytes(image, w, h);
        if (interleaved != null) {
            return interleaved;
        }
        if (image.getType() == BufferedImage.TYPE_INT_RGB) {
            int[] data = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
            if (image.getRaster().getParent() == null && data.length == w * h) {
                return data.clone();
            }
            int[] rgb = image.getRGB(0, 0, w, h, null, 0, w);
            for (int i = 0; i < rgb.length; i++) {
                rgb[i] &= 0xFFFFFF;
            }
            return rgb;
        }
        ColorModel cm = image.getColorModel();
        int type = cm.getColorSpace().getType();
        boolean component = !(cm instanceof IndexColorModel);
        if (component && (type == ColorSpace.TYPE_RGB || type == ColorSpace.TYPE_GRAY)) {
            return fromSamples(image.getRaster(), cm, w, h);
        }
        int[] argb = image.getRGB(0, 0, w, h, null, 0, w);
        for (int i = 0; i < argb.length; i++) {
            argb[i] = overWhite(argb[i]);
        }
        return argb;
    }

    /**
     * The fast path for 8-bit RGB without alpha stored pixel-interleaved in one byte array (JPEG
     * tiles decode to {@code TYPE_3BYTE_BGR}; edge tiles are sub-images of one), read by {@link
     * InterleavedBytes}.
     *
     * @return the packed pixels, or null when the image is stored otherwise
     */
    private static int[] fromInterleavedBytes(BufferedImage image, int w, int h) {
        ColorModel cm = image.getColorModel();
        if (image.getRaster().getNumBands() != 3
                || cm.hasAlpha()
                || cm instanceof IndexColorModel
                || !cm.getColorSpace().isCS_sRGB()
                || cm.getComponentSize(0) != 8
                || cm.getComponentSize(1) != 8
                || cm.getComponentSize(2) != 8) {
            return null;
        }
        InterleavedBytes layout = InterleavedBytes.of(image.getRaster());
        return layout == null ? null : layout.packRgb(w, h);
    }

    /** Reads samples band by band: grey, grey+alpha, RGB or RGB+alpha (band order R, G, B, A). */
    private static int[] fromSamples(Raster raster, ColorModel cm, int w, int h) {
        int bands = raster.getNumBands();
        boolean grey = cm.getColorSpace().getType() == ColorSpace.TYPE_GRAY;
        int colourBands = grey ? 1 : 3;
        boolean alpha = cm.hasAlpha() && bands > colourBands;
        boolean premultiplied = alpha && cm.isAlphaPremultiplied();
        int[][] samples = new int[bands][];
        for (int b = 0; b < Math.min(bands, colourBands + 1); b++) {
            samples[b] = to8Bit(raster.getSamples(0, 0, w, h, b, (int[]) null), cm, b);
        }
        int[] out = new int[w * h];
        for (int i = 0; i < out.length; i++) {
            int r = samples[0][i];
            int g = grey ? r : samples[1][i];
            int bl = grey ? r : samples[2][i];
            int a = alpha ? samples[colourBands][i] : 255;
            out[i] = composite(r, g, bl, a, premultiplied);
        }
        return out;
    }

    private static int[] to8Bit(int[] values, ColorModel cm, int band) {
        int bits = cm.getComponentSize(Math.min(band, cm.getNumComponents() - 1));
        if (bits == 8) {
            return values;
        }
        long max = (1L << bits) - 1;
        for (int i = 0; i < values.length; i++) {
            values[i] = (int) ((values[i] * 255L + max / 2) / max);
        }
        return values;
    }

    private static int composite(int r, int g, int b, int a, boolean premultiplied) {
        if (a == 255) {
            return r << 16 | g << 8 | b;
        }
        int nr = premultiplied ? Math.min(255, r + 255 - a) : (r * a + 255 * (255 - a) + 127) / 255;
        int ng = premultiplied ? Math.min(255, g + 255 - a) : (g * a + 255 * (255 - a) + 127) / 255;
        int nb = premultiplied ? Math.min(255, b + 255 - a) : (b * a + 255 * (255 - a) + 127) / 255;
        return nr << 16 | ng << 8 | nb;
    }

    /**
     * @param argb straight (non-premultiplied) ARGB
     * @return RGB composited onto white
     */
    static int overWhite(int argb) {
        int a = argb >>> 24;
        return composite((argb >> 16) & 0xFF, (argb >> 8) & 0xFF, argb & 0xFF, a, false);
    }

    /**
     * @param argb premultiplied ARGB (OpenSlide's format)
     * @return RGB composited onto white: {@code c_p + 255 - a} per channel
     */
    static int premultipliedOverWhite(int argb) {
        int a = argb >>> 24;
        return composite((argb >> 16) & 0xFF, (argb >> 8) & 0xFF, argb & 0xFF, a, true);
    }
}
