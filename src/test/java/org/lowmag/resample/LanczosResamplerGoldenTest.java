package org.lowmag.resample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.lowmag.util.Json;

/**
 * Compares with Pillow's {@code Image.resize(size, Image.LANCZOS)}: the golden PNGs in {@code
 * golden/lanczos/} were written by {@code src/test/python/make_lanczos_golden.py} (Pillow 9.4.0)
 * from the synthetic {@code input.png}.
 */
class LanczosResamplerGoldenTest {

    private static final String DIR = "/golden/lanczos/";

    record Case(String file, int width, int height) {
        @Override
        public String toString() {
            return file + " " + width + "x" + height;
        }
    }

    static Stream<Case> cases() throws IOException {
        List<Case> cases = new ArrayList<>();
        for (JsonElement e : manifest().getAsJsonArray("cases")) {
            JsonObject o = e.getAsJsonObject();
            cases.add(
                    new Case(
                            o.get("file").getAsString(),
                            o.get("width").getAsInt(),
                            o.get("height").getAsInt()));
        }
        return cases.stream();
    }

    private static JsonObject manifest() throws IOException {
        try (InputStream in =
                        LanczosResamplerGoldenTest.class.getResourceAsStream(DIR + "cases.json");
                Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return Json.gson().fromJson(r, JsonObject.class);
        }
    }

    static BufferedImage read(String name) throws IOException {
        try (InputStream in = LanczosResamplerGoldenTest.class.getResourceAsStream(DIR + name)) {
            if (in == null) {
                throw new IOException("missing test resource " + DIR + name);
            }
            return ImageIO.read(in);
        }
    }

    /** Per-channel mean absolute difference and the largest single difference. */
    static double[] compare(BufferedImage a, BufferedImage b) {
        assertEquals(b.getWidth(), a.getWidth(), "width");
        assertEquals(b.getHeight(), a.getHeight(), "height");
        double[] sum = new double[3];
        int max = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                int p = a.getRGB(x, y);
                int q = b.getRGB(x, y);
                for (int c = 0; c < 3; c++) {
                    int d = Math.abs(((p >> (16 - 8 * c)) & 0xff) - ((q >> (16 - 8 * c)) & 0xff));
                    sum[c] += d;
                    max = Math.max(max, d);
                }
            }
        }
        double n = (double) a.getWidth() * a.getHeight();
        return new double[] {sum[0] / n, sum[1] / n, sum[2] / n, max};
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesPillow(Case c) throws IOException {
        BufferedImage input = read("input.png");
        BufferedImage expected = read(c.file());
        for (int threads : new int[] {1, 3}) {
            try (LanczosResampler resampler = new LanczosResampler(threads)) {
                BufferedImage actual = resampler.resize(input, c.width(), c.height());
                double[] d = compare(actual, expected);
                System.out.printf(
                        Locale.ROOT,
                        "lanczos golden %-14s threads=%d MAD r=%.4f g=%.4f b=%.4f max=%d%n",
                        c,
                        threads,
                        d[0],
                        d[1],
                        d[2],
                        (int) d[3]);
                for (int ch = 0; ch < 3; ch++) {
                    assertTrue(d[ch] <= 1.0, c + ": channel " + ch + " MAD " + d[ch] + " > 1");
                }
                // in practice the match is exact; allow 1 level for sin() ulp differences
                assertTrue(d[3] <= 1, c + ": largest difference " + d[3]);
            }
        }
    }

    @Test
    void downsampleUsesRoundHalfUpSizes() throws IOException {
        BufferedImage input = read("input.png");
        try (LanczosResampler resampler = new LanczosResampler(1)) {
            BufferedImage out = resampler.downsample(input, 2.0);
            // 161 / 2 = 80.5 -> 81, 121 / 2 = 60.5 -> 61 (halves round up)
            assertEquals(81, out.getWidth());
            assertEquals(61, out.getHeight());
            double[] d = compare(out, read("f2.png"));
            assertTrue(d[0] <= 1.0 && d[1] <= 1.0 && d[2] <= 1.0);
        }
    }
}
