package org.lowmag.slide;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A block read that fails must not let {@link RegionRenderer#render} return while sibling blocks
 * are still reading: the reader's {@code close()} (OpenSlide's {@code openslide_close}) would run
 * under them, which crashed the JVM on a corrupt JPEG 2000 slide.
 */
class RegionRendererFailureTest {

    /** 2048x2048 at downsample 1: 2x2 blocks of 1024 px. */
    private static final SlideMetadata META =
            new SlideMetadata(
                    "fake.svs",
                    2048,
                    2048,
                    List.of(2048L),
                    List.of(2048L),
                    List.of(1.0),
                    OptionalDouble.empty(),
                    OptionalDouble.empty(),
                    OptionalDouble.empty(),
                    "fake",
                    List.of(),
                    Map.of());

    /**
     * The first block's read (at 0,0) fails as soon as another block's read has started (or after 5
     * s); the others take 300 ms. Run in a pool of 4 threads (the common pool may have only one on
     * a small machine), so that other blocks are being read when the failure comes. The failing
     * block is chosen by position, not by thread: which thread reads which block is the pool's
     * choice, and under load the calling thread may read none.
     */
    @Test
    void aFailedBlockReturnsOnlyAfterEveryOtherBlockHasEnded() throws Exception {
        ForkJoinPool pool = new ForkJoinPool(4);
        try {
            Future<Integer> stillReading = pool.submit(RegionRendererFailureTest::failOneBlock);
            assertEquals(0, stillReading.get(), "block reads still running after render threw");
        } finally {
            pool.shutdownNow();
        }
    }

    private static int failOneBlock() {
        AtomicInteger inFlight = new AtomicInteger();
        CountDownLatch siblingStarted = new CountDownLatch(1);
        LevelPixelSource source =
                new LevelPixelSource() {
                    @Override
                    public double downsampleX(int level) {
                        return 1;
                    }

                    @Override
                    public double downsampleY(int level) {
                        return 1;
                    }

                    @Override
                    public int[] readLevel(int level, long x, long y, int width, int height)
                            throws IOException {
                        inFlight.incrementAndGet();
                        try {
                            if (x == 0 && y == 0) {
                                await(siblingStarted);
                                throw new IOException("corrupt tile");
                            }
                            siblingStarted.countDown();
                            sleep(300);
                            return new int[width * height];
                        } finally {
                            inFlight.decrementAndGet();
                        }
                    }
                };
        IOException e =
                assertThrows(
                        IOException.class,
                        () ->
                                RegionRenderer.render(
                                        META, new RegionRequest(0, 0, 2048, 2048, 1), source));
        int stillReading = inFlight.get();
        assertEquals("corrupt tile", e.getMessage());
        return stillReading;
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
