package org.lowmag.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link SlideFileCache}: copies, the byte limit, LRU eviction, leases, one copy per slide. */
class SlideFileCacheTest {

    @TempDir Path tmp;

    private final AtomicInteger copies = new AtomicInteger();

    /** A filler writing {@code bytes} bytes of value {@code b}. */
    private SlideFileCache.Filler bytes(int bytes, int b) {
        return target -> {
            copies.incrementAndGet();
            byte[] data = new byte[bytes];
            Arrays.fill(data, (byte) b);
            Files.write(target, data);
        };
    }

    private List<String> files(SlideFileCache cache) throws IOException {
        try (Stream<Path> s = Files.list(cache.dir())) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void copiesOnceAndEvictsTheLeastRecentlyUsedByBytes() throws IOException {
        SlideFileCache cache = new SlideFileCache(tmp.resolve("c"), 250);
        try (SlideFileCache.Lease a =
                cache.acquire("x://a.ndpi", "a.ndpi", 100, 1, bytes(100, 1))) {
            assertTrue(a.file().getFileName().toString().endsWith("-a.ndpi"), a.file().toString());
            assertArrayEquals(new byte[] {1, 1}, Arrays.copyOf(Files.readAllBytes(a.file()), 2));
        }
        cache.acquire("x://b.ndpi", "b.ndpi", 100, 1, bytes(100, 2)).close();
        // a again: cached, no copy, and now the most recently used
        cache.acquire("x://a.ndpi", "a.ndpi", 100, 1, bytes(100, 1)).close();
        assertEquals(2, copies.get());
        assertEquals(200, cache.usedBytes());
        // c (100 bytes) does not fit with a and b (250 max): b, least recently used, goes
        cache.acquire("x://c.ndpi", "c.ndpi", 100, 1, bytes(100, 3)).close();
        assertEquals(200, cache.usedBytes());
        List<String> names = files(cache);
        assertEquals(2, names.size(), names.toString());
        assertTrue(names.stream().anyMatch(n -> n.endsWith("-a.ndpi")), names.toString());
        assertTrue(names.stream().anyMatch(n -> n.endsWith("-c.ndpi")), names.toString());
        // a changed slide (another modification time) is copied again
        cache.acquire("x://a.ndpi", "a.ndpi", 100, 2, bytes(100, 4)).close();
        assertEquals(4, copies.get());
        assertTrue(cache.usedBytes() <= 250);
    }

    @Test
    void aSlideInUseIsNeverEvictedAndTooLargeOnesAreRefused() throws IOException {
        SlideFileCache cache = new SlideFileCache(tmp.resolve("c"), 150);
        IOException big =
                assertThrows(
                        IOException.class,
                        () -> cache.acquire("x://huge.ndpi", "huge.ndpi", 151, 1, bytes(151, 0)));
        assertTrue(big.getMessage().contains("--slide-cache-gib"), big.getMessage());
        try (SlideFileCache.Lease a =
                cache.acquire("x://a.ndpi", "a.ndpi", 100, 1, bytes(100, 1))) {
            IOException full =
                    assertThrows(
                            IOException.class,
                            () -> cache.acquire("x://b.ndpi", "b.ndpi", 100, 1, bytes(100, 2)));
            assertTrue(full.getMessage().contains("held by slides being read"), full.getMessage());
            assertTrue(Files.isRegularFile(a.file()));
        }
        // released: now b may evict it
        try (SlideFileCache.Lease b =
                cache.acquire("x://b.ndpi", "b.ndpi", 100, 1, bytes(100, 2))) {
            assertEquals(1, files(cache).size());
            assertTrue(Files.isRegularFile(b.file()));
        }
    }

    @Test
    void aFailedCopyLeavesNothingAndIsRetried() throws IOException {
        SlideFileCache cache = new SlideFileCache(tmp.resolve("c"), 1000);
        SlideFileCache.Filler failing =
                target -> {
                    Files.write(target, new byte[10]);
                    throw new IOException("network down");
                };
        assertThrows(
                IOException.class, () -> cache.acquire("x://a.ndpi", "a.ndpi", 100, 1, failing));
        assertEquals(List.of(), files(cache), "no partial copy left");
        assertEquals(0, cache.usedBytes());
        // a short copy (the source changed) is refused too
        IOException shortCopy =
                assertThrows(
                        IOException.class,
                        () -> cache.acquire("x://a.ndpi", "a.ndpi", 100, 1, bytes(50, 1)));
        assertTrue(shortCopy.getMessage().contains("copied 50 bytes"), shortCopy.getMessage());
        try (SlideFileCache.Lease a =
                cache.acquire("x://a.ndpi", "a.ndpi", 100, 1, bytes(100, 1))) {
            assertEquals(100, Files.size(a.file()));
        }
    }

    @Test
    void concurrentTasksShareOneCopy() throws Exception {
        SlideFileCache cache = new SlideFileCache(tmp.resolve("c"), 1000);
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        SlideFileCache.Filler slow =
                target -> {
                    copies.incrementAndGet();
                    started.countDown();
                    try {
                        assertTrue(release.await(30, TimeUnit.SECONDS));
                    } catch (InterruptedException e) {
                        throw new IOException(e);
                    }
                    Files.write(target, new byte[100]);
                };
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Path>> got = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                got.add(
                        pool.submit(
                                () -> {
                                    try (SlideFileCache.Lease l =
                                            cache.acquire("x://a.ndpi", "a.ndpi", 100, 1, slow)) {
                                        assertEquals(100, Files.size(l.file()));
                                        return l.file();
                                    }
                                }));
            }
            assertTrue(started.await(30, TimeUnit.SECONDS));
            assertFalse(got.get(0).isDone() && got.get(1).isDone(), "they wait for the copy");
            release.countDown();
            for (Future<Path> f : got) {
                assertEquals(got.get(0).get(), f.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, copies.get(), "one copy for four tasks");
        assertEquals(1, files(cache).size());
    }
}
