package org.lowmag.tiff;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A TIFF image file directory under construction (little-endian, classic TIFF): entries sorted by
 * tag, values of more than 4 bytes stored after the entry table at even offsets.
 */
final class TiffIfdEncoder {
    private static final int ASCII = 2;
    private static final int SHORT = 3;
    private static final int LONG = 4;
    private static final int RATIONAL = 5;

    private record Entry(int type, int count, byte[] value) {}

    private final Map<Integer, Entry> entries = new TreeMap<>();

    void shorts(int tag, int... values) {
        ByteBuffer b = buffer(values.length * 2);
        for (int v : values) {
            b.putShort((short) v);
        }
        entries.put(tag, new Entry(SHORT, values.length, b.array()));
    }

    void longs(int tag, long... values) {
        ByteBuffer b = buffer(values.length * 4);
        for (long v : values) {
            b.putInt((int) v);
        }
        entries.put(tag, new Entry(LONG, values.length, b.array()));
    }

    /**
     * An ASCII entry. Written as UTF-8 (what OME-TIFF writers put in ImageDescription: {@code µm});
     * plain ASCII text is the same bytes either way.
     */
    void ascii(int tag, String text) {
        byte[] t = text.getBytes(StandardCharsets.UTF_8);
        byte[] z = new byte[t.length + 1];
        System.arraycopy(t, 0, z, 0, t.length);
        entries.put(tag, new Entry(ASCII, z.length, z));
    }

    /** A rational {@code value ~ num / 1000}, with {@code num} rounded. */
    void rational(int tag, double value) {
        ByteBuffer b = buffer(8);
        b.putInt((int) Math.round(value * 1000)).putInt(1000);
        entries.put(tag, new Entry(RATIONAL, 1, b.array()));
    }

    int byteSize() {
        int size = 2 + 12 * entries.size() + 4;
        for (Entry e : entries.values()) {
            if (e.value.length > 4) {
                size += (e.value.length + 1) & ~1;
            }
        }
        return size;
    }

    ByteBuffer layout(long at, long next) {
        ByteBuffer b = buffer(byteSize());
        long extra = at + 2 + 12L * entries.size() + 4;
        List<byte[]> outOfLine = new ArrayList<>();
        b.putShort((short) entries.size());
        for (Map.Entry<Integer, Entry> me : entries.entrySet()) {
            Entry e = me.getValue();
            b.putShort(me.getKey().shortValue()).putShort((short) e.type).putInt(e.count);
            if (e.value.length <= 4) {
                b.put(e.value).put(new byte[4 - e.value.length]);
            } else {
                b.putInt((int) extra);
                outOfLine.add(e.value);
                extra += (e.value.length + 1) & ~1;
            }
        }
        b.putInt((int) next);
        for (byte[] v : outOfLine) {
            b.put(v);
            if ((v.length & 1) == 1) {
                b.put((byte) 0);
            }
        }
        b.flip();
        return b;
    }

    private static ByteBuffer buffer(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }
}
