package org.lowmag.tiff;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.zip.Deflater;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.lowmag.tiff.PyramidTiffWriter.Compression;

/**
 * Encodes square RGB tiles for one file: edge tiles padded by repeating their last row and column,
 * then one complete JPEG stream (YCbCr, the encoder's chroma subsampling, which must stay the same
 * for every tile), Deflate after horizontal differencing (predictor 2), or raw RGB bytes.
 * Thread-safe: tiles of one file are encoded in parallel.
 */
final class TileEncoder {

    private final int tileSizePx;
    private final Compression compression;
    private final double jpegQuality;
    private int[] subsampling;

    /**
     * @param tileSizePx the tile side
     * @param compression the tile compression
     * @param jpegQuality JPEG quality in [0, 1]
     */
    TileEncoder(int tileSizePx, Compression compression, double jpegQuality) {
        this.tileSizePx = tileSizePx;
        this.compression = compression;
        this.jpegQuality = jpegQuality;
    }

    /**
     * @return the JPEG chroma subsampling seen so far, or null before the first JPEG tile
     */
    synchronized int[] subsampling() {
        return subsampling;
    }

    int[] pad(int[] px, int w, int h) {
        int t = tileSizePx;
        if (w == t && h == t) {
            return px;
        }
        int[] out = new int[t * t];
        for (int y = 0; y < t; y++) {
            int sy = Math.min(y, h - 1);
            for (int x = 0; x < t; x++) {
                out[y * t + x] = px[sy * w + Math.min(x, w - 1)];
            }
        }
        return out;
    }

    byte[] encode(int[] px) throws IOException {
        return switch (compression) {
            case JPEG -> jpeg(px);
            case DEFLATE -> deflate(rgbBytes(px, true));
            case NONE -> rgbBytes(px, false);
        };
    }

    private byte[] jpeg(int[] px) throws IOException {
        int t = tileSizePx;
        BufferedImage img = new BufferedImage(t, t, BufferedImage.TYPE_INT_RGB);
        img.getRaster().setDataElements(0, 0, t, t, px);
        ImageWriter writer = jpegWriter();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(t * t / 2);
        try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality((float) jpegQuality);
            writer.write(null, new IIOImage(img, null, null), param);
        } finally {
            writer.dispose();
        }
        JpegTileStream js = JpegTileStream.of(bytes.toByteArray());
        synchronized (this) {
            if (subsampling == null) {
                subsampling = js.subsampling();
            } else if (subsampling[0] != js.subsampling()[0]
                    || subsampling[1] != js.subsampling()[1]) {
                throw new IllegalStateException(
                        "JPEG encoder changed chroma subsampling between tiles");
            }
        }
        return js.data();
    }

    private byte[] rgbBytes(int[] px, boolean predictor) {
        int t = tileSizePx;
        byte[] out = new byte[px.length * 3];
        for (int i = 0; i < px.length; i++) {
            out[3 * i] = (byte) (px[i] >> 16);
            out[3 * i + 1] = (byte) (px[i] >> 8);
            out[3 * i + 2] = (byte) px[i];
        }
        if (predictor) {
            for (int y = 0; y < t; y++) {
                int row = y * t * 3;
                for (int i = t * 3 - 1; i >= 3; i--) {
                    out[row + i] = (byte) (out[row + i] - out[row + i - 3]);
                }
            }
        }
        return out;
    }

    private byte[] deflate(byte[] raw) {
        Deflater d = new Deflater(6);
        try {
            d.setInput(raw);
            d.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length / 2);
            byte[] buf = new byte[65536];
            while (!d.finished()) {
                out.write(buf, 0, d.deflate(buf));
            }
            return out.toByteArray();
        } finally {
            d.end();
        }
    }

    private static ImageWriter jpegWriter() {
        Iterator<ImageWriter> it = ImageIO.getImageWritersByFormatName("jpeg");
        if (!it.hasNext()) {
            throw new IllegalStateException("no JPEG ImageIO writer available");
        }
        return it.next();
    }
}
