package org.lowmag.resample;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Separable Lanczos-3 resize of 8-bit RGB images that reproduces Pillow's {@code
 * Image.resize((outW, outH), Image.LANCZOS)} (Pillow's {@code ImagingResample}) bit for bit up to
 * the last-ulp differences of {@code sin}.
 *
 * <p>Algorithm: weights per axis from {@link ResampleWeights} (kernel {@code L(x) = sinc(x)
 * sinc(x/3)} for {@code |x| < 3}, stretched by the scale {@code s = in/out} when downsampling, so
 * the support is {@code 3 s} input pixels, centred at {@code (i + 0.5) s}, normalised per output
 * pixel, 22-bit fixed point). A horizontal pass produces 8-bit intermediate rows ({@code
 * clamp((2^21 + sum w v) >> 22, 0, 255)}), then a vertical pass over those rows gives the output
 * with the same rounding. When an axis keeps its size its weights are the identity, so that pass
 * changes nothing, as in Pillow where it is skipped.
 *
 * <p>Threads: output rows are cut into bands that run on a pool of {@code threads} daemon threads
 * (created on first use); each band keeps only a ring of {@code 2 ceil(3 s) + 1} intermediate rows,
 * so memory beyond the output stays small even for 10k x 10k inputs. Small images run on the
 * calling thread. An instance may be used from several threads at once; {@link #close()} stops its
 * pool.
 */
public final class LanczosResampler implements AutoCloseable {

    /** Inputs smaller than this (in pixels) are resampled on the calling thread. */
    static final long PARALLEL_MIN_PIXELS = 1L << 18;

    /** Bands per thread (more bands balance load; each band recomputes a few rows at its start). */
    private static final int BANDS_PER_THREAD = 4;

    private final int threads;
    private final Object poolLock = new Object();
    private ExecutorService pool;

    /** A resampler using one thread per available processor. */
    public LanczosResampler() {
        this(Runtime.getRuntime().availableProcessors());
    }

    /**
     * @param threads worker threads, at least 1 (1 = everything on the calling thread)
     */
    public LanczosResampler(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        this.threads = threads;
    }

    /**
     * @return the number of worker threads
     */
    public int threads() {
        return threads;
    }

    /**
     * The output size of a downsampling by {@code factor}: {@code max(1, round(sizePx / factor))}
     * with halves rounded up ({@link Math#round(double)}), the convention of {@code
     * org.lowmag.slide.RegionRequest}. (Python's {@code round} rounds halves to even: callers
     * comparing with Python must use {@code floor(x + 0.5)}.)
     *
     * @param sizePx the input size, at least 1
     * @param factor input pixels per output pixel, finite and positive
     * @return the output size
     */
    public static int outputSize(int sizePx, double factor) {
        if (!(factor > 0) || Double.isInfinite(factor)) {
            throw new IllegalArgumentException("factor must be a finite number > 0, got " + factor);
        }
        if (sizePx < 1) {
            throw new IllegalArgumentException("size must be at least 1, got " + sizePx);
        }
        long out = Math.max(1, Math.round(sizePx / factor));
        if (out > Integer.MAX_VALUE / 4) {
            throw new IllegalArgumentException(
                    "factor " + factor + " makes a " + out + " px side: too large");
        }
        return (int) out;
    }

    /**
     * Downsamples (or, for a factor below 1, upsamples) by a factor on both axes.
     *
     * @param image the input, any type (alpha is ignored)
     * @param factor input pixels per output pixel
     * @return a {@code TYPE_INT_RGB} image of {@link #outputSize} x {@link #outputSize}
     */
    public BufferedImage downsample(BufferedImage image, double factor) {
        return resize(
                image, outputSize(image.getWidth(), factor), outputSize(image.getHeight(), factor));
    }

    /**
     * Resizes an image to the given size.
     *
     * @param image the input, any type (alpha is ignored, grey is treated as R = G = B)
     * @param outWidthPx output width, at least 1
     * @param outHeightPx output height, at least 1
     * @return a new {@code TYPE_INT_RGB} image
     */
    public BufferedImage resize(BufferedImage image, int outWidthPx, int outHeightPx) {
        checkSize(outWidthPx, outHeightPx, "output");
        BufferedImage out = new BufferedImage(outWidthPx, outHeightPx, BufferedImage.TYPE_INT_RGB);
        int[] dst = ((DataBufferInt) out.getRaster().getDataBuffer()).getData();
        run(RowSource.of(image), image.getWidth(), image.getHeight(), dst, outWidthPx, outHeightPx);
        return out;
    }

    /**
     * Resizes packed RGB pixels.
     *
     * @param rgb input pixels {@code 0xRRGGBB} (high byte ignored), row-major, {@code widthPx *
     *     heightPx} long
     * @param widthPx input width
     * @param heightPx input height
     * @param outWidthPx output width
     * @param outHeightPx output height
     * @return output pixels {@code 0xRRGGBB}, row-major
     */
    public int[] resize(int[] rgb, int widthPx, int heightPx, int outWidthPx, int outHeightPx) {
        checkSize(outWidthPx, outHeightPx, "output");
        int[] dst = new int[Math.multiplyExact(outWidthPx, outHeightPx)];
        resize(rgb, widthPx, heightPx, dst, outWidthPx, outHeightPx);
        return dst;
    }

    /**
     * Resizes packed RGB pixels into a caller-owned array (no allocation beyond small buffers).
     *
     * @param rgb input pixels {@code 0xRRGGBB}, row-major
     * @param widthPx input width
     * @param heightPx input height
     * @param dst output pixels, at least {@code outWidthPx * outHeightPx} long
     * @param outWidthPx output width
     * @param outHeightPx output height
     */
    public void resize(
            int[] rgb, int widthPx, int heightPx, int[] dst, int outWidthPx, int outHeightPx) {
        checkSize(widthPx, heightPx, "input");
        checkSize(outWidthPx, outHeightPx, "output");
        if (rgb.length < (long) widthPx * heightPx) {
            throw new IllegalArgumentException(
                    "input array has " + rgb.length + " ints, need " + widthPx + "x" + heightPx);
        }
        if (dst.length < (long) outWidthPx * outHeightPx) {
            throw new IllegalArgumentException(
                    "output array has "
                            + dst.length
                            + " ints, need "
                            + outWidthPx
                            + "x"
                            + outHeightPx);
        }
        run(
                RowSource.packed(rgb, 0, widthPx, widthPx),
                widthPx,
                heightPx,
                dst,
                outWidthPx,
                outHeightPx);
    }

    private void run(RowSource src, int w, int h, int[] dst, int outW, int outH) {
        checkSize(w, h, "input");
        ResampleWeights wx = ResampleWeights.lanczos3(w, outW);
        ResampleWeights wy = ResampleWeights.lanczos3(h, outH);
        int bands =
                threads == 1 || (long) w * h < PARALLEL_MIN_PIXELS
                        ? 1
                        : Math.min(outH, threads * BANDS_PER_THREAD);
        if (bands == 1) {
            new BandResampler(src, wx, wy).run(0, outH, dst);
            return;
        }
        AtomicInteger next = new AtomicInteger();
        List<Callable<Void>> jobs = new ArrayList<>();
        for (int i = 0; i < Math.min(threads, bands); i++) {
            jobs.add(
                    () -> {
                        BandResampler worker = new BandResampler(src, wx, wy);
                        for (int b = next.getAndIncrement();
                                b < bands;
                                b = next.getAndIncrement()) {
                            int y0 = (int) ((long) outH * b / bands);
                            int y1 = (int) ((long) outH * (b + 1) / bands);
                            worker.run(y0, y1, dst);
                        }
                        return null;
                    });
        }
        invokeAll(jobs);
    }

    private void invokeAll(List<Callable<Void>> jobs) {
        List<Future<Void>> futures;
        try {
            futures = pool().invokeAll(jobs);
            for (Future<Void> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while resampling", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException("resampling failed: " + cause, cause);
        }
    }

    private ExecutorService pool() {
        synchronized (poolLock) {
            if (pool == null) {
                AtomicInteger n = new AtomicInteger();
                pool =
                        Executors.newFixedThreadPool(
                                threads,
                                r -> {
                                    Thread t = new Thread(r, "lanczos-" + n.incrementAndGet());
                                    t.setDaemon(true);
                                    return t;
                                });
            }
            return pool;
        }
    }

    private static void checkSize(int w, int h, String what) {
        if (w < 1 || h < 1) {
            throw new IllegalArgumentException(
                    what + " size must be at least 1x1, got " + w + "x" + h);
        }
    }

    /** Stops the worker threads (if any were started); the resampler can still be used. */
    @Override
    public void close() {
        synchronized (poolLock) {
            if (pool != null) {
                pool.shutdown();
                pool = null;
            }
        }
    }
}
