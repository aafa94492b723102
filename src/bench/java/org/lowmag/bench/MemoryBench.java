package org.lowmag.bench;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.lowmag.dataset.RgbImage;
import org.lowmag.model.InputTensors;
import org.lowmag.model.Kernels;
import org.lowmag.model.LowMagModel;
import org.lowmag.model.TrainingPass;
import org.lowmag.train.Adam;
import org.lowmag.train.SupervisedObjective;

/**
 * Peak memory of training on one large tissue, run in a JVM of its own per size: {@code steps}
 * training steps of one {@code size x size} tissue (the work of {@link SupervisedObjective} for a
 * single tissue: standardised input tensor, forward, cross-entropy, backward, then {@link Adam}),
 * then the process's peak resident set ({@code VmHWM} of {@code /proc/self/status}: Java heap,
 * libtorch's activations and gradients, everything). Key {@code memory/SIZE} in GiB; the resident
 * set before the first step (JVM, libtorch, model, optimiser state) goes to {@code
 * memory/SIZE/baseline}, the seconds per step to {@code memory/SIZE/step}.
 *
 * <p>Usage: {@code MemoryBench --raw FILE --size 2048 [--arch paper] [--steps 2] [--threads 2]
 * [--checkpoint off|on] [--kernels fused|composite] [--tag TAG]}; {@code --checkpoint on}
 * checkpoints the activations (see {@link TrainingPass}) and makes the default tag {@code
 * checkpoint}; a tag makes the key {@code memory/SIZE/TAG}.
 */
public final class MemoryBench {

    private static final double GIB = 1024.0 * 1024 * 1024;

    private MemoryBench() {}

    /**
     * @param args see the class comment
     * @throws Exception when training fails (e.g. out of memory)
     */
    public static void main(String[] args) throws Exception {
        BenchArgs a = new BenchArgs(args);
        int size = a.integer("size", 1024);
        int steps = a.integer("steps", 2);
        String arch = a.string("arch", "paper");
        boolean checkpoint = a.string("checkpoint", "off").equals("on");
        BenchModels.engine(a.integer("threads", 2));
        Kernels.use(Kernels.parse(a.string("kernels", "fused")));
        RgbImage img = BenchModels.images(1, size, 3).get(0);
        double baseline;
        long t0;
        try (LowMagModel model = BenchModels.create(arch, 10.0, 1L);
                NDManager optState = NDManager.newBaseManager()) {
            Adam adam = new Adam(model.net().getParameters(), 1e-4f, optState);
            baseline = kib("VmRSS") / (1024.0 * 1024);
            t0 = System.nanoTime();
            for (int s = 0; s < steps; s++) {
                try (NDManager m = model.djlModel().getNDManager().newSubManager();
                        GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                    NDArray x = InputTensors.batch(m, List.of(img), model.info().normalization());
                    TrainingPass pass = TrainingPass.forward(model, m, x, checkpoint);
                    pass.backward(
                            gc, SupervisedObjective.crossEntropySum(pass.logits(), new int[] {0}));
                }
                adam.step(1e-3f);
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9 / steps;
        double peak = kib("VmHWM") / (1024.0 * 1024);
        RawResults raw = new RawResults(a.path("raw"));
        String note =
                arch
                        + "; one "
                        + size
                        + "x"
                        + size
                        + " tissue; "
                        + steps
                        + " steps"
                        + (checkpoint ? "; activations checkpointed" : "");
        String tag = a.string("tag", checkpoint ? "checkpoint" : "");
        String key = "memory/" + size + (tag.isEmpty() ? "" : "/" + tag);
        raw.add(key, "GiB", new Samples(new double[] {peak}), note);
        raw.add(key + "/baseline", "GiB", new Samples(new double[] {baseline}), note);
        raw.add(
                key + "/step",
                "s",
                new Samples(new double[] {seconds}),
                "seconds per training step; " + note);
        System.out.println(
                "  (-Xmx " + Runtime.getRuntime().maxMemory() / GIB + " GiB of Java heap allowed)");
    }

    /** A field of /proc/self/status in KiB. */
    private static long kib(String field) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith(field + ":")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        throw new IOException("/proc/self/status has no " + field);
    }
}
