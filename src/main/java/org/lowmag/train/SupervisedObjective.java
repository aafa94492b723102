package org.lowmag.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lowmag.dataset.Augmentation;
import org.lowmag.dataset.RgbImage;
import org.lowmag.model.InputTensors;
import org.lowmag.model.LowMagModel;
import org.lowmag.model.SizeGroups;

/**
 * Cross-entropy training on labelled tissues (teacher, baselines, fine-tuning): for each tissue
 * {@code L = -log softmax(z)_y}, backward of {@code L / accumulate}; same-size tissues share one
 * forward pass.
 */
public final class SupervisedObjective implements EpochTrainer.Objective {

    private final LowMagModel model;
    private final TissueImages images;
    private final int[] labels;
    private final Augmentation aug;
    private final long seed;
    private final long maxBatchPixels;

    /**
     * @param model the model
     * @param images the training tissues' images
     * @param labels class index of each tissue
     * @param aug augmentation settings
     * @param seed the run's seed
     * @param maxBatchPixels most pixels per forward pass
     */
    public SupervisedObjective(
            LowMagModel model,
            TissueImages images,
            int[] labels,
            Augmentation aug,
            long seed,
            long maxBatchPixels) {
        this.model = model;
        this.images = images;
        this.labels = labels.clone();
        this.aug = aug;
        this.seed = seed;
        this.maxBatchPixels = maxBatchPixels;
    }

    @Override
    public Map<String, Double> step(int epoch, List<Integer> tissues, float scale) {
        List<RgbImage> imgs = images.augmented(tissues, aug, seed, epoch);
        double lossSum = 0;
        int correct = 0;
        NDManager root = model.djlModel().getNDManager();
        for (List<Integer> batch : SizeGroups.of(imgs, maxBatchPixels)) {
            int[] y = batch.stream().mapToInt(j -> labels[tissues.get(j)]).toArray();
            try (NDManager m = root.newSubManager();
                    GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray x =
                        InputTensors.batch(
                                m,
                                batch.stream().map(imgs::get).toList(),
                                model.info().normalization());
                NDArray logits = model.forward(m, new NDList(x), true).get(0);
                NDArray loss = crossEntropySum(logits, y);
                gc.backward(loss.mul(scale));
                lossSum += loss.getFloat();
                correct += countCorrect(logits, y);
            }
        }
        Map<String, Double> sums = new LinkedHashMap<>();
        sums.put("loss", lossSum);
        sums.put("accuracy", (double) correct);
        return sums;
    }

    /**
     * Summed cross-entropy: {@code sum_i -log softmax(z_i)_{y_i}}.
     *
     * @param logits {@code [N, K]}
     * @param labels N class indices
     * @return a scalar
     */
    public static NDArray crossEntropySum(NDArray logits, int[] labels) {
        int k = (int) logits.getShape().get(1);
        NDArray onehot = logits.getManager().create(labels).oneHot(k);
        return logits.logSoftmax(1).mul(onehot).sum().neg();
    }

    private static int countCorrect(NDArray logits, int[] labels) {
        long[] pred = logits.argMax(1).toLongArray();
        int c = 0;
        for (int i = 0; i < pred.length; i++) {
            if (pred[i] == labels[i]) {
                c++;
            }
        }
        return c;
    }
}
