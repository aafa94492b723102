package org.lowmag.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
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
import org.lowmag.model.TrainingPass;

/**
 * Cross-entropy training on labelled tissues (teacher, baselines, fine-tuning): for each tissue
 * {@code L = -log softmax(z)_y}, backward of {@code L / accumulate}; same-size tissues share one
 * forward pass, which checkpoints its activations when the setting says so for its pixels.
 */
public final class SupervisedObjective implements EpochTrainer.Objective {

    private final LowMagModel model;
    private final TissueImages images;
    private final int[] labels;
    private final Augmentation aug;
    private final long seed;
    private final long maxBatchPixels;
    private final ActivationCheckpointing checkpointing;

    /**
     * With {@link ActivationCheckpointing#AUTO}.
     *
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
        this(model, images, labels, aug, seed, maxBatchPixels, ActivationCheckpointing.AUTO);
    }

    /**
     * @param model the model
     * @param images the training tissues' images
     * @param labels class index of each tissue
     * @param aug augmentation settings
     * @param seed the run's seed
     * @param maxBatchPixels most pixels per forward pass
     * @param checkpointing when forward passes checkpoint their activations
     */
    public SupervisedObjective(
            LowMagModel model,
            TissueImages images,
            int[] labels,
            Augmentation aug,
            long seed,
            long maxBatchPixels,
            ActivationCheckpointing checkpointing) {
        this.model = model;
        this.images = images;
        this.labels = labels.clone();
        this.aug = aug;
        this.seed = seed;
        this.maxBatchPixels = maxBatchPixels;
        this.checkpointing = checkpointing;
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
                List<RgbImage> batchImgs = batch.stream().map(imgs::get).toList();
                NDArray x = InputTensors.batch(m, batchImgs, model.info().normalization());
                TrainingPass pass =
                        TrainingPass.forward(
                                model, m, x, checkpointing.appliesTo(pixels(batchImgs)));
                NDArray logits = pass.logits();
                NDArray loss = crossEntropySum(logits, y);
                pass.backward(gc, loss.mul(scale));
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
     * @param images the tissues of one forward pass
     * @return their pixels, summed
     */
    static long pixels(List<RgbImage> images) {
        long n = 0;
        for (RgbImage i : images) {
            n += (long) i.widthPx() * i.heightPx();
        }
        return n;
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
