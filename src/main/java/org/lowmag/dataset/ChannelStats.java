package org.lowmag.dataset;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Per-channel mean and population standard deviation of {@code x = v / 255} over every pixel of
 * many images, used to standardise the network inputs ({@code (x - mean) / std}, paper section
 * 3.2).
 *
 * <p>Accumulation is exact: a 256-bin histogram of counts per channel ({@code long}), so adding
 * images in any order, or in parallel, gives bit-identical results. The statistics are then taken
 * in double with two passes over the 256 bins, with {@code n = sum_v n_v}:
 *
 * <pre>
 * mean = sum_v n_v (v / 255) / n
 * std  = sqrt( sum_v n_v (v / 255 - mean)^2 / n )      (population, divisor n)
 * </pre>
 *
 * Not thread-safe; {@link #ofFiles} gives each worker its own instance and merges them.
 */
public final class ChannelStats {

    private final long[][] counts = new long[3][256];
    private long pixels;

    /** An empty accumulator. */
    public ChannelStats() {}

    /**
     * Adds every pixel of an image.
     *
     * @param img the image
     * @return this
     */
    public ChannelStats add(RgbImage img) {
        for (int c = 0; c < 3; c++) {
            long[] hist = counts[c];
            for (byte v : img.planes()[c]) {
                hist[v & 255]++;
            }
        }
        pixels += (long) img.widthPx() * img.heightPx();
        return this;
    }

    /**
     * Adds everything another accumulator has seen.
     *
     * @param other the other accumulator
     * @return this
     */
    public ChannelStats add(ChannelStats other) {
        for (int c = 0; c < 3; c++) {
            for (int v = 0; v < 256; v++) {
                counts[c][v] += other.counts[c][v];
            }
        }
        pixels += other.pixels;
        return this;
    }

    /**
     * @return the number of pixels (per channel) added so far
     */
    public long pixelCount() {
        return pixels;
    }

    /**
     * @return {@code {mean_R, mean_G, mean_B}} of {@code v / 255}
     * @throws IllegalStateException when no pixel was added
     */
    public double[] mean() {
        requireData();
        double[] mean = new double[3];
        for (int c = 0; c < 3; c++) {
            double sum = 0.0;
            for (int v = 0; v < 256; v++) {
                sum += counts[c][v] * (v / 255.0);
            }
            mean[c] = sum / pixels;
        }
        return mean;
    }

    /**
     * @return {@code {std_R, std_G, std_B}} of {@code v / 255}, population (divisor n)
     * @throws IllegalStateException when no pixel was added
     */
    public double[] std() {
        double[] mean = mean();
        double[] std = new double[3];
        for (int c = 0; c < 3; c++) {
            double sum = 0.0;
            for (int v = 0; v < 256; v++) {
                double d = v / 255.0 - mean[c];
                sum += counts[c][v] * d * d;
            }
            std[c] = Math.sqrt(sum / pixels);
        }
        return std;
    }

    private void requireData() {
        if (pixels == 0) {
            throw new IllegalStateException("no pixels added: channel statistics are undefined");
        }
    }

    /**
     * Reads images in parallel and accumulates them. Each worker keeps its own exact histogram;
     * merging integer counts does not depend on order, so the result is the same for any number of
     * threads and any scheduling.
     *
     * @param files the images
     * @param threads worker threads, at least 1
     * @return the statistics of all pixels of all images
     * @throws IOException when an image cannot be read (the other workers then stop early)
     */
    public static ChannelStats ofFiles(List<Path> files, int threads) throws IOException {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        int workers = Math.max(1, Math.min(threads, files.size()));
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        try {
            List<Future<ChannelStats>> parts = new ArrayList<>(workers);
            for (int t = 0; t < workers; t++) {
                parts.add(pool.submit(() -> accumulate(files, next)));
            }
            ChannelStats total = new ChannelStats();
            for (Future<ChannelStats> part : parts) {
                total.add(join(part));
            }
            return total;
        } finally {
            pool.shutdownNow();
        }
    }

    private static ChannelStats accumulate(List<Path> files, AtomicInteger next)
            throws IOException {
        ChannelStats stats = new ChannelStats();
        try {
            for (int i = next.getAndIncrement(); i < files.size(); i = next.getAndIncrement()) {
                stats.add(ImageFiles.readRgb(files.get(i)));
            }
        } catch (IOException | RuntimeException e) {
            next.set(files.size()); // stop the other workers, then report this failure
            throw e;
        }
        return stats;
    }

    private static ChannelStats join(Future<ChannelStats> part) throws IOException {
        try {
            return part.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reading images for channel statistics", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        }
    }
}
