package org.lowmag.distill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Mismatched teacher/student shapes fail with both shapes named; memory stays in the batch. */
@Tag("engine")
class DistillShapeCheckTest {

    private static final DistillationLoss LOSS = new DistillationLoss(DistillConfig.paper(2.0));

    private static IllegalArgumentException failure(
            Shape tLogits, Shape tMap, Shape sLogits, Shape sMap) {
        try (NDManager root = NDManager.newBaseManager();
                NDManager m = root.newSubManager()) {
            return assertThrows(
                    IllegalArgumentException.class,
                    () ->
                            LOSS.compute(
                                    m.ones(tLogits), m.ones(tMap), m.ones(sLogits), m.ones(sMap)));
        }
    }

    private static void assertMentions(IllegalArgumentException e, String... parts) {
        for (String part : parts) {
            assertTrue(
                    e.getMessage().contains(part), () -> "'" + e.getMessage() + "' lacks " + part);
        }
    }

    @Test
    void classCountMismatchNamesBoth() {
        IllegalArgumentException e =
                failure(
                        new Shape(2, 3),
                        new Shape(2, 8, 6, 6),
                        new Shape(2, 4),
                        new Shape(2, 8, 3, 3));
        assertMentions(e, "teacher was trained on 3 classes, student has 4", "(2, 3)", "(2, 4)");
    }

    @Test
    void channelMismatchNamesBoth() {
        IllegalArgumentException e =
                failure(
                        new Shape(2, 3),
                        new Shape(2, 512, 6, 6),
                        new Shape(2, 3),
                        new Shape(2, 256, 3, 3));
        assertMentions(
                e,
                "teacher feature map has 512 channels, student has 256",
                "(2, 512, 6, 6)",
                "(2, 256, 3, 3)");
    }

    @Test
    void batchMismatchNamesBoth() {
        IllegalArgumentException logits =
                failure(
                        new Shape(2, 3),
                        new Shape(3, 8, 6, 6),
                        new Shape(3, 3),
                        new Shape(3, 8, 3, 3));
        assertMentions(logits, "teacher batch has 2 images, student batch has 3");
        IllegalArgumentException maps =
                failure(
                        new Shape(3, 3),
                        new Shape(2, 8, 6, 6),
                        new Shape(3, 3),
                        new Shape(3, 8, 3, 3));
        assertMentions(maps, "teacher batch has 2 maps, student batch has 3", "(2, 8, 6, 6)");
        IllegalArgumentException across =
                failure(
                        new Shape(2, 3),
                        new Shape(3, 8, 6, 6),
                        new Shape(2, 3),
                        new Shape(3, 8, 3, 3));
        assertMentions(across, "batch size", "(2, 3)", "(3, 8, 3, 3)");
    }

    @Test
    void wrongRanksAreRejected() {
        assertMentions(
                failure(
                        new Shape(2, 3, 1),
                        new Shape(2, 8, 6, 6),
                        new Shape(2, 3),
                        new Shape(2, 8, 3, 3)),
                "[N, classes]",
                "(2, 3, 1)");
        assertMentions(
                failure(
                        new Shape(2, 3),
                        new Shape(8, 6, 6),
                        new Shape(2, 3),
                        new Shape(2, 8, 3, 3)),
                "NCHW",
                "(8, 6, 6)");
    }

    @Test
    void resizersRejectBadTargets() {
        try (NDManager root = NDManager.newBaseManager()) {
            NDArray map = root.ones(new Shape(1, 1, 4, 4));
            for (FeatureResizer g :
                    new FeatureResizer[] {
                        AdaptiveMaxPoolResizer.INSTANCE, BicubicResizer.INSTANCE
                    }) {
                assertThrows(IllegalArgumentException.class, () -> g.resize(map, 0, 2));
                assertThrows(
                        IllegalArgumentException.class,
                        () -> g.resize(root.ones(new Shape(4, 4)), 2, 2));
            }
        }
    }

    @Test
    void noneModeGivesZeroPixelAndTotalEqualsSoft() {
        DistillationLoss loss =
                new DistillationLoss(new DistillConfig(3.0, ResizeMode.NONE, PixelNorm.L2));
        try (NDManager root = NDManager.newBaseManager();
                NDManager m = root.newSubManager()) {
            NDArray t = m.create(new float[] {1, 2, 3, 0, 0, 5}, new Shape(2, 3));
            NDArray s = m.create(new float[] {3, 2, 1, 1, 1, 1}, new Shape(2, 3));
            double[] v =
                    loss.compute(t, m.ones(new Shape(2, 4, 5, 5)), s, m.ones(new Shape(2, 4, 2, 2)))
                            .values();
            assertEquals(0.0, v[2]);
            assertEquals(v[1], v[0]);
            assertTrue(v[1] > 0);
        }
    }

    @Test
    void intermediatesAttachToTheStudentsBatchManager() {
        try (NDManager root = NDManager.newBaseManager();
                NDManager model = root.newSubManager()) {
            NDArray tLogits = model.ones(new Shape(2, 3));
            NDArray tMap = model.ones(new Shape(2, 4, 7, 5));
            int before = model.getManagedArrays().size();
            for (int step = 0; step < 3; step++) {
                try (NDManager batch = root.newSubManager()) {
                    LossParts parts =
                            LOSS.compute(
                                    tLogits,
                                    tMap,
                                    batch.zeros(new Shape(2, 3)),
                                    batch.zeros(new Shape(2, 4, 2, 2)));
                    assertEquals(batch, parts.total().getManager());
                }
            }
            assertEquals(before, model.getManagedArrays().size(), "teacher's manager grew");
        }
    }
}
