import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * {@code ForwardSizes.java}'s timings in ONNX Runtime: the `paper` network exported by {@code
 * export_onnx.py}, one intra-op thread, all graph optimisations, batch 1; the median of up to 200
 * passes per square size after 300 warm-up passes on 64-68 px inputs, and, with a list of sizes
 * ({@code H W} per line), the first pass over the list and the median of the next nine (ms per
 * list; {@code FORWARD_LIST_ONLY=1}: only that). A pass includes wrapping the input and reading
 * the logits, as an application would.
 *
 * <p>Benchmark helper only (ONNX Runtime is not a LowMag dependency): {@code runtimes.sh} fetches
 * {@code com.microsoft.onnxruntime:onnxruntime} with Maven and runs {@code java -cp ORT_JAR
 * benchmarks/fullsize/OrtForward.java MODEL.onnx [LIST]}.
 */
public class OrtForward {

    public static void main(String[] args) throws Exception {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        OrtSession.SessionOptions options = new OrtSession.SessionOptions();
        options.setIntraOpNumThreads(1);
        options.setInterOpNumThreads(1);
        options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
        Random random = new Random(0);
        try (OrtSession session = env.createSession(args[0], options)) {
            for (int i = 0; i < 300; i++) {
                pass(env, session, input(random, 64 + i % 5, 64));
            }
            if (args.length > 1) {
                List<float[][]> inputs = new ArrayList<>();
                for (String line : Files.readAllLines(Path.of(args[1]))) {
                    if (!line.isBlank()) {
                        String[] hw = line.trim().split("\\s+");
                        inputs.add(input(random, Integer.parseInt(hw[0]), Integer.parseInt(hw[1])));
                    }
                }
                double[] ms = new double[10];
                for (int r = 0; r < ms.length; r++) {
                    long t = System.nanoTime();
                    for (float[][] x : inputs) {
                        pass(env, session, x);
                    }
                    ms[r] = (System.nanoTime() - t) / 1e6;
                }
                double first = ms[0];
                Arrays.sort(ms, 1, ms.length);
                System.out.printf(
                        "ort list: first %.1f ms, median %.1f ms (%d tissues)%n",
                        first, ms[5], inputs.size());
            }
            for (int side : squares()) {
                float[][] x = input(random, side, side);
                int n = (int) Math.min(200, Math.max(5, 2_000_000L * 64 / ((long) side * side)));
                double[] ms = new double[n];
                for (int i = -3; i < n; i++) {
                    long t = System.nanoTime();
                    pass(env, session, x);
                    if (i >= 0) {
                        ms[i] = (System.nanoTime() - t) / 1e6;
                    }
                }
                Arrays.sort(ms);
                System.out.printf(
                        "ort    %5d px: median %.2f ms (%d passes)%n", side, ms[n / 2], n);
            }
        }
    }

    /** The square sizes timed: none when {@code FORWARD_LIST_ONLY=1} (only the list). */
    private static int[] squares() {
        return "1".equals(System.getenv("FORWARD_LIST_ONLY"))
                ? new int[0]
                : new int[] {64, 128, 256, 512, 1024};
    }

    /** A random input: {@code [0]} the values, {@code [1]} its height and width. */
    private static float[][] input(Random random, int h, int w) {
        float[] v = new float[3 * h * w];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) random.nextGaussian();
        }
        return new float[][] {v, {h, w}};
    }

    private static void pass(OrtEnvironment env, OrtSession session, float[][] x) throws Exception {
        long[] shape = {1, 3, (long) x[1][0], (long) x[1][1]};
        try (OnnxTensor in = OnnxTensor.createTensor(env, FloatBuffer.wrap(x[0]), shape);
                OrtSession.Result out = session.run(Map.of("x", in))) {
            float[][] logits = (float[][]) out.get("logits").orElseThrow().getValue();
            if (logits[0].length != 3) {
                throw new IllegalStateException("expected 3 logits, got " + logits[0].length);
            }
        }
    }
}
