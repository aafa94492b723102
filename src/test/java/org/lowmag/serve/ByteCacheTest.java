package org.lowmag.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ByteCacheTest {

    @Test
    void evictsTheLeastRecentlyUsedBeyondItsByteBound() throws Exception {
        ByteCache c = new ByteCache(250);
        c.get("a", () -> new byte[100]);
        c.get("b", () -> new byte[100]);
        c.get("a", () -> new byte[100]); // a is now the most recent
        c.get("c", () -> new byte[100]); // 300 > 250: b goes
        assertEquals(200, c.bytes());
        AtomicInteger loads = new AtomicInteger();
        c.get("a", () -> new byte[loads.incrementAndGet()]);
        c.get("b", () -> new byte[loads.incrementAndGet()]);
        assertEquals(1, loads.get(), "a was kept, b was reloaded");
    }

    @Test
    void concurrentRequestsForOneKeyLoadItOnce() throws Exception {
        ByteCache c = new ByteCache(1 << 20);
        AtomicInteger loads = new AtomicInteger();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<byte[]>> all = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                all.add(
                        pool.submit(
                                () -> {
                                    go.await();
                                    return c.get(
                                            "tile",
                                            () -> {
                                                loads.incrementAndGet();
                                                java.util.concurrent.locks.LockSupport.parkNanos(
                                                        100_000_000L);
                                                return new byte[10];
                                            });
                                }));
            }
            go.countDown();
            for (Future<byte[]> f : all) {
                assertEquals(10, f.get().length);
            }
        } finally {
            pool.shutdownNow();
        }
        assertTrue(loads.get() <= 2, loads.get() + " loads");
    }
}
