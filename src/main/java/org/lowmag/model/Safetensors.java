package org.lowmag.model;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.lowmag.util.AtomicFiles;
import org.lowmag.util.LowMagException;

/**
 * The safetensors file format (Hugging Face), float32 tensors only. A file is
 *
 * <pre>
 *   [8 bytes]  N, the header's length in bytes, unsigned little-endian
 *   [N bytes]  UTF-8 JSON: {"NAME": {"dtype": "F32", "shape": [d0, d1, ...],
 *                                    "data_offsets": [begin, end]}, ...,
 *                           "__metadata__": {"key": "string value", ...}}
 *              padded with spaces to a multiple of 8 bytes
 *   [rest]     the tensors' data, row-major little-endian; tensor NAME occupies bytes
 *              [begin, end) counted from the first byte after the header
 * </pre>
 *
 * No engine is needed: the format is read by {@code safetensors.torch.load_file}, or by a few lines
 * of Python's {@code struct} and {@code json} (the generated {@code lowmag_model.py} does that).
 */
public final class Safetensors {

    /** The only dtype written and read. */
    public static final String F32 = "F32";

    /** Key of the free-form string metadata in the header. */
    public static final String METADATA_KEY = "__metadata__";

    /** Largest header accepted when reading (100 MB, as the reference implementation). */
    private static final long MAX_HEADER_BYTES = 100_000_000L;

    private Safetensors() {}

    /**
     * A float32 tensor, row-major.
     *
     * @param shape the dimensions, each non-negative ({@code []} for a scalar)
     * @param data the values, as many as the product of {@code shape}
     */
    public record Tensor(long[] shape, float[] data) {

        /** Validates that the data fill the shape; copies the shape. */
        public Tensor {
            shape = shape.clone();
            long n = 1;
            for (long d : shape) {
                if (d < 0) {
                    throw new IllegalArgumentException(
                            "negative dimension in shape " + Arrays.toString(shape));
                }
                n *= d;
            }
            if (n != data.length) {
                throw new IllegalArgumentException(
                        "shape "
                                + Arrays.toString(shape)
                                + " holds "
                                + n
                                + " values, got "
                                + data.length);
            }
        }
    }

    /**
     * The contents of a file.
     *
     * @param tensors the tensors in the order of their data
     * @param metadata the header's {@code __metadata__} (empty when absent)
     */
    public record Contents(Map<String, Tensor> tensors, Map<String, String> metadata) {}

    /**
     * Writes tensors atomically ({@link AtomicFiles}), their data in the map's order.
     *
     * @param file the file to create or replace
     * @param tensors the tensors by name (names must not be {@value #METADATA_KEY})
     * @param metadata string metadata for the header's {@value #METADATA_KEY}
     * @throws IOException when the file cannot be written
     */
    public static void write(Path file, Map<String, Tensor> tensors, Map<String, String> metadata)
            throws IOException {
        byte[] header = header(tensors, metadata);
        AtomicFiles.write(
                file,
                out -> {
                    ByteBuffer len = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
                    out.write(len.putLong(header.length).array());
                    out.write(header);
                    for (Tensor t : tensors.values()) {
                        ByteBuffer b =
                                ByteBuffer.allocate(4 * t.data().length)
                                        .order(ByteOrder.LITTLE_ENDIAN);
                        b.asFloatBuffer().put(t.data());
                        out.write(b.array());
                    }
                });
    }

    /** The JSON header, padded with spaces to a multiple of 8 bytes. */
    static byte[] header(Map<String, Tensor> tensors, Map<String, String> metadata) {
        JsonObject h = new JsonObject();
        if (!metadata.isEmpty()) {
            JsonObject m = new JsonObject();
            metadata.forEach(m::addProperty);
            h.add(METADATA_KEY, m);
        }
        long offset = 0;
        for (Map.Entry<String, Tensor> e : tensors.entrySet()) {
            if (e.getKey().equals(METADATA_KEY) || e.getKey().isEmpty()) {
                throw new IllegalArgumentException("bad tensor name '" + e.getKey() + "'");
            }
            Tensor t = e.getValue();
            JsonObject o = new JsonObject();
            o.addProperty("dtype", F32);
            JsonArray shape = new JsonArray();
            for (long d : t.shape()) {
                shape.add(d);
            }
            o.add("shape", shape);
            JsonArray offsets = new JsonArray();
            offsets.add(offset);
            offset += 4L * t.data().length;
            offsets.add(offset);
            o.add("data_offsets", offsets);
            h.add(e.getKey(), o);
        }
        byte[] json = h.toString().getBytes(StandardCharsets.UTF_8);
        int padded = (json.length + 7) / 8 * 8;
        byte[] out = Arrays.copyOf(json, padded);
        Arrays.fill(out, json.length, padded, (byte) ' ');
        return out;
    }

    /**
     * Reads a file of float32 tensors.
     *
     * @param file the file
     * @return its tensors (in the order of their data) and metadata
     * @throws IOException when it cannot be read
     * @throws LowMagException when it is not a well-formed safetensors file of float32 tensors
     */
    public static Contents read(Path file) throws IOException {
        byte[] all = Files.readAllBytes(file);
        if (all.length < 8) {
            throw bad(file, "shorter than the 8-byte header length");
        }
        ByteBuffer buf = ByteBuffer.wrap(all).order(ByteOrder.LITTLE_ENDIAN);
        long n = buf.getLong(0);
        if (n < 2 || n > MAX_HEADER_BYTES || 8 + n > all.length) {
            throw bad(file, "header length " + n + " does not fit the file's " + all.length);
        }
        JsonObject h;
        try {
            h =
                    JsonParser.parseString(new String(all, 8, (int) n, StandardCharsets.UTF_8))
                            .getAsJsonObject();
        } catch (RuntimeException e) {
            throw bad(file, "header is not a JSON object: " + e.getMessage());
        }
        long dataStart = 8 + n;
        Map<String, String> metadata = new LinkedHashMap<>();
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        for (Map.Entry<String, JsonElement> e : h.entrySet()) {
            if (e.getKey().equals(METADATA_KEY)) {
                for (Map.Entry<String, JsonElement> m : e.getValue().getAsJsonObject().entrySet()) {
                    metadata.put(m.getKey(), m.getValue().getAsString());
                }
                continue;
            }
            tensors.put(e.getKey(), tensor(file, e.getKey(), e.getValue(), buf, dataStart));
        }
        return new Contents(tensors, metadata);
    }

    private static Tensor tensor(
            Path file, String name, JsonElement spec, ByteBuffer buf, long dataStart) {
        JsonObject o = spec.getAsJsonObject();
        JsonPrimitive dtype = o.getAsJsonPrimitive("dtype");
        if (dtype == null || !F32.equals(dtype.getAsString())) {
            throw bad(file, "tensor " + name + " has dtype " + dtype + ", only F32 is read");
        }
        JsonArray s = o.getAsJsonArray("shape");
        long[] shape = new long[s.size()];
        for (int i = 0; i < shape.length; i++) {
            shape[i] = s.get(i).getAsLong();
        }
        JsonArray off = o.getAsJsonArray("data_offsets");
        long begin = dataStart + off.get(0).getAsLong();
        long end = dataStart + off.get(1).getAsLong();
        if (begin > end || end > buf.capacity() || (end - begin) % 4 != 0) {
            throw bad(file, "tensor " + name + " has data offsets " + off + " outside the file");
        }
        float[] data = new float[(int) ((end - begin) / 4)];
        buf.slice((int) begin, (int) (end - begin))
                .order(ByteOrder.LITTLE_ENDIAN)
                .asFloatBuffer()
                .get(data);
        try {
            return new Tensor(shape, data);
        } catch (IllegalArgumentException e) {
            throw bad(file, "tensor " + name + ": " + e.getMessage());
        }
    }

    private static LowMagException bad(Path file, String why) {
        return new LowMagException(file + " is not a safetensors file LowMag reads: " + why);
    }
}
