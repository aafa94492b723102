package org.lowmag.testing;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.lowmag.dataset.Dataset;
import org.lowmag.dataset.DatasetInfo;
import org.lowmag.dataset.ImageFiles;
import org.lowmag.dataset.ManifestCsv;
import org.lowmag.dataset.TissueRecord;
import org.lowmag.slide.Magnification;
import org.lowmag.util.Json;

/**
 * Writes tiny labelled datasets for tests: class {@code k}'s tissues are noisy images whose mean
 * colour and stripe period depend on {@code k}, so a network can learn them in a few steps. The
 * image at magnification {@code m} is {@code round(sizePx * m / mags[0])} px square.
 */
public final class TinyDatasets {

    private TinyDatasets() {}

    /**
     * @param dir the folder to write
     * @param classes number of classes
     * @param perClass tissues per class per split
     * @param sizePx side at the first (highest) magnification
     * @param mags magnifications, highest first
     * @param seed pixel seed
     * @return the dataset
     * @throws IOException when writing fails
     */
    public static Dataset write(
            Path dir, int classes, int perClass, int sizePx, List<Double> mags, long seed)
            throws IOException {
        List<TissueRecord> tissues = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int k = 0; k < classes; k++) {
            names.add("class" + k);
        }
        SplittableRandom r = new SplittableRandom(seed);
        for (String split : List.of("train", "val", "test", "unlabeled")) {
            for (int k = 0; k < classes; k++) {
                for (int i = 0; i < perClass; i++) {
                    String id = split + "_" + k + "_" + i;
                    Map<String, TissueRecord.TissueImage> imgs = new LinkedHashMap<>();
                    long pixelSeed = r.nextLong();
                    for (double m : mags) {
                        int side = (int) Math.round(sizePx * m / mags.get(0));
                        String rel = "tissues/" + Magnification.format(m) + "x/" + id + ".png";
                        ImageFiles.writePng(dir.resolve(rel), image(k, side, pixelSeed));
                        imgs.put(
                                Magnification.format(m),
                                new TissueRecord.TissueImage(rel, side, side));
                    }
                    tissues.add(
                            new TissueRecord(
                                    id,
                                    "synthetic",
                                    id,
                                    split.equals("unlabeled") ? "" : names.get(k),
                                    split,
                                    imgs));
                }
            }
        }
        ManifestCsv.write(dir.resolve(Dataset.MANIFEST_FILE), tissues, mags);
        Json.write(
                dir.resolve(Dataset.INFO_FILE),
                new DatasetInfo(
                        DatasetInfo.FORMAT_VERSION,
                        names,
                        mags,
                        mags.get(0),
                        Map.of(),
                        0L,
                        List.of(50, 25, 25),
                        List.of("synthetic test"),
                        Map.of()));
        return Dataset.open(dir);
    }

    private static BufferedImage image(int k, int side, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        BufferedImage img = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
        int period = 2 + 2 * k;
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                int stripe = ((x * 4 / Math.max(1, side / 16)) / period) % 2 == 0 ? 40 : 0;
                int red = clamp(120 + 40 * k + stripe + r.nextInt(30));
                int green = clamp(90 + r.nextInt(30));
                int blue = clamp(200 - 40 * k + r.nextInt(30));
                img.setRGB(x, y, (red << 16) | (green << 8) | blue);
            }
        }
        return img;
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }
}
