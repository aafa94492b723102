package org.lowmag.bench;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import org.lowmag.dataset.RgbImage;
import org.lowmag.model.BatchedInference;
import org.lowmag.model.LowMagModel;

/**
 * Low-magnification inference: seconds to classify a set of tissues with {@link BatchedInference}
 * (logits only), batched (same-size tissues grouped into passes of at most 1 Mpx) and one tissue
 * per pass, for a student at small tissue sizes and for the teacher at its size; and the per-call
 * floor: one forward pass of the smallest input ({@code 1x1} px) and of a {@code 32x32} tissue.
 *
 * <p>Keys: {@code infer/SIZE/batched}, {@code infer/SIZE/single} and {@code
 * infer/teacher/SIZE/batched} (tissues per second), {@code infer/floor/1px} and {@code
 * infer/floor/32px} (seconds per call).
 *
 * <p>Usage: {@code InferenceBench --raw FILE [--arch paper] [--sizes 64,32] [--count 256]
 * [--teacher 512] [--teacher-count 16] [--warmup 1] [--reps 3] [--threads 2]}.
 */
public final class InferenceBench {

    private InferenceBench() {}

    /**
     * @param args see the class comment
     * @throws Exception when a pass fails
     */
    public static void main(String[] args) throws Exception {
        BenchArgs a = new BenchArgs(args);
        RawResults raw = new RawResults(a.path("raw"));
        int warmup = a.integer("warmup", 1);
        int reps = a.integer("reps", 3);
        int count = a.integer("count", 256);
        int threads = a.integer("threads", 2);
        BenchModels.engine(threads);
        String arch = a.string("arch", "paper");
        try (LowMagModel model = BenchModels.create(arch, 10.0, 1L)) {
            for (int size : a.integers("sizes", "64,32")) {
                List<RgbImage> imgs = BenchModels.images(count, size, size);
                for (boolean batched : new boolean[] {true, false}) {
                    long maxPx = batched ? BenchModels.MAX_BATCH_PIXELS : 1;
                    Samples s =
                            Samples.seconds(
                                    warmup,
                                    reps,
                                    () ->
                                            BatchedInference.run(
                                                    model,
                                                    imgs,
                                                    maxPx,
                                                    BatchedInference.Keep.LOGITS));
                    raw.add(
                            "infer/" + size + "/" + (batched ? "batched" : "single"),
                            "tissues/s",
                            s.map(v -> count / v),
                            count
                                    + " tissues per repetition; "
                                    + arch
                                    + "; "
                                    + threads
                                    + " threads");
                }
            }
            int tSize = a.integer("teacher", 512);
            int tCount = a.integer("teacher-count", 16);
            List<RgbImage> timgs = BenchModels.images(tCount, tSize, 7);
            Samples ts =
                    Samples.seconds(
                            warmup,
                            reps,
                            () ->
                                    BatchedInference.run(
                                            model,
                                            timgs,
                                            BenchModels.MAX_BATCH_PIXELS,
                                            BatchedInference.Keep.LOGITS));
            raw.add(
                    "infer/teacher/" + tSize + "/batched",
                    "tissues/s",
                    ts.map(v -> tCount / v),
                    tCount + " tissues per repetition; " + arch + "; " + threads + " threads");
            floor(model, raw, warmup, reps);
        }
    }

    /** Seconds per forward pass of one tiny input, gradients off, in its own manager. */
    private static void floor(LowMagModel model, RawResults raw, int warmup, int reps)
            throws Exception {
        NDManager root = model.djlModel().getNDManager();
        for (int side : new int[] {1, 32}) {
            int calls = 200;
            Samples s =
                    Samples.seconds(
                            warmup,
                            reps,
                            () -> {
                                for (int i = 0; i < calls; i++) {
                                    try (NDManager m = root.newSubManager()) {
                                        model.forward(
                                                        m,
                                                        new NDList(
                                                                m.zeros(
                                                                        new Shape(
                                                                                1, 3, side, side))),
                                                        false)
                                                .get(0)
                                                .toFloatArray();
                                    }
                                }
                            });
            raw.add(
                    "infer/floor/" + side + "px",
                    "s",
                    s.map(v -> v / calls),
                    "seconds per forward call of one " + side + "x" + side + " input");
        }
    }
}
