package org.lowmag.distill;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * The PyTorch goldens of {@code src/test/python/make_distill_golden.py} (float64 references on
 * float32 inputs) and the comparison used by the engine tests.
 *
 * <p>Error measure: {@code max_i |actual_i - expected_i| / max(max_i |expected_i|, 1e-12)}, i.e.
 * relative to the scale of the expected array (a scalar's own magnitude).
 */
final class Golden {

    static final JsonObject ROOT = load();

    /** Largest error seen per label, for the summary printed by the tests. */
    static final Map<String, Double> MAX_ERRORS = new TreeMap<>();

    private Golden() {}

    private static JsonObject load() {
        try (InputStream in = Golden.class.getResourceAsStream("/golden/distill.json")) {
            if (in == null) {
                throw new IllegalStateException(
                        "golden/distill.json missing: run src/test/python/make_distill_golden.py");
            }
            return JsonParser.parseReader(new InputStreamReader(in, StandardCharsets.UTF_8))
                    .getAsJsonObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static long[] shape(JsonObject tensor) {
        JsonArray dims = tensor.getAsJsonArray("shape");
        long[] shape = new long[dims.size()];
        for (int i = 0; i < shape.length; i++) {
            shape[i] = dims.get(i).getAsLong();
        }
        return shape;
    }

    static double[] data(JsonObject tensor) {
        JsonArray values = tensor.getAsJsonArray("data");
        double[] data = new double[values.size()];
        int i = 0;
        for (JsonElement v : values) {
            data[i++] = v.getAsDouble();
        }
        return data;
    }

    /** Creates the tensor in the manager, in the given data type. */
    static NDArray array(NDManager manager, JsonObject tensor, DataType type) {
        NDArray wide = manager.create(data(tensor), new Shape(shape(tensor)));
        return type == DataType.FLOAT64 ? wide : wide.toType(type, false);
    }

    static double[] values(NDArray x) {
        NDArray wide = x.getDataType() == DataType.FLOAT64 ? x : x.toType(DataType.FLOAT64, true);
        return wide.toDoubleArray();
    }

    /** Asserts shape and values of a tensor against its golden. */
    static void assertTensor(String label, JsonObject expected, NDArray actual, double tol) {
        assertArrayEquals(shape(expected), actual.getShape().getShape(), label + ": shape");
        assertClose(label, data(expected), values(actual), tol);
    }

    /** Asserts a scalar against its golden. */
    static void assertScalar(String label, double expected, NDArray actual, double tol) {
        assertClose(label, new double[] {expected}, values(actual), tol);
    }

    static void assertClose(String label, double[] expected, double[] actual, double tol) {
        assertEquals(expected.length, actual.length, label + ": length");
        double scale = 1e-12;
        double worst = 0;
        for (int i = 0; i < expected.length; i++) {
            scale = Math.max(scale, Math.abs(expected[i]));
        }
        int worstAt = 0;
        for (int i = 0; i < expected.length; i++) {
            double err = Math.abs(actual[i] - expected[i]) / scale;
            if (!(err <= worst)) {
                worst = err;
                worstAt = i;
            }
        }
        String group = label.replaceAll("\\[.*?\\]", "").strip();
        synchronized (MAX_ERRORS) {
            MAX_ERRORS.merge(group, worst, Math::max);
        }
        if (worst > tol) {
            throw new AssertionError(
                    label
                            + ": relative error "
                            + worst
                            + " > "
                            + tol
                            + " at index "
                            + worstAt
                            + " (got "
                            + actual[worstAt]
                            + ", expected "
                            + expected[worstAt]
                            + ")");
        }
    }

    static String summary() {
        StringBuilder sb = new StringBuilder("max relative error vs torch goldens:\n");
        MAX_ERRORS.forEach((k, v) -> sb.append(String.format("  %-40s %.3e%n", k, v)));
        return sb.toString();
    }
}
