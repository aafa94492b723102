package org.lowmag.slide;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** The real slides in {@code ../shared/data/slides}; tests skip with a reason when absent. */
final class RealSlides {

    static final Path DIR = Path.of("..", "shared", "data", "slides");
    static final Path CMU1 = DIR.resolve("cmu-1-small-region.svs");
    static final Path TCGA = DIR.resolve("tcga-cr-7395-01a-01-ts1.svs");
    static final Path KIDNEY = DIR.resolve("kidney-48-5.tif");

    private RealSlides() {}

    /**
     * @param file a slide in the shared data folder
     * @return it, after skipping the test when it is absent
     */
    static Path require(Path file) {
        assumeTrue(
                Files.isReadable(file),
                "real data not found: "
                        + file.toAbsolutePath().normalize()
                        + " (the shared data folder ../shared/data is absent)");
        return file;
    }

    /** Skips the test when the OpenSlide library cannot be loaded. */
    static void requireOpenSlide() {
        assumeTrue(OpenSlideReader.isAvailable(), OpenSlideReader.describeAvailability());
    }

    /**
     * @param a an RGB image
     * @param b another of the same size
     * @return the mean absolute difference per channel, in grey levels
     */
    static double meanAbsDiff(java.awt.image.BufferedImage a, java.awt.image.BufferedImage b) {
        if (a.getWidth() != b.getWidth() || a.getHeight() != b.getHeight()) {
            throw new AssertionError(
                    "sizes differ: "
                            + a.getWidth()
                            + "x"
                            + a.getHeight()
                            + " vs "
                            + b.getWidth()
                            + "x"
                            + b.getHeight());
        }
        double sum = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                int p = a.getRGB(x, y);
                int q = b.getRGB(x, y);
                for (int s = 0; s <= 16; s += 8) {
                    sum += Math.abs(((p >> s) & 0xFF) - ((q >> s) & 0xFF));
                }
            }
        }
        return sum / (3.0 * a.getWidth() * a.getHeight());
    }
}
