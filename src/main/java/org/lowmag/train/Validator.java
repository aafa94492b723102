package org.lowmag.train;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.lowmag.dataset.RgbImage;
import org.lowmag.eval.ClassificationMetrics;
import org.lowmag.model.BatchedInference;
import org.lowmag.model.Logits;
import org.lowmag.model.LowMagModel;

/**
 * Validation after each epoch on labelled tissues: mean cross-entropy ({@code val_loss}), fraction
 * correct ({@code val_accuracy}), macro F1 ({@code val_f1}) and the paper's macro one-vs-rest
 * accuracy ({@code val_ovr_accuracy}).
 */
public final class Validator implements EpochTrainer.Validation {

    private final LowMagModel model;
    private final TissueImages images;
    private final int[] labels;
    private final int classes;
    private final long maxBatchPixels;

    /**
     * @param model the model
     * @param images validation tissues (may be empty: then nothing is reported)
     * @param labels their class indices
     * @param classes number of classes
     * @param maxBatchPixels most pixels per forward pass
     */
    public Validator(
            LowMagModel model,
            TissueImages images,
            int[] labels,
            int classes,
            long maxBatchPixels) {
        this.model = model;
        this.images = images;
        this.labels = labels.clone();
        this.classes = classes;
        this.maxBatchPixels = maxBatchPixels;
    }

    @Override
    public Map<String, Double> validate() {
        Map<String, Double> out = new LinkedHashMap<>();
        if (images == null || images.size() == 0) {
            return out;
        }
        List<RgbImage> imgs =
                IntStream.range(0, images.size()).parallel().mapToObj(images::plain).toList();
        List<BatchedInference.Output> res =
                BatchedInference.run(model, imgs, maxBatchPixels, BatchedInference.Keep.LOGITS);
        int[] pred = new int[res.size()];
        double loss = 0;
        for (int i = 0; i < res.size(); i++) {
            float[] z = res.get(i).logits();
            pred[i] = Logits.argMax(z);
            loss += Logits.logSumExp(z) - z[labels[i]];
        }
        ClassificationMetrics m = ClassificationMetrics.of(labels, pred, classes);
        out.put("val_loss", loss / res.size());
        out.put("val_accuracy", m.exactAccuracy());
        out.put("val_f1", m.f1());
        out.put("val_ovr_accuracy", m.accuracy());
        return out;
    }
}
