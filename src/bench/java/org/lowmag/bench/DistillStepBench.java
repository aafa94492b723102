package org.lowmag.bench;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.lowmag.dataset.Augmentation;
import org.lowmag.dataset.Dataset;
import org.lowmag.dataset.TissueRecord;
import org.lowmag.distill.DistillConfig;
import org.lowmag.distill.DistillationLoss;
import org.lowmag.model.LowMagModel;
import org.lowmag.testing.TinyDatasets;
import org.lowmag.train.Adam;
import org.lowmag.train.DistillObjective;
import org.lowmag.train.ImageCache;
import org.lowmag.train.TissueImages;

/**
 * Seconds per distillation step: {@link DistillObjective} over {@code accumulate} tissues (the
 * frozen teacher sees each at {@code teacher} px once per step, without gradients; the student sees
 * it at {@code student} px; the paper's loss {@code KL * T^2 + (MSE(maxpool) + MSE(bicubic)) / 2},
 * T = 1; same-size tissues grouped into passes of at most 1 Mpx) then one {@link Adam} step.
 * Teacher and student have the same architecture (as in the paper). Key: {@code distill/TAG}.
 *
 * <p>Usage: {@code DistillStepBench --raw FILE --work DIR [--arch paper] [--teacher 224] [--student
 * 56] [--accumulate 32] [--warmup 1] [--reps 3] [--threads 2] [--tag lowmag]}.
 */
public final class DistillStepBench {

    private DistillStepBench() {}

    /**
     * @param args see the class comment
     * @throws Exception when a step fails
     */
    public static void main(String[] args) throws Exception {
        BenchArgs a = new BenchArgs(args);
        RawResults raw = new RawResults(a.path("raw"));
        int n = a.integer("accumulate", 32);
        int tSide = a.integer("teacher", 224);
        int sSide = a.integer("student", 56);
        int threads = a.integer("threads", 2);
        String arch = a.string("arch", "paper");
        BenchModels.engine(threads);
        double sMag = 10.0 * sSide / tSide;
        Dataset ds =
                dataset(a.path("work").resolve("distill-" + tSide + "-" + sSide), tSide, sMag, n);
        List<TissueRecord> tissues = ds.split("train").subList(0, n);
        ImageCache cache = new ImageCache(1L << 30);
        try (LowMagModel teacher = BenchModels.create(arch, 10.0, 1L);
                LowMagModel student = BenchModels.create(arch, sMag, 2L);
                NDManager optState = NDManager.newBaseManager()) {
            for (Pair<String, Parameter> p : teacher.net().getParameters()) {
                p.getValue().freeze(true);
            }
            DistillObjective objective =
                    new DistillObjective(
                            teacher,
                            student,
                            new TissueImages(
                                    ds,
                                    tissues,
                                    10.0,
                                    cache,
                                    teacher.info().padder(),
                                    Long.MAX_VALUE),
                            new TissueImages(
                                    ds,
                                    tissues,
                                    sMag,
                                    cache,
                                    student.info().padder(),
                                    Long.MAX_VALUE),
                            new DistillationLoss(DistillConfig.paper(1.0)),
                            Augmentation.none(),
                            1L,
                            BenchModels.MAX_BATCH_PIXELS);
            Adam adam = new Adam(student.net().getParameters(), 1e-4f, optState);
            List<Integer> all = IntStream.range(0, n).boxed().toList();
            List<Double> teacherSeconds = new ArrayList<>();
            Samples s =
                    Samples.seconds(
                            a.integer("warmup", 1),
                            a.integer("reps", 3),
                            () -> {
                                Map<String, Double> parts = objective.step(0, all, 1f / n);
                                adam.step(1e-3f);
                                teacherSeconds.add(parts.get("teacher_seconds"));
                            });
            int reps = s.values().length;
            double[] t =
                    teacherSeconds
                            .subList(teacherSeconds.size() - reps, teacherSeconds.size())
                            .stream()
                            .mapToDouble(Double::doubleValue)
                            .toArray();
            raw.add(
                    "distill/" + a.string("tag", "lowmag") + "/teacher",
                    "s",
                    new Samples(t),
                    "teacher forward passes within the step");
            raw.add(
                    "distill/" + a.string("tag", "lowmag"),
                    "s",
                    s,
                    "seconds per step of "
                            + n
                            + " tissues (teacher "
                            + tSide
                            + " px; student "
                            + sSide
                            + " px); "
                            + threads
                            + " threads");
        }
    }

    private static Dataset dataset(Path dir, int tSide, double sMag, int n)
            throws java.io.IOException {
        if (Files.isRegularFile(dir.resolve(Dataset.MANIFEST_FILE))) {
            return Dataset.open(dir);
        }
        int perClass = (n + BenchModels.CLASSES - 1) / BenchModels.CLASSES;
        return TinyDatasets.write(
                dir, BenchModels.CLASSES, perClass, tSide, List.of(10.0, sMag), 1L);
    }
}
