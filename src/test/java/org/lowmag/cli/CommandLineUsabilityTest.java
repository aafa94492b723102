package org.lowmag.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lowmag.dataset.Dataset;
import org.lowmag.dataset.ImageFiles;
import org.lowmag.dataset.TissueRecord;
import picocli.CommandLine;

/**
 * The command line's manners: clean help for every command, "did you mean" for a typo,
 * magnifications written as LowMag writes them ({@code 20x}), and {@code --log-level} everywhere.
 */
class CommandLineUsabilityTest {

    @TempDir Path tmp;

    /** Exit code and everything printed, picocli's own warnings on System.err included. */
    private record Printed(int code, String text) {}

    private static Printed run(String... args) {
        PrintStream savedOut = System.out;
        PrintStream savedErr = System.err;
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        try (PrintStream capture = new PrintStream(all, true, StandardCharsets.UTF_8)) {
            System.setOut(capture);
            System.setErr(capture);
            CommandLine cl = LowMag.newCommandLine();
            cl.setOut(new PrintWriter(capture, true));
            cl.setErr(new PrintWriter(capture, true));
            int code = cl.execute(args);
            return new Printed(code, all.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(savedOut);
            System.setErr(savedErr);
        }
    }

    @Test
    void everyCommandsHelpIsCleanAndOffersLogLevel() {
        Map<String, CommandLine> commands = LowMag.newCommandLine().getSubcommands();
        assertTrue(commands.size() >= 13, commands.keySet().toString());
        for (String name : commands.keySet()) {
            if (name.equals("help")) {
                continue;
            }
            Printed p = run(name, "--help");
            assertEquals(0, p.code(), name + ": " + p.text());
            assertFalse(p.text().contains("picocli WARN"), name + ": " + p.text());
            assertFalse(p.text().contains("Could not format"), name + ": " + p.text());
            assertTrue(p.text().contains("--log-level=LEVEL"), name + ": " + p.text());
            assertTrue(
                    p.text().contains("What LowMag and DJL log to stderr"), name + ": " + p.text());
        }
    }

    @Test
    void theHelpOfTheThreeCommandsWithAPercentShowsIt() {
        assertTrue(run("tissue", "--help").text().contains("0.1% of the overview"));
        assertTrue(run("predict", "--help").text().contains("0.1% of the"));
        assertTrue(run("prepare", "--help").text().contains("more than 1%)"));
    }

    @Test
    void aMistypedOptionGetsASuggestion() {
        Printed p = run("train", "--epoch", "3", "--data", "d", "--mag", "10", "--out", "o");
        assertEquals(LowMag.EXIT_USAGE, p.code(), p.text());
        assertTrue(p.text().contains("Unknown options: '--epoch', '3'"), p.text());
        assertTrue(p.text().contains("Possible solutions: --epochs"), p.text());
    }

    @Test
    void aMistypedCommandGetsASuggestion() {
        Printed p = run("trian", "--data", "d");
        assertEquals(LowMag.EXIT_USAGE, p.code(), p.text());
        assertTrue(p.text().contains("Did you mean: lowmag train or lowmag experiment?"), p.text());
    }

    @Test
    void magnificationFlagsTakeAnX() {
        CommandLine cl = LowMag.newCommandLine();
        CommandLine.ParseResult down =
                cl.parseArgs(
                        "downsample",
                        "in.png",
                        "--out",
                        "out.png",
                        "--mag",
                        "5X",
                        "--source-mag",
                        "20x");
        DownsampleCommand d = down.subcommand().commandSpec().commandLine().getCommand();
        assertEquals(5.0, d.mag);
        assertEquals(20.0, d.sourceMag);

        cl = LowMag.newCommandLine();
        CommandLine.ParseResult predict =
                cl.parseArgs(
                        "predict", "--model", "m", "--out", "o", "--source-mag", "40x", "s.svs");
        PredictCommand p = predict.subcommand().commandSpec().commandLine().getCommand();
        assertEquals(40.0, p.what.source.sourceMag);
    }

    @Test
    void infoReadsSourceMagWithAnX() throws IOException {
        Path png = tmp.resolve("tile.png");
        ImageIO.write(new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB), "png", png.toFile());
        Printed p = run("info", png.toString(), "--source-mag", "20x");
        assertEquals(0, p.code(), p.text());
        JsonObject j = JsonParser.parseString(p.text()).getAsJsonObject();
        assertEquals(20.0, j.get("magnification").getAsDouble());
    }

    /**
     * {@code prepare --source-mag 20x --mags 10x,5x}: 64x48 px images at 20x become 32x24, 16x12.
     */
    @Test
    void prepareTakesMagnificationsWithAnX() throws IOException {
        Path images = tmp.resolve("images");
        for (String cls : List.of("x", "y")) {
            for (int i = 0; i < 2; i++) {
                BufferedImage img = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
                img.setRGB(i, i, 0x123456);
                ImageFiles.write(images.resolve(cls).resolve("im" + i + ".png"), img);
            }
        }
        Path out = tmp.resolve("ds");
        Printed p =
                run(
                        "prepare",
                        "--images",
                        images.toString(),
                        "--source-mag",
                        "20x",
                        "--mags",
                        "10x,5X",
                        "--out",
                        out.toString());
        assertEquals(0, p.code(), p.text());
        Dataset ds = Dataset.open(out);
        TissueRecord t = ds.tissues().get(0);
        assertEquals(32, t.image(10).orElseThrow().widthPx());
        assertEquals(12, t.image(5).orElseThrow().heightPx());
        assertEquals(20.0, ds.info().sourceMagnification());
    }

    @Test
    void aBadMagnificationIsAUsageErrorNamingIt() {
        Printed p = run("info", "x.png", "--source-mag", "20y");
        assertEquals(LowMag.EXIT_USAGE, p.code(), p.text());
        assertTrue(p.text().contains("magnification '20y' is not a number"), p.text());
    }

    @Test
    void logLevelSetsSlf4jSimplesDefaultLevelBeforeTheCommandRuns() {
        String saved = System.getProperty(LogLevel.PROPERTY);
        try {
            LowMag.newCommandLine().parseArgs("flops", "--arch", "paper", "--log-level", "DEBUG");
            assertEquals("debug", System.getProperty(LogLevel.PROPERTY));
            LowMag.newCommandLine().parseArgs("--log-level", "error", "flops", "--arch", "paper");
            assertEquals("error", System.getProperty(LogLevel.PROPERTY));
        } finally {
            if (saved == null) {
                System.clearProperty(LogLevel.PROPERTY);
            } else {
                System.setProperty(LogLevel.PROPERTY, saved);
            }
        }
    }

    @Test
    void anUnknownLogLevelIsAUsageError() {
        Printed p = run("flops", "--log-level", "loud");
        assertEquals(LowMag.EXIT_USAGE, p.code(), p.text());
        assertTrue(p.text().contains("--log-level"), p.text());
    }
}
