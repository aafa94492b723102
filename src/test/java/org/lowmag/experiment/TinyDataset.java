package org.lowmag.experiment;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.lowmag.dataset.DatasetInfo;
import org.lowmag.dataset.ImageFiles;
import org.lowmag.dataset.ManifestCsv;
import org.lowmag.dataset.RgbImage;
import org.lowmag.dataset.TissueRecord;
import org.lowmag.slide.Magnification;
import org.lowmag.util.Json;

/**
 * A tiny synthetic dataset written straight through the dataset APIs: 3 classes of 8 labelled
 * tissues each (4 train, 2 val, 2 test) plus 6 unlabelled ones, square images of {@code 8 * mag}
 * pixels at each magnification. Class {@code k} is a noisy image whose channel {@code k} is bright,
 * so a network can learn it.
 */
final class TinyDataset {

    static final List<String> CLASSES = List.of("red", "green", "blue");
    static final String[] SPLITS = {
        "train", "train", "train", "train", "val", "val", "test", "test"
    };

    private TinyDataset() {}

    /**
     * Writes the dataset.
     *
     * @param dir the folder to create
     * @param mags the magnifications, e.g. 4 and 1 (32 and 8 px)
     * @return {@code dir}
     */
    static Path write(Path dir, List<Double> mags) throws IOException {
        List<TissueRecord> tissues = new ArrayList<>();
        SplittableRandom rnd = new SplittableRandom(7);
        int n = 0;
        for (int k = 0; k < CLASSES.size(); k++) {
            for (String split : SPLITS) {
                tissues.add(tissue(dir, "t" + n, CLASSES.get(k), split, k, mags, rnd));
                n++;
            }
        }
        for (int u = 0; u < 6; u++) {
            tissues.add(tissue(dir, "u" + u, "", "unlabeled", u % 3, mags, rnd));
        }
        ManifestCsv.write(dir.resolve("manifest.csv"), tissues, mags);
        Json.write(
                dir.resolve("dataset.json"),
                new DatasetInfo(
                        DatasetInfo.FORMAT_VERSION,
                        CLASSES,
                        mags,
                        mags.get(0),
                        Map.of(),
                        0,
                        List.of(50, 25, 25),
                        List.of("synthetic: TinyDataset (test fixture)"),
                        Map.of()));
        return dir;
    }

    private static TissueRecord tissue(
            Path dir,
            String id,
            String label,
            String split,
            int bright,
            List<Double> mags,
            SplittableRandom rnd)
            throws IOException {
        Map<String, TissueRecord.TissueImage> images = new LinkedHashMap<>();
        for (double m : mags) {
            int side = (int) Math.round(8 * m);
            String rel = "tissues/" + Magnification.format(m) + "x/" + id + ".png";
            ImageFiles.writePng(dir.resolve(rel), image(side, bright, rnd).toBufferedImage());
            images.put(Magnification.format(m), new TissueRecord.TissueImage(rel, side, side));
        }
        return new TissueRecord(id, "synthetic/" + id, "g-" + id, label, split, images);
    }

    private static RgbImage image(int side, int bright, SplittableRandom rnd) {
        byte[][] planes = new byte[3][side * side];
        for (int c = 0; c < 3; c++) {
            for (int i = 0; i < planes[c].length; i++) {
                int base = c == bright ? 180 : 60;
                planes[c][i] = (byte) (base + rnd.nextInt(60));
            }
        }
        return new RgbImage(side, side, planes);
    }
}
