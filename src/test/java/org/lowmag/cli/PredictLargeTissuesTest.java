package org.lowmag.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lowmag.infer.LargeTissues;
import org.lowmag.infer.SyntheticSlides;
import picocli.CommandLine;

/**
 * {@code lowmag predict} with a tissue over {@code --max-tissue-px}: the synthetic slide read at 5x
 * has tissues of about 85 x 115 px (9,775 px) and 90 x 80 px (7,200 px), so a limit of 8,000 px
 * refuses the slide (exit 1) unless {@code --tile-large-tissues}, which tiles only the larger one
 * and leaves the smaller one's result exactly as without tiling.
 */
@Tag("engine")
class PredictLargeTissuesTest {

    @TempDir Path tmp;

    private static int predict(Path model, Path slide, Path out, String... more) {
        List<String> args =
                new ArrayList<>(
                        List.of(
                                "predict",
                                "--model",
                                model.toString(),
                                slide.toString(),
                                "--out",
                                out.toString(),
                                "--source-mag",
                                "20",
                                "--heatmap"));
        args.addAll(List.of(more));
        return LowMag.execute(args.toArray(String[]::new));
    }

    private static JsonObject json(Path file) throws IOException {
        return JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8))
                .getAsJsonObject();
    }

    @Test
    void aTissueOverTheLimitFailsItsSlideUnlessTilingIsAllowed() throws IOException {
        Path slide = SyntheticSlides.write(tmp.resolve("two-blobs.tif"));
        Path model = SyntheticSlides.model(tmp.resolve("model"), 5.0);

        Path refused = tmp.resolve("refused");
        assertEquals(
                LowMag.EXIT_FAILURE, predict(model, slide, refused, "--max-tissue-px", "8000"));
        assertTrue(Files.notExists(refused.resolve("two-blobs.json")));
        String row = Files.readAllLines(refused.resolve("summary.csv")).get(1);
        assertTrue(row.contains("failed: "), row);
        assertTrue(row.contains("over --max-tissue-px 8000"), row);
        assertTrue(row.contains("--tile-large-tissues"), row);

        Path whole = tmp.resolve("whole");
        assertEquals(0, predict(model, slide, whole));
        Path tiled = tmp.resolve("tiled");
        assertEquals(
                0, predict(model, slide, tiled, "--max-tissue-px", "8000", "--tile-large-tissues"));
        JsonArray a = json(whole.resolve("two-blobs.json")).getAsJsonArray("tissues");
        JsonArray b = json(tiled.resolve("two-blobs.json")).getAsJsonArray("tissues");
        assertEquals(2, b.size());
        int fits = 0;
        for (int i = 0; i < 2; i++) {
            JsonObject t = b.get(i).getAsJsonObject();
            long px = t.get("width_px").getAsLong() * t.get("height_px").getAsLong();
            JsonObject u = a.get(i).getAsJsonObject();
            assertEquals(u.get("box"), t.get("box"));
            assertFalse(u.get("tiled").getAsBoolean(), "within the default limit: whole");
            assertEquals(1, u.get("tiles").getAsInt());
            if (px <= 8000) {
                fits++;
                assertEquals(u.get("probabilities"), t.get("probabilities"), "unchanged");
                assertFalse(t.get("tiled").getAsBoolean());
                assertEquals(1, t.get("tiles").getAsInt());
            } else {
                assertTrue(t.get("tiled").getAsBoolean());
                assertTrue(t.get("tiles").getAsInt() > 1, t.toString());
            }
        }
        assertEquals(1, fits, b.toString());
        assertEquals(0, json(whole.resolve("two-blobs.json")).get("tiled_tissue_count").getAsInt());
        assertEquals(1, json(tiled.resolve("two-blobs.json")).get("tiled_tissue_count").getAsInt());
        assertTrue(Files.exists(tiled.resolve("two-blobs.heatmap.tumour.png")));

        // the settings are recorded: a run with other settings into the folder redoes the slide
        JsonObject settings =
                json(tiled.resolve("two-blobs.json"))
                        .getAsJsonObject("made_by")
                        .getAsJsonObject("settings");
        assertEquals("8000", settings.get("max_tissue_px").getAsString());
        assertTrue(settings.get("tile_large_tissues").getAsBoolean());
        assertEquals(
                0, predict(model, slide, whole, "--max-tissue-px", "8000", "--tile-large-tissues"));
        assertEquals(
                "8000",
                json(whole.resolve("two-blobs.json"))
                        .getAsJsonObject("made_by")
                        .getAsJsonObject("settings")
                        .get("max_tissue_px")
                        .getAsString());
    }

    @Test
    void theDefaultLimitIsTheLibrarysAndATinyOneIsAUsageError() throws IOException {
        PredictCommand cmd = new PredictCommand();
        new CommandLine(cmd).parseArgs("--model", "m", "--out", "o", "s.tif");
        assertEquals(LargeTissues.DEFAULT_MAX_TISSUE_PX, cmd.what.maxTissuePx);
        assertEquals(false, cmd.what.tileLargeTissues);
        assertEquals(
                LowMag.EXIT_USAGE,
                LowMag.execute(
                        "predict",
                        "--model",
                        tmp.toString(),
                        tmp.toString(),
                        "--out",
                        tmp.resolve("o").toString(),
                        "--max-tissue-px",
                        "100"));
    }
}
