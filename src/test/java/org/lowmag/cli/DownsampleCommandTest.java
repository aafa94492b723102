package org.lowmag.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DownsampleCommandTest {

    @TempDir Path tmp;

    private Path resource(String name) throws IOException {
        Path p = tmp.resolve(name);
        try (InputStream in = getClass().getResourceAsStream("/golden/lanczos/" + name)) {
            Files.copy(in, p);
        }
        return p;
    }

    private static void assertSamePixels(BufferedImage expected, BufferedImage actual) {
        assertEquals(expected.getWidth(), actual.getWidth());
        assertEquals(expected.getHeight(), actual.getHeight());
        for (int y = 0; y < expected.getHeight(); y++) {
            for (int x = 0; x < expected.getWidth(); x++) {
                assertEquals(
                        expected.getRGB(x, y) & 0xffffff,
                        actual.getRGB(x, y) & 0xffffff,
                        "pixel " + x + "," + y);
            }
        }
    }

    @Test
    void factorAndMagnificationsGivePillowsResult() throws IOException {
        Path in = resource("input.png");
        BufferedImage golden = ImageIO.read(resource("f2.png").toFile());
        Path out = tmp.resolve("out.png");
        assertEquals(
                0,
                LowMag.execute(
                        "downsample", in.toString(), "--factor", "2", "--out", out.toString()));
        assertSamePixels(golden, ImageIO.read(out.toFile()));
        Path out2 = tmp.resolve("sub/out2.png");
        assertEquals(
                0,
                LowMag.execute(
                        "downsample",
                        in.toString(),
                        "--mag",
                        "10",
                        "--source-mag",
                        "20",
                        "--threads",
                        "1",
                        "--out",
                        out2.toString()));
        assertSamePixels(golden, ImageIO.read(out2.toFile()));
    }

    @Test
    void usageErrorsExitWith2() throws IOException {
        String in = resource("input.png").toString();
        String out = tmp.resolve("o.png").toString();
        assertEquals(2, LowMag.execute("downsample", in, "--out", out));
        assertEquals(
                2, LowMag.execute("downsample", in, "--factor", "2", "--mag", "5", "--out", out));
        assertEquals(2, LowMag.execute("downsample", in, "--mag", "5", "--out", out));
        assertEquals(2, LowMag.execute("downsample", in, "--factor", "0", "--out", out));
        assertEquals(
                2,
                LowMag.execute(
                        "downsample",
                        in,
                        "--factor",
                        "2",
                        "--out",
                        tmp.resolve("o.bmp").toString()));
        assertEquals(
                2,
                LowMag.execute("downsample", in, "--factor", "2", "--threads", "0", "--out", out));
    }

    @Test
    void missingOrUndecodableInputExitsWith1() throws IOException {
        String out = tmp.resolve("o.png").toString();
        assertEquals(
                1,
                LowMag.execute(
                        "downsample",
                        tmp.resolve("none.png").toString(),
                        "--factor",
                        "2",
                        "--out",
                        out));
        Path text = Files.writeString(tmp.resolve("text.png"), "not an image");
        assertEquals(
                1, LowMag.execute("downsample", text.toString(), "--factor", "2", "--out", out));
        assertEquals(false, Files.exists(tmp.resolve("o.png")));
    }
}
