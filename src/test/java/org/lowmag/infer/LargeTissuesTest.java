package org.lowmag.infer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.lowmag.tissue.TissueBox;
import org.lowmag.util.LowMagException;

/** The limit of one forward pass, the tile grid and the pooling, on hand-derived values. */
class LargeTissuesTest {

    /** A 20x slide read by a 5x model from level 0 (d = 4). */
    private static final ReadPlan PLAN = new ReadPlan(20, "test", 5, 4, 0, 1);

    private static TissueBox box(int id, long widthL0, long heightL0) {
        return new TissueBox(id, 0, 0, widthL0, heightL0, 0, 0, 1, 1, 1, 1, OptionalDouble.empty());
    }

    @Test
    void aTissueOverTheLimitIsRefusedNamingItItsSizeAndTheFlags() {
        LargeTissues limit = new LargeTissues(8000, false);
        // tissue 2: 400 x 360 px at level 0 = 100 x 90 px at 5x = 9000 px > 8000
        LowMagException e =
                assertThrows(
                        LowMagException.class,
                        () ->
                                limit.check(
                                        Path.of("s.tif"),
                                        List.of(box(1, 320, 320), box(2, 400, 360)),
                                        PLAN));
        String m = e.getMessage();
        assertTrue(
                m.startsWith("s.tif: tissue 2 is about 100 x 90 px (9000 px) at the model's 5.0x"),
                m);
        assertTrue(m.contains("over --max-tissue-px 8000"), m);
        assertTrue(m.contains("--tile-large-tissues"), m);
        // 80 x 80 = 6400 px fits; with tiling nothing is refused
        assertDoesNotThrow(() -> limit.check(Path.of("s.tif"), List.of(box(1, 320, 320)), PLAN));
        assertDoesNotThrow(
                () ->
                        new LargeTissues(8000, true)
                                .check(Path.of("s.tif"), List.of(box(2, 400, 360)), PLAN));
    }

    @Test
    void theLimitIsAtLeastOneCellAndDefaultsTo2Pow23() {
        assertThrows(IllegalArgumentException.class, () -> new LargeTissues(1023, true));
        assertEquals(8_388_608L, LargeTissues.defaults().maxTissuePx());
        assertEquals(false, LargeTissues.defaults().tile());
    }

    @Test
    void tilesFollowTheStrideGridAsEvenlyAsItAllows() {
        // floor(sqrt(2^23)) = 2896 -> 90 cells of 32 = 2880; floor(sqrt(5000)) = 70 -> 64
        assertEquals(2880, TiledInference.tileSidePx(1L << 23, 32));
        assertEquals(64, TiledInference.tileSidePx(5000, 32));
        assertEquals(32, TiledInference.tileSidePx(1024, 32));
        // 96 px = 3 cells, at most 2 per tile -> n = 2, b_1 = 32 floor(3/2) = 32
        assertArrayEquals(new int[] {0, 32, 96}, TiledInference.cuts(96, 32, 64));
        // 200 px = ceil(6.25) = 7 cells, n = ceil(7/2) = 4: 32 floor(7i/4) = 0, 32, 96, 160,
        // 224->200
        assertArrayEquals(new int[] {0, 32, 96, 160, 200}, TiledInference.cuts(200, 32, 64));
        // fits one tile
        assertArrayEquals(new int[] {0, 60}, TiledInference.cuts(60, 32, 64));
    }

    @Test
    void poolingIsTheAreaWeightedMeanOfTheLogits() {
        // (3 (1, 0, -1) + 1 (0, 2, 3)) / 4 = (0.75, 0.5, 0)
        float[] z =
                TiledInference.pool(
                        List.of(new float[] {1, 0, -1}, new float[] {0, 2, 3}),
                        new double[] {3, 1});
        assertArrayEquals(new float[] {0.75f, 0.5f, 0f}, z);
    }
}
