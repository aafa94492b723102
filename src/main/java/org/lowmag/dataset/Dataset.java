package org.lowmag.dataset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lowmag.slide.Magnification;
import org.lowmag.util.Json;
import org.lowmag.util.LowMagException;

/**
 * A prepared dataset folder: {@code dataset.json}, {@code manifest.csv} and the tissue images.
 *
 * @param dir the folder
 * @param info the description
 * @param tissues every tissue, in manifest order
 */
public record Dataset(Path dir, DatasetInfo info, List<TissueRecord> tissues) {

    /** Name of the description file. */
    public static final String INFO_FILE = "dataset.json";

    /** Name of the manifest. */
    public static final String MANIFEST_FILE = "manifest.csv";

    /** Copies. */
    public Dataset {
        tissues = List.copyOf(tissues);
    }

    /**
     * Opens a dataset folder written by {@code lowmag prepare}.
     *
     * @param dir the folder
     * @return the dataset
     * @throws LowMagException when files are missing or inconsistent
     */
    public static Dataset open(Path dir) {
        Path infoFile = dir.resolve(INFO_FILE);
        if (!Files.isRegularFile(infoFile)) {
            throw new LowMagException(
                    dir
                            + " is not a LowMag dataset: "
                            + INFO_FILE
                            + " is missing (build one with 'lowmag prepare')");
        }
        try {
            DatasetInfo info = Json.read(infoFile, DatasetInfo.class);
            List<TissueRecord> tissues = ManifestCsv.read(dir.resolve(MANIFEST_FILE));
            for (TissueRecord t : tissues) {
                if (t.labelled() && !info.classes().contains(t.label())) {
                    throw new LowMagException(
                            dir.resolve(MANIFEST_FILE)
                                    + ": tissue "
                                    + t.id()
                                    + " has label '"
                                    + t.label()
                                    + "' not among the classes "
                                    + info.classes());
                }
            }
            return new Dataset(dir, info, tissues);
        } catch (IOException e) {
            throw new LowMagException("cannot read dataset " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * The tissues of some splits.
     *
     * @param splits split names ({@code train}, {@code val}, {@code test}, {@code unlabeled}, or
     *     {@code all} for every labelled tissue)
     * @return the tissues, in manifest order
     */
    public List<TissueRecord> split(String... splits) {
        List<TissueRecord> out = new ArrayList<>();
        for (TissueRecord t : tissues) {
            for (String s : splits) {
                if (s.equals(t.split()) || ("all".equals(s) && t.labelled())) {
                    out.add(t);
                    break;
                }
            }
        }
        return Collections.unmodifiableList(out);
    }

    /**
     * Checks the dataset has a magnification.
     *
     * @param mag the magnification wanted
     * @throws LowMagException naming the available ones
     */
    public void requireMagnification(double mag) {
        for (double m : info.magnifications()) {
            if (Magnification.same(m, mag)) {
                return;
            }
        }
        throw new LowMagException(
                "dataset "
                        + dir
                        + " has no images at "
                        + Magnification.format(mag)
                        + "x (it has "
                        + info.magnifications().stream().map(Magnification::format).toList()
                        + "x): re-run 'lowmag prepare' with that magnification in --mags");
    }

    /**
     * @return the index of each class name
     */
    public Map<String, Integer> classIndex() {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (int i = 0; i < info.classes().size(); i++) {
            m.put(info.classes().get(i), i);
        }
        return m;
    }

    /**
     * @param t a tissue
     * @param mag a magnification
     * @return the absolute path of its image
     */
    public Path imagePath(TissueRecord t, double mag) {
        TissueRecord.TissueImage img =
                t.image(mag)
                        .orElseThrow(
                                () ->
                                        new LowMagException(
                                                "tissue "
                                                        + t.id()
                                                        + " in "
                                                        + dir
                                                        + " has no image at "
                                                        + Magnification.format(mag)
                                                        + "x"));
        return dir.resolve(img.path());
    }
}
