package org.lowmag.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.nio.FloatBuffer;
import java.util.List;
import org.lowmag.dataset.RgbImage;

/**
 * Turns images into standardised network inputs: {@code [N, 3, H, W]} float32 with {@code x' = (x /
 * 255 - mean_c) / std_c} (see {@link Normalization}).
 */
public final class InputTensors {

    private InputTensors() {}

    /**
     * Stacks images of one size into a batch.
     *
     * @param manager owner of the result (a short-lived sub-manager)
     * @param images images, all of the same width and height
     * @param norm the standardisation
     * @return {@code [N, 3, H, W]}
     * @throws IllegalArgumentException when sizes differ
     */
    public static NDArray batch(NDManager manager, List<RgbImage> images, Normalization norm) {
        int w = images.get(0).widthPx();
        int h = images.get(0).heightPx();
        int plane = w * h;
        float[] data = new float[images.size() * 3 * plane];
        float[][] lut = lookupTables(norm);
        int o = 0;
        for (RgbImage img : images) {
            if (img.widthPx() != w || img.heightPx() != h) {
                throw new IllegalArgumentException(
                        "batch images must share a size: "
                                + w
                                + "x"
                                + h
                                + " vs "
                                + img.widthPx()
                                + "x"
                                + img.heightPx());
            }
            for (int c = 0; c < 3; c++) {
                byte[] src = img.planes()[c];
                float[] t = lut[c];
                for (int i = 0; i < plane; i++) {
                    data[o++] = t[src[i] & 255];
                }
            }
        }
        return manager.create(FloatBuffer.wrap(data), new Shape(images.size(), 3, h, w));
    }

    /** Per channel, the standardised value of each byte value 0..255. */
    private static float[][] lookupTables(Normalization norm) {
        float[][] lut = new float[3][256];
        for (int c = 0; c < 3; c++) {
            double m = norm.mean().get(c);
            double s = norm.std().get(c);
            for (int v = 0; v < 256; v++) {
                lut[c][v] = (float) ((v / 255.0 - m) / s);
            }
        }
        return lut;
    }
}
