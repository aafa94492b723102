package org.lowmag.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lowmag.dataset.SlideList;
import org.lowmag.infer.SyntheticSlides;
import org.lowmag.slide.MagnificationResolver;
import org.lowmag.slide.ScanMagnification;
import org.lowmag.tiff.OmeTiffFixture;
import org.lowmag.util.Json;
import org.lowmag.util.LowMagException;

/**
 * A slide list CSV gives each slide its own scale: parsed, resolved before the flags and the
 * slide's record, and used by {@code tissue} for every listed slide.
 */
class SlideListTest {

    @TempDir Path tmp;

    @Test
    void listedScaleWinsOverFlagsAndRecord() throws IOException {
        Path csv =
                Files.writeString(
                        tmp.resolve("list.csv"),
                        "slide,mpp,magnification,label\n"
                                + "a.svs,0.5,,tumour\n"
                                + "sub/b.tif,,20x,\n"
                                + "c.tif,,,benign\n");
        SlideList list = SlideList.read(csv);
        assertEquals(3, list.slides().size());
        assertEquals(tmp.resolve("sub/b.tif").toAbsolutePath(), list.slides().get(1));
        assertEquals("tumour", list.labels().get("a.svs"));
        assertEquals(2, list.labels().size());
        MagnificationResolver r =
                list.resolver(
                        new MagnificationResolver(
                                java.util.OptionalDouble.of(40), java.util.OptionalDouble.empty()));
        assertEquals(20.0, r.perSlide().get("a.svs").magnification(), 1e-12, "10 / 0.5 um/px");
        assertEquals(ScanMagnification.Source.LISTED_MPP, r.perSlide().get("a.svs").source());
        assertEquals(20.0, r.perSlide().get("b.tif").magnification(), 1e-12);
        assertTrue(!r.perSlide().containsKey("c.tif"), "no value: the flags decide");
    }

    @Test
    void malformedListsAreRefusedNamingTheLine() throws IOException {
        refused("n.csv", "slide,label\na.svs,x\n", "'mpp' or 'magnification'");
        refused(
                "b.csv",
                "slide,mpp,magnification\na,1,2\n",
                "b.csv line 2: give mpp or magnification, not both");
        refused("m.csv", "slide,mpp\na,-1\n", "mpp must be a positive number");
    }

    private void refused(String name, String text, String message) throws IOException {
        Path csv = Files.writeString(tmp.resolve(name), text);
        String got = assertThrows(LowMagException.class, () -> SlideList.read(csv)).getMessage();
        assertTrue(got.contains(message), got);
    }

    /**
     * predict takes the listed slides and their labels: a 10x model on a slide listed at 20x (0.5
     * um/px; it records 40x) reads it at downsample 2, so the tissue image is 768 / 2 = 384 px wide
     * (at the recorded 40x it would be 192), and the label column judges the prediction.
     */
    @Tag("engine")
    @Test
    void predictTakesTheListsSlidesScalesAndLabels() throws IOException {
        OmeTiffFixture.write(
                tmp.resolve("one.ome.tif"),
                1536,
                1024,
                3,
                256,
                OmeTiffFixture.omeXml(1536, 1024, 0.25, 0.25, 40, "RGB"));
        Path csv =
                Files.writeString(
                        tmp.resolve("list.csv"),
                        "slide,magnification,label\none.ome.tif,20x,tumour\n");
        Path model = SyntheticSlides.model(tmp.resolve("model"), 10);
        Path out = tmp.resolve("p");
        String printed =
                CliRun.run(
                        0,
                        "predict",
                        "--model",
                        model.toString(),
                        "--slide-list",
                        csv.toString(),
                        "--out",
                        out.toString());
        assertTrue(printed.contains("truth tumour"), printed);
        assertTrue(printed.contains("of 1 slide with known truth classified correctly"), printed);
        JsonObject tissue =
                Json.readTree(out.resolve("one.json"))
                        .getAsJsonObject()
                        .getAsJsonArray("tissues")
                        .get(0)
                        .getAsJsonObject();
        assertEquals(384, tissue.get("width_px").getAsInt(), 4);
    }

    /**
     * The fixture records 0.25 um/px; the list says 0.5, so the tissue's 768 x 512 level-0 px are
     * 768 * 512 * 0.25 um^2 = 98304 um^2 in tissues.json (0.0625 um^2 per pixel would give 24576).
     */
    @Test
    void tissueUsesTheListForEverySlide() throws IOException {
        OmeTiffFixture.write(
                tmp.resolve("one.ome.tif"),
                1536,
                1024,
                2,
                256,
                OmeTiffFixture.omeXml(1536, 1024, 0.25, 0.25, 40, "RGB"));
        Path csv = Files.writeString(tmp.resolve("list.csv"), "slide,mpp\none.ome.tif,0.5\n");
        Path out = tmp.resolve("out");
        CliRun.run(0, "tissue", "--slide-list", csv.toString(), "--out", out.toString());
        JsonObject j = Json.readTree(out.resolve("one/tissues.json")).getAsJsonObject();
        assertEquals(0.5, j.get("mpp_x").getAsDouble(), 1e-12);
        double um2 =
                j.getAsJsonArray("tissues").get(0).getAsJsonObject().get("area_um2").getAsDouble();
        assertEquals(768 * 512 * 0.25, um2, 0.03 * 768 * 512 * 0.25);
    }
}
