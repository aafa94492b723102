package org.lowmag.bench;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.lowmag.infer.LargeTissues;
import org.lowmag.infer.ModelRunner;
import org.lowmag.infer.TiledInference;
import org.lowmag.model.LowMagModel;

/**
 * Peak memory of {@code predict}'s forward pass on one large tissue, run in a JVM of its own: an
 * untrained {@code paper} model ({@link BenchModels#create}) classifies one {@code size x size} px
 * noise tissue ({@link BenchModels#images}) whole, or with {@code --tile on} in tiles of at most
 * {@code --max-px} px ({@link TiledInference}). Prints the process's peak resident set ({@code
 * VmHWM}) after a 64 x 64 px warm-up pass (the baseline: JVM, libtorch, model, the tissue image)
 * and after the tissue, their difference per tissue pixel, and the seconds. The source of {@link
 * LargeTissues#DEFAULT_MAX_TISSUE_PX}.
 *
 * <p>Usage: {@code InferenceMemoryBench --size 2896 [--tile on] [--max-px 8388608]}.
 */
public final class InferenceMemoryBench {

    private InferenceMemoryBench() {}

    /**
     * @param args see the class comment
     * @throws IOException when /proc/self/status cannot be read
     */
    public static void main(String[] args) throws IOException {
        BenchArgs a = new BenchArgs(args);
        int side = a.integer("size", 2896);
        boolean tile = a.string("tile", "off").equals("on");
        long maxPx = Long.parseLong(a.string("max-px", Long.toString(1L << 23)));
        try (LowMagModel m = BenchModels.create("paper", 10.0, 1L)) {
            ModelRunner r = new ModelRunner(m);
            BufferedImage img = BenchModels.images(1, side, 3).get(0).toBufferedImage();
            r.classify(new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB), false);
            double base = mib();
            long t0 = System.nanoTime();
            LargeTissues large = new LargeTissues(maxPx, tile);
            double p0 =
                    TiledInference.classifyAll(r, List.of(img), false, large)
                            .get(0)
                            .probabilities()[0];
            double peak = mib();
            System.out.printf(
                    Locale.ROOT,
                    "%d x %d px, tiled %b (max %d px): VmHWM %.0f MiB before, %.0f MiB after,"
                            + " +%.0f MiB = %.1f B/px; %.1f s; p[0] %.4f%n",
                    side,
                    side,
                    tile,
                    maxPx,
                    base,
                    peak,
                    peak - base,
                    (peak - base) * 1048576.0 / ((double) side * side),
                    (System.nanoTime() - t0) / 1e9,
                    p0);
        }
    }

    /** The peak resident set, VmHWM of /proc/self/status, in MiB. */
    private static double mib() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
            }
        }
        throw new IOException("/proc/self/status has no VmHWM");
    }
}
