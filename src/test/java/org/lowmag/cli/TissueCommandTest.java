package org.lowmag.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lowmag.util.Json;

class TissueCommandTest {

    @TempDir Path tmp;

    /** A 300x200 white image with dark pieces at (30, 40) 100x80 and (200, 120) 60x50. */
    private Path slide(boolean withTissue) throws IOException {
        BufferedImage img = new BufferedImage(300, 200, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, 300, 200);
            if (withTissue) {
                g.setColor(new Color(190, 70, 150));
                g.fillRect(30, 40, 100, 80);
                g.fillRect(200, 120, 60, 50);
            }
        } finally {
            g.dispose();
        }
        Path p = tmp.resolve(withTissue ? "slide.png" : "blank.png");
        ImageIO.write(img, "png", p.toFile());
        return p;
    }

    @Test
    void writesMaskBoxesAndThumbnail() throws IOException {
        Path out = tmp.resolve("out");
        int rc =
                LowMag.execute(
                        "tissue",
                        slide(true).toString(),
                        "--out",
                        out.toString(),
                        "--sigma",
                        "0",
                        "--min-size",
                        "100",
                        "--analysis-size",
                        "150");
        assertEquals(0, rc);
        BufferedImage mask = ImageIO.read(out.resolve("mask.png").toFile());
        assertEquals(150, mask.getWidth()); // 300x200 -> longest side 150, same aspect
        assertEquals(100, mask.getHeight());
        assertEquals(150, ImageIO.read(out.resolve("thumbnail.png").toFile()).getWidth());
        JsonObject json = Json.readTree(out.resolve("tissues.json")).getAsJsonObject();
        assertEquals(2.0, json.get("analysis_downsample_x").getAsDouble(), 0.0);
        assertEquals(2, json.get("tissue_count").getAsInt());
        JsonArray tissues = json.getAsJsonArray("tissues");
        JsonObject first = tissues.get(0).getAsJsonObject();
        // the first piece covers analysis pixels 15..64 x 20..59 (Lanczos edges may add a pixel)
        long x = first.get("x").getAsLong();
        long w = first.get("width").getAsLong();
        assertTrue(x >= 28 && x <= 30 && w >= 100 && w <= 104, first.toString());
        assertEquals("FIXED", json.getAsJsonObject("params").get("threshold_method").getAsString());
    }

    @Test
    void blankSlideReportsNoTissue() throws IOException {
        Path out = tmp.resolve("blank");
        assertEquals(0, LowMag.execute("tissue", slide(false).toString(), "--out", out.toString()));
        JsonObject json = Json.readTree(out.resolve("tissues.json")).getAsJsonObject();
        assertEquals(0, json.get("tissue_count").getAsInt());
        assertTrue(json.get("summary").getAsString().startsWith("no tissue found"));
        BufferedImage mask = ImageIO.read(out.resolve("mask.png").toFile());
        assertEquals(0, mask.getRaster().getSample(150, 100, 0));
    }

    @Test
    void errors() throws IOException {
        String out = tmp.resolve("e").toString();
        // no um/px in a plain image: --mpp cannot work
        assertEquals(
                1, LowMag.execute("tissue", slide(true).toString(), "--out", out, "--mpp", "8"));
        assertEquals(1, LowMag.execute("tissue", tmp.resolve("none.png").toString(), "--out", out));
        assertEquals(
                2,
                LowMag.execute("tissue", slide(true).toString(), "--out", out, "--threshold", "2"));
    }
}
