package org.lowmag.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lowmag.util.LowMagException;

/** The safetensors writer and reader, byte by byte (no engine). */
class SafetensorsTest {

    @TempDir Path tmp;

    private static Map<String, Safetensors.Tensor> twoTensors() {
        Map<String, Safetensors.Tensor> t = new LinkedHashMap<>();
        t.put(
                "a.weight",
                new Safetensors.Tensor(new long[] {2, 3}, new float[] {1, 2, 3, 4, 5, 6}));
        t.put("a.bias", new Safetensors.Tensor(new long[] {1}, new float[] {-0.5f}));
        return t;
    }

    /**
     * The layout written: 8-byte little-endian header length, a JSON header padded with spaces to a
     * multiple of 8, then the data in map order. 1.0f is 0x3F800000, so its little-endian bytes are
     * 00 00 80 3F; a.weight takes bytes [0, 24) of the data, a.bias [24, 28).
     */
    @Test
    void writesTheHeaderLengthThePaddedJsonHeaderAndLittleEndianData() throws IOException {
        Path f = tmp.resolve("w.safetensors");
        Safetensors.write(f, twoTensors(), Map.of("format", "pt"));
        byte[] b = Files.readAllBytes(f);
        long n = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).getLong(0);
        assertEquals(0, n % 8, "header padded to 8 bytes");
        assertEquals(8 + n + 28, b.length);
        String header = new String(b, 8, (int) n, StandardCharsets.UTF_8);
        JsonObject h = JsonParser.parseString(header).getAsJsonObject();
        assertEquals("pt", h.getAsJsonObject("__metadata__").get("format").getAsString());
        JsonObject w = h.getAsJsonObject("a.weight");
        assertEquals("F32", w.get("dtype").getAsString());
        assertEquals("[2,3]", w.get("shape").toString());
        assertEquals("[0,24]", w.get("data_offsets").toString());
        assertEquals("[24,28]", h.getAsJsonObject("a.bias").get("data_offsets").toString());
        int data = 8 + (int) n;
        assertArrayEquals(
                new byte[] {0, 0, (byte) 0x80, 0x3F}, Arrays.copyOfRange(b, data, data + 4));
        // -0.5f = 0xBF000000
        assertArrayEquals(
                new byte[] {0, 0, 0, (byte) 0xBF}, Arrays.copyOfRange(b, data + 24, data + 28));
    }

    @Test
    void readsBackWhatItWroteInOrder() throws IOException {
        Path f = tmp.resolve("w.safetensors");
        Safetensors.write(f, twoTensors(), Map.of("k", "v"));
        Safetensors.Contents c = Safetensors.read(f);
        assertEquals(List.of("a.weight", "a.bias"), List.copyOf(c.tensors().keySet()));
        assertArrayEquals(new long[] {2, 3}, c.tensors().get("a.weight").shape());
        assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6}, c.tensors().get("a.weight").data());
        assertArrayEquals(new float[] {-0.5f}, c.tensors().get("a.bias").data());
        assertEquals(Map.of("k", "v"), c.metadata());
    }

    @Test
    void replacesAnExistingFileWithoutLeavingTemporaries() throws IOException {
        Path f = tmp.resolve("w.safetensors");
        Files.writeString(f, "old");
        Safetensors.write(f, twoTensors(), Map.of());
        assertEquals(2, Safetensors.read(f).tensors().size());
        try (var files = Files.list(tmp)) {
            assertEquals(List.of(f), files.toList());
        }
    }

    @Test
    void rejectsDataThatDoNotFillTheShape() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> new Safetensors.Tensor(new long[] {2, 2}, new float[3]));
        assertTrue(e.getMessage().contains("[2, 2]"), e.getMessage());
    }

    @Test
    void refusesAFileThatIsNotSafetensors() throws IOException {
        Path f = tmp.resolve("bad.safetensors");
        Files.write(f, new byte[] {(byte) 0xFF, 0, 0, 0, 0, 0, 0, 0, 1, 2});
        LowMagException e = assertThrows(LowMagException.class, () -> Safetensors.read(f));
        assertTrue(e.getMessage().contains("header length"), e.getMessage());
    }
}
