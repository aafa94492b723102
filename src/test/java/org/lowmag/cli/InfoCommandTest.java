package org.lowmag.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lowmag.slide.OpenSlideReader;
import picocli.CommandLine;

/** {@code lowmag info} through the real command line. */
class InfoCommandTest {

    private static final Path SLIDES = Path.of("..", "shared", "data", "slides");

    @TempDir Path dir;

    /** Runs the CLI and returns exit code, stdout and stderr. */
    private static String[] run(String... args) {
        PrintStream saved = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StringWriter err = new StringWriter();
        int code;
        try (PrintStream capture = new PrintStream(out, true, StandardCharsets.UTF_8)) {
            System.setOut(capture);
            CommandLine cl = LowMag.newCommandLine();
            cl.setErr(new PrintWriter(err, true));
            code = cl.execute(args);
        } finally {
            System.setOut(saved);
        }
        return new String[] {
            Integer.toString(code), out.toString(StandardCharsets.UTF_8), err.toString()
        };
    }

    private static Path real(String name) {
        Path p = SLIDES.resolve(name);
        assumeTrue(Files.isReadable(p), "real data not found: " + p.toAbsolutePath().normalize());
        return p;
    }

    @Test
    void cmu1() {
        String[] r = run("info", real("cmu-1-small-region.svs").toString());
        assertEquals("0", r[0], r[2]);
        JsonObject j = JsonParser.parseString(r[1]).getAsJsonObject();
        assertEquals(2220, j.get("width").getAsLong());
        assertEquals(2967, j.get("height").getAsLong());
        assertEquals(1, j.get("levels").getAsInt());
        assertEquals(0.499, j.getAsJsonObject("mpp").get("x").getAsDouble());
        assertEquals(20.0, j.get("objective_power").getAsDouble());
        assertEquals(10 / 0.499, j.get("magnification").getAsDouble(), 1e-9);
        assertEquals("tiff", j.get("backend").getAsString());
        assertEquals("aperio", j.get("vendor").getAsString());
        assertEquals(3, j.getAsJsonArray("associated_images").size());
        assertEquals(
                2220, j.getAsJsonArray("level_sizes").get(0).getAsJsonArray().get(0).getAsLong());
    }

    @Test
    void tcgaThroughOpenSlideWithUserMagnification() {
        Path tcga = real("tcga-cr-7395-01a-01-ts1.svs");
        assumeTrue(OpenSlideReader.isAvailable(), OpenSlideReader.describeAvailability());
        String[] plain = run("info", tcga.toString());
        assertEquals("0", plain[0], plain[2]);
        JsonObject j = JsonParser.parseString(plain[1]).getAsJsonObject();
        assertEquals("openslide", j.get("backend").getAsString());
        assertEquals(2, j.get("levels").getAsInt());
        assertTrue(j.get("mpp").isJsonNull());
        assertTrue(j.get("objective_power").isJsonNull());
        assertTrue(j.get("magnification").isJsonNull());
        String[] withMag = run("info", tcga.toString(), "--source-mag", "20");
        JsonObject k = JsonParser.parseString(withMag[1]).getAsJsonObject();
        assertEquals(20.0, k.get("magnification").getAsDouble());
        assertEquals("--source-mag", k.get("magnification_source").getAsString());
    }

    @Test
    void kidney() {
        String[] r = run("info", real("kidney-48-5.tif").toString(), "--source-mpp", "0.5");
        assertEquals("0", r[0], r[2]);
        JsonObject j = JsonParser.parseString(r[1]).getAsJsonObject();
        assertEquals(1493, j.get("width").getAsLong());
        assertEquals(901, j.get("height").getAsLong());
        assertEquals(20.0, j.get("magnification").getAsDouble());
    }

    @Test
    void errorsAndUsage() throws Exception {
        String[] missing = run("info", dir.resolve("missing.svs").toString());
        assertEquals("1", missing[0]);
        assertTrue(missing[2].contains("file not found"), missing[2]);
        Path fake = Files.writeString(dir.resolve("fake.svs"), "text");
        String[] bad = run("info", fake.toString());
        assertEquals("1", bad[0]);
        assertTrue(bad[2].contains("unsupported"), bad[2]);
        String[] both = run("info", fake.toString(), "--source-mag", "20", "--source-mpp", "0.5");
        assertEquals("2", both[0]);
    }
}
