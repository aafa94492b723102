import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.lowmag.model.Engines;
import org.lowmag.model.LowMagModel;
import org.lowmag.model.TorchOps;

/**
 * How one forward pass of a LowMag model costs with the input's size: square inputs of 64 to 1024
 * px, one libtorch thread, the median of up to 200 passes per size (after 300 warm-up passes on
 * 64-68 px inputs), as {@code predict} runs them ({@link LowMagModel#forwardInference}). With the
 * FLOPs of {@code lowmag flops --input 3xSxS} this gives the GFLOP/s at each size: the reason
 * small students do not run as many times faster as they have fewer FLOPs.
 * {@code forward_sizes.py} runs the same network in PyTorch, {@code OrtForward.java} in ONNX
 * Runtime, for comparison ({@code runtimes.sh} runs all three).
 *
 * <p>With a second argument, a list of input sizes ({@code H W} per line, {@code tissue_list.py}),
 * it also times passes over the whole list, one forward per tissue: the first pass (sizes new to
 * the process) and the median of the next nine, in ms per list ({@code FORWARD_LIST_ONLY=1}: only
 * that).
 *
 * <p>Benchmark helper, run as a single-file program on the built jar, with the launcher's malloc
 * settings ({@code bin/malloc-env.sh}): {@code . bin/malloc-env.sh; java -Dai.djl.offline=true
 * -cp "target/lowmag.jar:target/lib/*" benchmarks/fullsize/ForwardSizes.java MODEL_DIR [LIST]}.
 */
public class ForwardSizes {

    public static void main(String[] args) throws Exception {
        Engines.device();
        TorchOps.setNumThreads(1);
        LowMagModel model = LowMagModel.load(Path.of(args[0]));
        List<long[]> list =
                args.length > 1
                        ? Files.readAllLines(Path.of(args[1])).stream()
                                .filter(l -> !l.isBlank())
                                .map(l -> l.trim().split("\\s+"))
                                .map(hw ->
                                        new long[] {
                                            Long.parseLong(hw[0]), Long.parseLong(hw[1])
                                        })
                                .toList()
                        : List.of();
        try (NDManager m = NDManager.newBaseManager()) {
            for (int i = 0; i < 300; i++) {
                try (NDManager s = m.newSubManager()) {
                    model.forwardInference(s, s.randomNormal(new Shape(1, 3, 64 + i % 5, 64)));
                }
            }
            if (!list.isEmpty()) {
                List<NDArray> inputs =
                        list.stream()
                                .map(hw -> m.randomNormal(new Shape(1, 3, hw[0], hw[1])))
                                .toList();
                double[] ms = new double[10];
                for (int r = 0; r < ms.length; r++) {
                    long t = System.nanoTime();
                    for (NDArray x : inputs) {
                        try (NDManager s = m.newSubManager()) {
                            model.forwardInference(s, x);
                        }
                    }
                    ms[r] = (System.nanoTime() - t) / 1e6;
                }
                double first = ms[0];
                Arrays.sort(ms, 1, ms.length);
                System.out.printf(
                        "lowmag list: first %.1f ms, median %.1f ms (%d tissues)%n",
                        first, ms[5], list.size());
            }
            for (int side : squares()) {
                NDArray x = m.randomNormal(new Shape(1, 3, side, side));
                int n = (int) Math.min(200, Math.max(5, 2_000_000L * 64 / ((long) side * side)));
                double[] ms = new double[n];
                for (int i = -3; i < n; i++) {
                    long t = System.nanoTime();
                    try (NDManager s = m.newSubManager()) {
                        model.forwardInference(s, x);
                    }
                    if (i >= 0) {
                        ms[i] = (System.nanoTime() - t) / 1e6;
                    }
                }
                Arrays.sort(ms);
                System.out.printf("lowmag %5d px: median %.2f ms (%d passes)%n", side, ms[n / 2], n);
            }
        }
    }

    /** The square sizes timed: none when {@code FORWARD_LIST_ONLY=1} (only the list). */
    static int[] squares() {
        return "1".equals(System.getenv("FORWARD_LIST_ONLY"))
                ? new int[0]
                : new int[] {64, 128, 256, 512, 1024};
    }
}
