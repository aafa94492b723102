package org.lowmag.tissue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.lowmag.slide.SlideReader;
import org.lowmag.slide.SlideReaders;

/**
 * {@code ../shared/data/slides/kidney-48-5.tif} (1493 x 901, skipped when absent) holds one small
 * tissue fragment (about 107 x 58 px, 0.3% of the image) on a white field: LowMag's defaults keep
 * it (minimum 0.1% = 1346 px), tissueloc's fixed 10000 px drop it.
 */
class KidneyFragmentTest {

    private static final Path KIDNEY = Path.of("..", "shared", "data", "slides", "kidney-48-5.tif");

    private static TissueDetection detect(TissueParams params) throws IOException {
        assumeTrue(
                Files.isReadable(KIDNEY),
                "real data absent: " + KIDNEY.toAbsolutePath() + " (see shared/data/README.md)");
        try (SlideReader r = SlideReaders.open(KIDNEY)) {
            return SlideTissue.find(r, params).detection();
        }
    }

    @Test
    void defaultsFindTheFragment() throws IOException {
        TissueDetection d = detect(TissueParams.defaults());
        assertEquals(1, d.boxes().size(), d.summary());
        TissueBox b = d.boxes().get(0);
        assertTrue(b.x() > 250 && b.x() < 330 && b.y() > 470 && b.y() < 540, b.toString());
        assertTrue(b.width() > 80 && b.width() < 140, b.toString());
    }

    @Test
    void tissuelocMinimumDropsIt() throws IOException {
        assertTrue(detect(TissueParams.tissueloc()).isEmpty());
    }
}
