package org.lowmag.distill;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/** Teacher/student shape checks with messages that name both shapes. */
final class ShapeChecks {

    private ShapeChecks() {}

    /**
     * Checks logits {@code [N, K]} of teacher and student agree.
     *
     * @throws IllegalArgumentException naming both shapes
     */
    static void checkLogits(NDArray teacher, NDArray student) {
        Shape t = teacher.getShape();
        Shape s = student.getShape();
        String both = " (teacher logits " + t + ", student logits " + s + ")";
        if (t.dimension() != 2 || s.dimension() != 2) {
            throw new IllegalArgumentException("logits must be [N, classes]" + both);
        }
        if (t.get(1) != s.get(1)) {
            throw new IllegalArgumentException(
                    "teacher was trained on "
                            + t.get(1)
                            + " classes, student has "
                            + s.get(1)
                            + both);
        }
        if (t.get(0) != s.get(0)) {
            throw new IllegalArgumentException(
                    "teacher batch has "
                            + t.get(0)
                            + " images, student batch has "
                            + s.get(0)
                            + both);
        }
    }

    /**
     * Checks NCHW feature maps of teacher and student agree in batch and channels.
     *
     * @throws IllegalArgumentException naming both shapes
     */
    static void checkMaps(NDArray teacher, NDArray student) {
        Shape t = teacher.getShape();
        Shape s = student.getShape();
        String both = " (teacher map " + t + ", student map " + s + ")";
        if (t.dimension() != 4 || s.dimension() != 4) {
            throw new IllegalArgumentException("feature maps must be NCHW (4-D)" + both);
        }
        if (t.get(1) != s.get(1)) {
            throw new IllegalArgumentException(
                    "teacher feature map has "
                            + t.get(1)
                            + " channels, student has "
                            + s.get(1)
                            + both);
        }
        if (t.get(0) != s.get(0)) {
            throw new IllegalArgumentException(
                    "teacher batch has "
                            + t.get(0)
                            + " maps, student batch has "
                            + s.get(0)
                            + both);
        }
    }

    /**
     * Checks the logits and the maps describe the same batch.
     *
     * @throws IllegalArgumentException naming both shapes
     */
    static void checkSameBatch(NDArray logits, NDArray map) {
        if (logits.getShape().get(0) != map.getShape().get(0)) {
            throw new IllegalArgumentException(
                    "logits and feature maps disagree on the batch size (student logits "
                            + logits.getShape()
                            + ", student map "
                            + map.getShape()
                            + ")");
        }
    }
}
