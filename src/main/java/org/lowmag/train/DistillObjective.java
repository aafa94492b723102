package org.lowmag.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.lowmag.dataset.AugmentParams;
import org.lowmag.dataset.Augmentation;
import org.lowmag.dataset.RgbImage;
import org.lowmag.distill.DistillationLoss;
import org.lowmag.distill.LossParts;
import org.lowmag.model.InputTensors;
import org.lowmag.model.LowMagModel;
import org.lowmag.model.SizeGroups;
import org.lowmag.model.TrainingPass;

/**
 * One distillation step (paper section 3.3): each tissue is seen by the frozen teacher at its
 * magnification and by the student at a lower one, with the same augmentation (each view padded
 * after it, as in supervised training, so no margin is colour-jittered); the loss is {@code soft +
 * pixel} (see {@link DistillationLoss}); no labels are used.
 *
 * <p>The teacher runs once per tissue per step, without gradients (see {@link
 * LowMagModel#forwardInference}), batched by its input size, keeping only its outputs; the
 * student's forward and backward passes are batched by (student size, teacher map size), each
 * batch's loss times its size summed, so the step's gradient is the mean over its tissues exactly
 * as with one tissue per pass. The time of each side is returned as {@code teacher_seconds} and
 * {@code student_seconds}.
 *
 * @param teacher the frozen teacher
 * @param student the student being trained
 * @param teacherImages the tissues at the teacher's magnification
 * @param studentImages the same tissues, same order, at the student's magnification
 * @param loss the distillation loss
 * @param aug augmentation settings
 * @param seed the run's seed
 * @param maxBatchPixels most pixels per forward pass
 * @param checkpointing when the student's forward passes checkpoint their activations
 */
public record DistillObjective(
        LowMagModel teacher,
        LowMagModel student,
        TissueImages teacherImages,
        TissueImages studentImages,
        DistillationLoss loss,
        Augmentation aug,
        long seed,
        long maxBatchPixels,
        ActivationCheckpointing checkpointing)
        implements EpochTrainer.Objective {

    /**
     * With {@link ActivationCheckpointing#AUTO}.
     *
     * @param teacher the frozen teacher
     * @param student the student being trained
     * @param teacherImages the tissues at the teacher's magnification
     * @param studentImages the same tissues, same order, at the student's magnification
     * @param loss the distillation loss
     * @param aug augmentation settings
     * @param seed the run's seed
     * @param maxBatchPixels most pixels per forward pass
     */
    public DistillObjective(
            LowMagModel teacher,
            LowMagModel student,
            TissueImages teacherImages,
            TissueImages studentImages,
            DistillationLoss loss,
            Augmentation aug,
            long seed,
            long maxBatchPixels) {
        this(
                teacher,
                student,
                teacherImages,
                studentImages,
                loss,
                aug,
                seed,
                maxBatchPixels,
                ActivationCheckpointing.AUTO);
    }

    @Override
    public Map<String, Double> step(int epoch, List<Integer> tissues, float scale) {
        int n = tissues.size();
        List<RgbImage[]> pairs =
                IntStream.range(0, n)
                        .parallel()
                        .mapToObj(
                                j -> {
                                    int i = tissues.get(j);
                                    AugmentParams p = TissueImages.draw(aug, seed, epoch, i);
                                    return new RgbImage[] {
                                        teacherImages.augmented(i, p), studentImages.augmented(i, p)
                                    };
                                })
                        .toList();
        List<RgbImage> tImgs = pairs.stream().map(p -> p[0]).toList();
        List<RgbImage> sImgs = pairs.stream().map(p -> p[1]).toList();
        double[] sums = new double[3];
        double teacherSeconds;
        double studentSeconds;
        try (NDManager stepScope = student.djlModel().getNDManager().newSubManager()) {
            long t0 = System.nanoTime();
            NDArray[] tLogits = new NDArray[n];
            NDArray[] tMaps = new NDArray[n];
            for (List<Integer> batch : SizeGroups.of(tImgs, maxBatchPixels)) {
                try (NDManager teacherScope = stepScope.newSubManager()) {
                    NDArray x =
                            InputTensors.batch(
                                    teacherScope,
                                    batch.stream().map(tImgs::get).toList(),
                                    teacher.info().normalization());
                    NDList out = teacher.forwardInference(teacherScope, x);
                    for (int b = 0; b < batch.size(); b++) {
                        tLogits[batch.get(b)] = keep(out.get(0).get(b + ":" + (b + 1)), stepScope);
                        tMaps[batch.get(b)] = keep(out.get(1).get(b + ":" + (b + 1)), stepScope);
                    }
                }
            }
            long t1 = System.nanoTime();
            for (List<Integer> batch : studentBatches(sImgs, tMaps)) {
                trainBatch(stepScope, batch, sImgs, tLogits, tMaps, scale, sums);
            }
            teacherSeconds = (t1 - t0) / 1e9;
            studentSeconds = (System.nanoTime() - t1) / 1e9;
        }
        Map<String, Double> out = new LinkedHashMap<>();
        out.put("loss", sums[0]);
        out.put("soft", sums[1]);
        out.put("pixel", sums[2]);
        out.put("teacher_seconds", teacherSeconds);
        out.put("student_seconds", studentSeconds);
        return out;
    }

    private void trainBatch(
            NDManager scope,
            List<Integer> batch,
            List<RgbImage> sImgs,
            NDArray[] tLogits,
            NDArray[] tMaps,
            float scale,
            double[] sums) {
        try (NDManager m = scope.newSubManager();
                GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            List<RgbImage> imgs = batch.stream().map(sImgs::get).toList();
            NDArray x = InputTensors.batch(m, imgs, student.info().normalization());
            TrainingPass pass =
                    TrainingPass.forward(
                            student,
                            m,
                            x,
                            checkpointing.appliesTo(SupervisedObjective.pixels(imgs)));
            NDArray tl = NDArrays.concat(gather(tLogits, batch));
            NDArray tm = NDArrays.concat(gather(tMaps, batch));
            tl.attach(m);
            tm.attach(m);
            LossParts parts = loss.compute(tl, tm, pass.logits(), pass.featureMap());
            float size = batch.size();
            pass.backward(gc, parts.total().mul(size * scale));
            double[] v = parts.values();
            for (int k = 0; k < 3; k++) {
                sums[k] += v[k] * size;
            }
        }
    }

    private static NDArray keep(NDArray a, NDManager manager) {
        a.attach(manager);
        return a;
    }

    private static NDList gather(NDArray[] arrays, List<Integer> batch) {
        NDList l = new NDList();
        for (int i : batch) {
            l.add(arrays[i]);
        }
        return l;
    }

    /** Batches of tissues sharing both the student's input size and the teacher's map size. */
    private List<List<Integer>> studentBatches(List<RgbImage> sImgs, NDArray[] tMaps) {
        Map<String, List<Integer>> byKey = new LinkedHashMap<>();
        for (int i = 0; i < sImgs.size(); i++) {
            String key =
                    sImgs.get(i).widthPx()
                            + "x"
                            + sImgs.get(i).heightPx()
                            + "/"
                            + tMaps[i].getShape();
            byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
        }
        List<List<Integer>> out = new ArrayList<>();
        for (List<Integer> same : byKey.values()) {
            RgbImage first = sImgs.get(same.get(0));
            long px = (long) first.widthPx() * first.heightPx();
            int per = (int) Math.max(1, Math.min(same.size(), maxBatchPixels / px));
            for (int i = 0; i < same.size(); i += per) {
                out.add(same.subList(i, Math.min(same.size(), i + per)));
            }
        }
        return out;
    }
}
