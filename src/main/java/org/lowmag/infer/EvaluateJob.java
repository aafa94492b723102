package org.lowmag.infer;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import org.lowmag.cost.FlopCounter;
import org.lowmag.cost.PassTiming;
import org.lowmag.dataset.Csv;
import org.lowmag.dataset.Dataset;
import org.lowmag.dataset.Padder;
import org.lowmag.dataset.RgbImage;
import org.lowmag.dataset.TissueRecord;
import org.lowmag.eval.AbsentClasses;
import org.lowmag.eval.Bootstrap;
import org.lowmag.eval.BootstrapConfig;
import org.lowmag.eval.MetricsReport;
import org.lowmag.model.BatchedInference;
import org.lowmag.model.Logits;
import org.lowmag.model.LowMagModel;
import org.lowmag.model.ModelInfo;
import org.lowmag.model.ModelPaths;
import org.lowmag.util.AtomicFiles;
import org.lowmag.util.Json;
import org.lowmag.util.LowMagException;
import org.lowmag.util.Provenance;

/**
 * {@code lowmag evaluate}: predicts every tissue of a split at the model's magnification and writes
 * {@code predictions.csv} and {@code metrics.json} (metrics with bootstrap CIs, the cost in GFLOPs
 * per forward pass at the tissues' actual sizes, and seconds per tissue: the median of {@value
 * #TIMED_PASSES} timed inference passes after the untimed prediction pass, over the split or, for a
 * split of more than {@value #TIMED_TISSUES} tissues, over an evenly spaced sample of at most that
 * many ({@link #timingSample}), with every pass's time under {@code timing}). With the group
 * bootstrap unit, each tissue's {@link TissueRecord#group()} (its patient or image group) is the
 * resampling unit, and {@code metrics.json} records the number of groups under {@code bootstrap}.
 */
public final class EvaluateJob {

    /**
     * Timed inference passes over the split after the untimed prediction pass (the warm-up); {@code
     * seconds_per_tissue} is their median ({@link PassTiming}).
     */
    public static final int TIMED_PASSES = 5;

    /** Most tissues of a timed pass: a large split is timed on an evenly spaced sample. */
    public static final int TIMED_TISSUES = 256;

    /**
     * The tissues of a timed pass: all of them, or every {@code k}-th with {@code k = ceil(n /
     * TIMED_TISSUES)} (so a pass costs at most {@value #TIMED_TISSUES} tissues' inference).
     *
     * @param imgs the split's inputs
     * @return the sample, in order
     */
    static List<RgbImage> timingSample(List<RgbImage> imgs) {
        int k = (imgs.size() + TIMED_TISSUES - 1) / TIMED_TISSUES;
        List<RgbImage> out = new java.util.ArrayList<>();
        for (int i = 0; i < imgs.size(); i += k) {
            out.add(imgs.get(i));
        }
        return out;
    }

    private EvaluateJob() {}

    /**
     * Settings.
     *
     * @param model run or model folder
     * @param data dataset folder
     * @param split split name, or {@code all} for every labelled tissue
     * @param out output folder
     * @param bootstrap bootstrap settings (with the group unit, every tissue needs a group)
     * @param maxBatchPixels most pixels per forward pass
     */
    public record Config(
            Path model,
            Path data,
            String split,
            Path out,
            BootstrapConfig bootstrap,
            long maxBatchPixels) {}

    /**
     * Evaluates.
     *
     * @param c the settings
     * @return the {@code metrics.json} tree
     * @throws IOException when writing fails
     */
    public static Map<String, Object> run(Config c) throws IOException {
        Dataset ds = Dataset.open(c.data());
        Path modelDir = ModelPaths.resolve(c.model());
        try (LowMagModel model = LowMagModel.load(modelDir)) {
            ModelInfo info = model.info();
            if (!info.classes().equals(ds.info().classes())) {
                throw new LowMagException(
                        "model "
                                + modelDir
                                + " predicts classes "
                                + info.classes()
                                + " but dataset "
                                + c.data()
                                + " has "
                                + ds.info().classes()
                                + ": evaluate on data with the model's classes");
            }
            double mag = info.magnification();
            ds.requireMagnification(mag);
            List<TissueRecord> tissues =
                    ds.split(c.split()).stream().filter(TissueRecord::labelled).toList();
            if (tissues.isEmpty()) {
                throw new LowMagException(
                        "split '"
                                + c.split()
                                + "' of "
                                + c.data()
                                + " has no labelled tissues (splits: train, val, test, all)");
            }
            String[] groups = groups(c, tissues);
            Padder padder = info.padder();
            List<RgbImage> imgs =
                    IntStream.range(0, tissues.size())
                            .parallel()
                            .mapToObj(i -> padder.apply(read(ds, tissues.get(i), mag)))
                            .toList();
            List<BatchedInference.Output> out =
                    BatchedInference.run(
                            model, imgs, c.maxBatchPixels(), BatchedInference.Keep.LOGITS);
            List<RgbImage> timed = timingSample(imgs);
            PassTiming timing =
                    PassTiming.measure(
                            1,
                            TIMED_PASSES,
                            timed.size(),
                            () ->
                                    BatchedInference.run(
                                            model,
                                            timed,
                                            c.maxBatchPixels(),
                                            BatchedInference.Keep.LOGITS),
                            System::nanoTime);
            Map<String, Integer> index = ds.classIndex();
            int[] truth = tissues.stream().mapToInt(t -> index.get(t.label())).toArray();
            int[] pred = out.stream().mapToInt(o -> Logits.argMax(o.logits())).toArray();
            writePredictions(
                    c.out().resolve("predictions.csv"), tissues, info.classes(), truth, pred, out);
            MetricsReport report =
                    Bootstrap.allCores(c.bootstrap()).evaluate(truth, pred, info.classes(), groups);
            double gflopsTotal = 0;
            for (RgbImage img : imgs) {
                gflopsTotal +=
                        FlopCounter.count(
                                        info.arch(),
                                        3,
                                        img.heightPx(),
                                        img.widthPx(),
                                        info.classes().size())
                                .gflops();
            }
            Map<String, Object> json = new LinkedHashMap<>(report.toJsonTree());
            json.put("model", modelDir.toAbsolutePath().toString());
            json.put("role", info.role());
            json.put("architecture", info.architecture());
            json.put("magnification", mag);
            json.put("data", c.data().toAbsolutePath().toString());
            json.put("split", c.split());
            json.put("tissues", tissues.size());
            json.put("classes_without_tissues", AbsentClasses.of(truth, info.classes()));
            json.put("gflops_mean", gflopsTotal / tissues.size());
            json.put("gflops_total", gflopsTotal);
            json.put("seconds_per_tissue", timing.medianPerItem());
            json.put("timing", timing.toJsonTree());
            json.put("max_batch_pixels", c.maxBatchPixels());
            json.put("provenance", Provenance.current().toMap());
            Json.write(c.out().resolve("metrics.json"), json);
            return json;
        }
    }

    /**
     * @param c the settings
     * @param tissues the evaluated tissues
     * @return each tissue's group for the group bootstrap, or null for the tissue unit
     * @throws LowMagException naming the dataset when a tissue has no group
     */
    private static String[] groups(Config c, List<TissueRecord> tissues) {
        if (c.bootstrap().unit() != BootstrapConfig.Unit.GROUP) {
            return null;
        }
        for (TissueRecord t : tissues) {
            if (t.group() == null || t.group().isBlank()) {
                throw new LowMagException(
                        "tissue "
                                + t.id()
                                + " of dataset "
                                + c.data()
                                + " has no group, so the group bootstrap cannot resample by"
                                + " group: use --bootstrap-unit tissue");
            }
        }
        return tissues.stream().map(TissueRecord::group).toArray(String[]::new);
    }

    private static RgbImage read(Dataset ds, TissueRecord t, double mag) {
        try {
            return org.lowmag.dataset.ImageFiles.readRgb(ds.imagePath(t, mag));
        } catch (IOException e) {
            throw new LowMagException("cannot read tissue " + t.id() + ": " + e.getMessage(), e);
        }
    }

    private static void writePredictions(
            Path file,
            List<TissueRecord> tissues,
            List<String> classes,
            int[] truth,
            int[] pred,
            List<BatchedInference.Output> out)
            throws IOException {
        StringBuilder sb = new StringBuilder();
        List<String> header = new ArrayList<>(List.of("tissue", "truth", "predicted"));
        classes.forEach(k -> header.add("p_" + k));
        sb.append(Csv.line(header));
        for (int i = 0; i < tissues.size(); i++) {
            List<String> row =
                    new ArrayList<>(
                            List.of(
                                    tissues.get(i).id(),
                                    classes.get(truth[i]),
                                    classes.get(pred[i])));
            for (double p : Logits.softmax(out.get(i).logits())) {
                row.add(String.format(Locale.ROOT, "%.6f", p));
            }
            sb.append(Csv.line(row));
        }
        AtomicFiles.writeString(file, sb.toString());
    }
}
