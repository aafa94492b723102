package org.lowmag.serve;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.lowmag.slide.SlideReaders;

/**
 * Tile latency of {@link TileService}: for each slide, {@code n} distinct 256-px Deep Zoom tiles
 * drawn at random from the top three levels, timed cold (first request: read, decode, encode) and
 * warm (the same tiles again, from the cache). Prints the median and 95th percentile per slide. Run
 * by {@code benchmarks/serve/tile-latency.sh}.
 */
public final class TileBenchmark {

    private TileBenchmark() {}

    /**
     * @param args {@code N SEED SLIDE...}
     * @throws Exception when a slide cannot be read
     */
    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(args[0]);
        long seed = Long.parseLong(args[1]);
        System.out.printf(
                Locale.ROOT,
                "%-40s %8s %9s %9s %9s %9s%n",
                "slide",
                "tiles",
                "cold_med",
                "cold_p95",
                "warm_med",
                "warm_p95");
        for (int i = 2; i < args.length; i++) {
            try {
                run(Path.of(args[i]), n, new SplittableRandom(seed));
            } catch (IOException e) {
                System.out.printf(
                        "%-40s skipped: %s%n", Path.of(args[i]).getFileName(), e.getMessage());
            }
        }
    }

    private static void run(Path slide, int n, SplittableRandom random)
            throws IOException, TileService.Busy {
        try (TileService s = new TileService(256L << 20, 4, 4, SlideReaders::open)) {
            DeepZoomGeometry g = s.geometry(slide);
            s.tile(slide, g.maxLevel() - 8, 0, 0); // open the reader, warm the JIT a little
            List<long[]> tiles = new ArrayList<>();
            for (int level = g.maxLevel() - 2; level <= g.maxLevel(); level++) {
                for (long c = 0; c < g.columns(level); c++) {
                    for (long r = 0; r < g.rows(level); r++) {
                        tiles.add(new long[] {level, c, r});
                    }
                }
            }
            for (int k = tiles.size() - 1; k > 0; k--) { // Fisher-Yates, then the first n
                java.util.Collections.swap(tiles, k, random.nextInt(k + 1));
            }
            tiles = new ArrayList<>(tiles.subList(0, Math.min(n, tiles.size())));
            double[] cold = time(s, slide, tiles);
            double[] warm = time(s, slide, tiles);
            System.out.printf(
                    Locale.ROOT,
                    "%-40s %8d %7.1fms %7.1fms %7.2fms %7.2fms%n",
                    slide.getFileName(),
                    tiles.size(),
                    pct(cold, 50),
                    pct(cold, 95),
                    pct(warm, 50),
                    pct(warm, 95));
        }
    }

    private static double[] time(TileService s, Path slide, List<long[]> tiles)
            throws TileService.Busy {
        double[] ms = new double[tiles.size()];
        for (int k = 0; k < ms.length; k++) {
            long[] t = tiles.get(k);
            long t0 = System.nanoTime();
            TileService.Image img = s.tile(slide, (int) t[0], t[1], t[2]);
            ms[k] = (System.nanoTime() - t0) / 1e6;
            if (!img.error().isEmpty()) {
                throw new IllegalStateException(slide + ": " + img.error());
            }
        }
        return ms;
    }

    /** The nearest-rank percentile: the {@code ceil(q/100 n)}-th smallest. */
    private static double pct(double[] v, double q) {
        double[] s = v.clone();
        Arrays.sort(s);
        int rank = (int) Math.ceil(q / 100 * s.length);
        return s[Math.max(0, rank - 1)];
    }
}
