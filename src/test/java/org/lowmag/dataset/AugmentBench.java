package org.lowmag.dataset;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.SplittableRandom;

/**
 * Manual benchmark (not a test): CPU time per 1024x1024 augmentation with the paper's defaults. Run
 * after {@code mvn test-compile}: {@code java -cp target/classes:target/test-classes
 * org.lowmag.dataset.AugmentBench}.
 */
public final class AugmentBench {

    private AugmentBench() {}

    /**
     * @param args unused
     */
    public static void main(String[] args) {
        int side = 1024;
        for (boolean noise : new boolean[] {false, true}) {
            RgbImage img = image(side, noise);
            Augmentation aug = Augmentation.paperDefault();
            for (int i = 0; i < 30; i++) {
                aug.sample(i).apply(img);
            }
            ThreadMXBean mx = ManagementFactory.getThreadMXBean();
            int n = 100;
            long t0 = mx.getCurrentThreadCpuTime();
            for (int i = 0; i < n; i++) {
                aug.sample(1000 + i).apply(img);
            }
            double ms = (mx.getCurrentThreadCpuTime() - t0) / 1e6 / n;
            System.out.printf(
                    "%dx%d %s image, paperDefault: %.1f ms CPU per augmentation (mean of %d)%n",
                    side, side, noise ? "noise" : "smooth", ms, n);
        }
    }

    private static RgbImage image(int side, boolean noise) {
        SplittableRandom rnd = new SplittableRandom(1);
        byte[][] p = new byte[3][side * side];
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                int i = y * side + x;
                if (noise) {
                    for (int c = 0; c < 3; c++) {
                        p[c][i] = (byte) rnd.nextInt(256);
                    }
                } else {
                    p[0][i] = (byte) (180 + 50 * Math.sin(x / 40.0) + rnd.nextInt(10));
                    p[1][i] = (byte) (110 + 70 * Math.cos(y / 30.0) + rnd.nextInt(10));
                    p[2][i] = (byte) (170 + 40 * Math.sin((x + y) / 50.0) + rnd.nextInt(10));
                }
            }
        }
        return new RgbImage(side, side, p);
    }
}
