package org.lowmag.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.pooling.Pool;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Engine test: the separable stem max-pool against libtorch's max_pool2d and by hand. */
@Tag("engine")
class StemMaxPoolTest {

    /**
     * x = 0..15 as a 4 x 4 map: windows centred on (0, 0), (0, 2), (2, 0), (2, 2) with padding 1
     * have maxima x[1][1] = 5, x[1][3] = 7, x[3][1] = 13, x[3][3] = 15.
     */
    @Test
    void handComputed() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.arange(16f).reshape(1, 1, 4, 4);
            assertArrayEquals(new float[] {5, 7, 13, 15}, StemMaxPool.separable(x).toFloatArray());
        }
    }

    @Test
    void equalsMaxPool2dOnEveryParityAndSize() {
        Random random = new Random(7);
        int[][] shapes = {{1, 1, 1, 1}, {1, 2, 2, 2}, {2, 3, 7, 5}, {1, 4, 8, 9}, {1, 32, 66, 94}};
        try (NDManager m = NDManager.newBaseManager()) {
            for (int[] s : shapes) {
                int n = s[0] * s[1] * s[2] * s[3];
                float[] values = new float[n];
                for (int i = 0; i < n; i++) {
                    values[i] = (float) random.nextGaussian();
                }
                if (n > 20) {
                    values[n / 2] = Float.NaN;
                }
                NDArray x = m.create(values, new Shape(s[0], s[1], s[2], s[3]));
                NDArray expected =
                        Pool.maxPool2d(x, new Shape(3, 3), new Shape(2, 2), new Shape(1, 1), false);
                NDArray actual = StemMaxPool.separable(x);
                assertEquals(expected.getShape(), actual.getShape());
                assertArrayEquals(expected.toFloatArray(), actual.toFloatArray());
            }
        }
    }
}
