package org.lowmag.bench;

import ai.djl.ndarray.NDManager;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.lowmag.dataset.Augmentation;
import org.lowmag.dataset.Dataset;
import org.lowmag.dataset.TissueRecord;
import org.lowmag.model.Kernels;
import org.lowmag.model.LowMagModel;
import org.lowmag.testing.TinyDatasets;
import org.lowmag.train.Adam;
import org.lowmag.train.ImageCache;
import org.lowmag.train.SupervisedObjective;
import org.lowmag.train.TissueImages;

/**
 * Seconds per supervised training step: {@link SupervisedObjective} over {@code accumulate}
 * same-size tissues (grouped into forward passes of at most 1 Mpx, cross-entropy, backward of loss
 * / accumulate) then one {@link Adam} step (lr 1e-3, weight decay 1e-4). Tissues are PNG files of a
 * generated dataset read through the image cache, without augmentation. Key: {@code
 * train/ARCH/SIZE/TAG}.
 *
 * <p>Usage: {@code TrainStepBench --raw FILE --work DIR [--archs paper,resnet18] [--sizes
 * 64,128,256,512] [--accumulate 8] [--warmup 1] [--reps 3] [--threads 2] [--kernels
 * fused|composite] [--tag lowmag]}; {@code --kernels composite} measures the operator-by-operator
 * GroupNorm and Adam (see {@link Kernels}).
 */
public final class TrainStepBench {

    private TrainStepBench() {}

    /**
     * @param args see the class comment
     * @throws Exception when a step fails
     */
    public static void main(String[] args) throws Exception {
        BenchArgs a = new BenchArgs(args);
        RawResults raw = new RawResults(a.path("raw"));
        int accumulate = a.integer("accumulate", 8);
        int threads = a.integer("threads", 2);
        BenchModels.engine(threads);
        Kernels.use(Kernels.parse(a.string("kernels", "fused")));
        for (String arch : a.list("archs", "paper,resnet18")) {
            for (int size : a.integers("sizes", "64,128,256,512")) {
                Path dir = a.path("work").resolve("train-" + size);
                Samples s =
                        time(
                                arch,
                                dataset(dir, size, accumulate),
                                accumulate,
                                a.integer("warmup", 1),
                                a.integer("reps", 3));
                raw.add(
                        "train/" + arch + "/" + size + "/" + a.string("tag", "lowmag"),
                        "s",
                        s,
                        "seconds per step of " + accumulate + " tissues; " + threads + " threads");
            }
        }
    }

    /** The generated dataset of {@code side}-px tissues, reused when already written. */
    static Dataset dataset(Path dir, int side, int tissues) throws java.io.IOException {
        if (java.nio.file.Files.isRegularFile(dir.resolve(Dataset.MANIFEST_FILE))) {
            return Dataset.open(dir);
        }
        int perClass = (tissues + BenchModels.CLASSES - 1) / BenchModels.CLASSES;
        return TinyDatasets.write(dir, BenchModels.CLASSES, perClass, side, List.of(10.0), 1L);
    }

    private static Samples time(String arch, Dataset ds, int accumulate, int warmup, int reps)
            throws Exception {
        List<TissueRecord> train = ds.split("train").subList(0, accumulate);
        Map<String, Integer> index = ds.classIndex();
        int[] labels = train.stream().mapToInt(t -> index.get(t.label())).toArray();
        try (LowMagModel model = BenchModels.create(arch, 10.0, 1L);
                NDManager optState = NDManager.newBaseManager()) {
            TissueImages imgs =
                    new TissueImages(
                            ds,
                            train,
                            10.0,
                            new ImageCache(1L << 30),
                            model.info().padder(),
                            Long.MAX_VALUE);
            SupervisedObjective objective =
                    new SupervisedObjective(
                            model,
                            imgs,
                            labels,
                            Augmentation.none(),
                            1L,
                            BenchModels.MAX_BATCH_PIXELS);
            Adam adam = new Adam(model.net().getParameters(), 1e-4f, optState);
            List<Integer> all = IntStream.range(0, accumulate).boxed().toList();
            return Samples.seconds(
                    warmup,
                    reps,
                    () -> {
                        objective.step(0, all, 1f / accumulate);
                        adam.step(1e-3f);
                    });
        }
    }
}
