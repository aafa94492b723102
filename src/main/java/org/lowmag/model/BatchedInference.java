package org.lowmag.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.List;
import org.lowmag.dataset.RgbImage;

/**
 * Inference over many tissues of varying size: same-size tissues share a forward pass (see {@link
 * SizeGroups}), each batch in its own short-lived {@link NDManager}, gradients off, the network run
 * segment by segment (see {@link LowMagModel#forwardInference}).
 */
public final class BatchedInference {

    private BatchedInference() {}

    /** Outputs kept per tissue. */
    public enum Keep {
        /** Only the logits. */
        LOGITS,
        /** Logits and the final feature map. */
        LOGITS_AND_MAPS
    }

    /**
     * One tissue's outputs.
     *
     * @param logits the logits, one per class
     * @param featureMap the final feature map {@code [C, h, w]} flattened (null unless asked)
     * @param mapChannels C
     * @param mapHeight h
     * @param mapWidth w
     */
    public record Output(
            float[] logits, float[] featureMap, int mapChannels, int mapHeight, int mapWidth) {}

    /**
     * Runs the model on every image.
     *
     * @param model the model (its own normalisation is applied)
     * @param images standardisation-free RGB images
     * @param maxBatchPixels most pixels in one forward pass
     * @param keep what to return
     * @return one output per image, in order
     */
    public static List<Output> run(
            LowMagModel model, List<RgbImage> images, long maxBatchPixels, Keep keep) {
        List<Output> out = new ArrayList<>(images.size());
        for (int i = 0; i < images.size(); i++) {
            out.add(null);
        }
        Normalization norm = model.info().normalization();
        NDManager root = model.djlModel().getNDManager();
        for (List<Integer> batch : SizeGroups.of(images, maxBatchPixels)) {
            List<RgbImage> imgs = batch.stream().map(images::get).toList();
            try (NDManager m = root.newSubManager()) {
                NDArray x = InputTensors.batch(m, imgs, norm);
                NDList res = model.forwardInference(m, x);
                float[] logits = res.get(0).toFloatArray();
                int k = (int) res.get(0).getShape().get(1);
                NDArray map = res.get(1);
                int c = (int) map.getShape().get(1);
                int h = (int) map.getShape().get(2);
                int w = (int) map.getShape().get(3);
                float[] maps = keep == Keep.LOGITS_AND_MAPS ? map.toFloatArray() : null;
                for (int j = 0; j < batch.size(); j++) {
                    float[] l = new float[k];
                    System.arraycopy(logits, j * k, l, 0, k);
                    float[] fm = null;
                    if (maps != null) {
                        fm = new float[c * h * w];
                        System.arraycopy(maps, j * c * h * w, fm, 0, fm.length);
                    }
                    out.set(batch.get(j), new Output(l, fm, c, h, w));
                }
            }
        }
        return out;
    }
}
