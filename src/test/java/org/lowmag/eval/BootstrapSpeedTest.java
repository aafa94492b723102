package org.lowmag.eval;

import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Measures (prints, does not assert) the time of the paper's bootstrap, B = 10,000 on n = 2,000
 * items with 5 classes. Run with {@code mvn -o test -Dtest=BootstrapSpeedTest
 * -Dsurefire.excludedGroups= -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@Tag("slow")
class BootstrapSpeedTest {

    @Test
    void paperBootstrapOnTwoThousandItems() {
        int[][] data = BootstrapTest.randomData(2_000, 5, 2024);
        List<String> names = List.of("c0", "c1", "c2", "c3", "c4");
        int cores = Runtime.getRuntime().availableProcessors();
        for (int threads : new int[] {1, cores, 1, cores}) {
            long start = System.nanoTime();
            MetricsReport r =
                    new Bootstrap(BootstrapConfig.paper(1), threads)
                            .evaluate(data[0], data[1], names);
            double ms = (System.nanoTime() - start) / 1e6;
            System.out.printf(
                    "bootstrap B=10000 n=2000 k=5 threads=%d: %.0f ms (f1 %s)%n",
                    threads, ms, r.f1());
        }
    }
}
