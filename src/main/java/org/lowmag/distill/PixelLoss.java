package org.lowmag.distill;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import java.util.Objects;

/**
 * The pixel loss, equation 3 of the paper: the teacher's final feature map, resized to the
 * student's spatial size by each resizer in {@code G}, compared with the student's map.
 *
 * <pre>
 * pixel = (1 / |G|) * sum_{g in G} D(g(F_t), F_s)
 * D(a, b) = mean((a - b)^2)  (l2)   or   mean(|a - b|)  (l1), over all N*C*H*W elements
 * </pre>
 *
 * With {@code G = {maxpool, bicubic}} this is the paper's {@code 1/2 sum_k ||g_k(F_t) - F_s||^2}
 * (with PyTorch's {@code F.mse_loss} mean reduction). The teacher map is detached. When the teacher
 * map is smaller than the student's in a dimension (tiny inputs), both resizers upsample exactly as
 * PyTorch does: max pooling repeats rows/columns, bicubic interpolates. With {@code G} empty
 * ({@link ResizeMode#NONE}) the loss is a constant 0 that does not depend on the student map.
 */
public final class PixelLoss {

    private final ResizeMode mode;
    private final PixelNorm norm;

    /**
     * @param mode the resizers {@code G}
     * @param norm the distance {@code D}
     */
    public PixelLoss(ResizeMode mode, PixelNorm norm) {
        this.mode = Objects.requireNonNull(mode, "mode");
        this.norm = Objects.requireNonNull(norm, "norm");
    }

    /**
     * Computes the pixel loss.
     *
     * @param teacherMap the teacher's final feature map {@code [N, C, Ht, Wt]} (a constant)
     * @param studentMap the student's final feature map {@code [N, C, Hs, Ws]}
     * @return a scalar NDArray in the student's data type
     * @throws IllegalArgumentException when batch or channels disagree (names both shapes)
     */
    public NDArray compute(NDArray teacherMap, NDArray studentMap) {
        ShapeChecks.checkMaps(teacherMap, studentMap);
        List<FeatureResizer> resizers = mode.resizers();
        if (resizers.isEmpty()) {
            return studentMap.getManager().zeros(new Shape(), studentMap.getDataType());
        }
        Shape s = studentMap.getShape();
        int heightPx = (int) s.get(2);
        int widthPx = (int) s.get(3);
        NDArray teacher = teacherMap.stopGradient();
        teacher.attach(studentMap.getManager());
        NDArray sum = null;
        for (FeatureResizer g : resizers) {
            NDArray term = norm.distance(g.resize(teacher, heightPx, widthPx), studentMap);
            sum = sum == null ? term : sum.add(term);
        }
        return resizers.size() == 1 ? sum : sum.div(resizers.size());
    }

    /**
     * @return the resizers {@code G}
     */
    public ResizeMode mode() {
        return mode;
    }

    /**
     * @return the distance {@code D}
     */
    public PixelNorm norm() {
        return norm;
    }
}
