package org.lowmag.resample.bench;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.lowmag.resample.LanczosResampler;

/**
 * Throughput of {@link LanczosResampler} on a large image, for {@code benchmarks/lanczos.sh}.
 *
 * <p>Usage: {@code LanczosBench IN.ppm FACTOR THREADS REPS}. Reads a binary PPM (P6, 8-bit) once,
 * runs two warm-up resizes, then {@code REPS} timed ones, and prints one line: {@code java THREADS
 * MEDIAN_SECONDS MEGAPIXELS_PER_SECOND SECONDS_1;SECONDS_2;...} where megapixels are input pixels.
 * Timing covers the resize only (weights, output allocation, both passes), not reading the file.
 */
public final class LanczosBench {

    private LanczosBench() {}

    /**
     * Runs the benchmark.
     *
     * @param args IN.ppm FACTOR THREADS REPS
     * @throws IOException when the PPM cannot be read
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 4) {
            throw new IllegalArgumentException("usage: LanczosBench IN.ppm FACTOR THREADS REPS");
        }
        Path in = Path.of(args[0]);
        double factor = Double.parseDouble(args[1]);
        int threads = Integer.parseInt(args[2]);
        int reps = Integer.parseInt(args[3]);
        int[] size = new int[2];
        int[] rgb = readPpm(in, size);
        int w = size[0];
        int h = size[1];
        int ow = LanczosResampler.outputSize(w, factor);
        int oh = LanczosResampler.outputSize(h, factor);
        int[] dst = new int[ow * oh];
        double[] seconds = new double[reps];
        try (LanczosResampler resampler = new LanczosResampler(threads)) {
            for (int i = 0; i < 2; i++) {
                resampler.resize(rgb, w, h, dst, ow, oh);
            }
            for (int i = 0; i < reps; i++) {
                long t0 = System.nanoTime();
                resampler.resize(rgb, w, h, dst, ow, oh);
                seconds[i] = (System.nanoTime() - t0) / 1e9;
            }
        }
        StringBuilder all = new StringBuilder();
        for (double s : seconds) {
            all.append(all.length() > 0 ? ";" : "").append(String.format(Locale.ROOT, "%.4f", s));
        }
        Arrays.sort(seconds);
        double median = seconds[reps / 2];
        System.out.printf(
                Locale.ROOT,
                "java %d %.4f %.1f %s%n",
                threads,
                median,
                (double) w * h / 1e6 / median,
                all);
    }

    private static int[] readPpm(Path path, int[] size) throws IOException {
        try (InputStream raw = Files.newInputStream(path);
                DataInputStream in = new DataInputStream(new BufferedInputStream(raw, 1 << 20))) {
            if (!"P6".equals(token(in))) {
                throw new IOException(path + " is not a binary PPM (P6)");
            }
            int w = Integer.parseInt(token(in));
            int h = Integer.parseInt(token(in));
            if (!"255".equals(token(in))) {
                throw new IOException(path + ": only 8-bit PPM is supported");
            }
            size[0] = w;
            size[1] = h;
            int[] rgb = new int[Math.multiplyExact(w, h)];
            byte[] row = new byte[w * 3];
            for (int y = 0; y < h; y++) {
                in.readFully(row);
                for (int x = 0; x < w; x++) {
                    rgb[y * w + x] =
                            (row[3 * x] & 0xff) << 16
                                    | (row[3 * x + 1] & 0xff) << 8
                                    | (row[3 * x + 2] & 0xff);
                }
            }
            return rgb;
        }
    }

    /** Reads one whitespace-separated header token, skipping {@code #} comment lines. */
    private static String token(DataInputStream in) throws IOException {
        StringBuilder sb = new StringBuilder();
        int c = in.read();
        while (Character.isWhitespace(c) || c == '#') {
            if (c == '#') {
                while (c >= 0 && c != '\n') {
                    c = in.read();
                }
            }
            c = in.read();
        }
        while (c >= 0 && !Character.isWhitespace(c)) {
            sb.append((char) c);
            c = in.read();
        }
        return sb.toString();
    }
}
