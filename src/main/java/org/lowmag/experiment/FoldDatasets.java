package org.lowmag.experiment;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.lowmag.dataset.Dataset;
import org.lowmag.dataset.DatasetInfo;
import org.lowmag.dataset.GroupFolds;
import org.lowmag.dataset.ManifestCsv;
import org.lowmag.dataset.TissueRecord;
import org.lowmag.util.AtomicFiles;
import org.lowmag.util.Json;
import org.lowmag.util.LowMagException;

/**
 * Writes the fold views of the dataset under {@code folds/} of the experiment folder, before any
 * fold run starts: {@code folds/folds.json} (the number of folds, the seed, the dataset and each
 * group's test fold) and, per fold {@code k}, {@code folds/fold<k>/manifest.csv} and {@code
 * dataset.json}: the main dataset's tissues with the fold's splits and absolute image paths (images
 * are not copied). Each fold folder is written in a temporary folder and renamed into place, so a
 * fold view is either whole or absent.
 *
 * <p>On a resumed experiment the existing files are verified, not rewritten: a {@code folds.json}
 * or a fold manifest that differs from the assignment this configuration makes (another {@code
 * folds}, seed or dataset) is refused, since the runs made on it tested other tissues.
 */
final class FoldDatasets {

    /** The assignment's record under {@code folds/}. */
    static final String FOLDS_FILE = "folds.json";

    private FoldDatasets() {}

    /**
     * Writes or verifies every fold view.
     *
     * @param config the configuration (with folds)
     * @param data the opened data, with the fold assignment
     * @param layout the experiment folder
     * @throws IOException when files cannot be read or written
     * @throws LowMagException when existing fold files differ from this configuration's folds
     */
    static void prepare(ExperimentConfig config, ExperimentData data, ExperimentLayout layout)
            throws IOException {
        GroupFolds folds = data.folds().orElseThrow();
        Files.createDirectories(layout.foldsDir());
        Path record = layout.foldsDir().resolve(FOLDS_FILE);
        JsonElement want = Json.gson().toJsonTree(record(config, folds));
        if (Files.isRegularFile(record)) {
            JsonElement have = Json.readTree(record);
            if (!have.equals(want)) {
                throw refused(layout, record + " records another fold assignment");
            }
        } else {
            Json.write(record, want);
        }
        for (int k = 0; k < folds.count(); k++) {
            writeOrVerify(data.foldView(k), layout, k);
        }
    }

    /** What {@code folds.json} holds. */
    private static Map<String, Object> record(ExperimentConfig config, GroupFolds folds) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("folds", folds.count());
        m.put("seed", folds.seed());
        m.put("dataset", RunLauncher.abs(config.dataset()).toString());
        m.put("test_fold_of_group", new TreeMap<>(folds.foldOf()));
        List<List<String>> val = new ArrayList<>();
        folds.val().forEach(v -> val.add(v.stream().sorted().toList()));
        m.put("val_groups_of_fold", val);
        return m;
    }

    private static void writeOrVerify(Dataset view, ExperimentLayout layout, int k)
            throws IOException {
        Path dir = layout.foldDataset(k);
        if (Files.isRegularFile(dir.resolve(Dataset.INFO_FILE))) {
            List<TissueRecord> have = ManifestCsv.read(dir.resolve(Dataset.MANIFEST_FILE));
            if (!have.equals(view.tissues())) {
                throw refused(
                        layout,
                        dir.resolve(Dataset.MANIFEST_FILE)
                                + " holds another fold "
                                + k
                                + " than this configuration makes");
            }
            return;
        }
        deleteTree(dir);
        Path tmp = Files.createTempDirectory(layout.foldsDir(), ".fold" + k + ".");
        try {
            AtomicFiles.makeReadable(tmp);
            ManifestCsv.write(
                    tmp.resolve(Dataset.MANIFEST_FILE),
                    view.tissues(),
                    view.info().magnifications());
            Json.write(tmp.resolve(Dataset.INFO_FILE), info(view.info(), k, layout));
            AtomicFiles.moveAtomically(tmp, dir);
        } finally {
            deleteTree(tmp);
        }
    }

    /** The main dataset's description, with this fold named among its sources. */
    private static DatasetInfo info(DatasetInfo d, int k, ExperimentLayout layout) {
        List<String> sources = new ArrayList<>(d.sources());
        sources.add(
                "fold:"
                        + k
                        + " of "
                        + RunLauncher.abs(layout.foldsDir().resolve(FOLDS_FILE))
                        + " (group K-fold view; images of the main dataset)");
        return new DatasetInfo(
                d.formatVersion(),
                d.classes(),
                d.magnifications(),
                d.sourceMagnification(),
                d.sourceMagnifications(),
                d.splitSeed(),
                d.splitFractions(),
                sources,
                d.provenance());
    }

    private static LowMagException refused(ExperimentLayout layout, String what) {
        return new LowMagException(
                "folds: "
                        + what
                        + " (another folds, seed or dataset): the runs in "
                        + layout.dir()
                        + " were made on other folds. Use the configuration they were made with,"
                        + " or another --out");
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /**
     * @param experimentJson an existing {@code experiment.json}
     * @return the {@code folds} it records ({@link ExperimentConfig#NO_FOLDS} when none)
     * @throws IOException when it cannot be read
     */
    static int recordedFolds(Path experimentJson) throws IOException {
        JsonElement j = Json.readTree(experimentJson);
        if (!j.isJsonObject() || !j.getAsJsonObject().has("config")) {
            return ExperimentConfig.NO_FOLDS;
        }
        JsonObject c = j.getAsJsonObject().getAsJsonObject("config");
        return c.has("folds") ? c.get("folds").getAsInt() : ExperimentConfig.NO_FOLDS;
    }
}
