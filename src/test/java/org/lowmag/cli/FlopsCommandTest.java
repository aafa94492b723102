package org.lowmag.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.lowmag.util.Json;
import picocli.CommandLine;

/** The flops command through the real command line: output and exit codes. */
class FlopsCommandTest {

    private static String run(int expectedCode, String... args) {
        PrintStream saved = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StringWriter err = new StringWriter();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            CommandLine cl = LowMag.newCommandLine();
            cl.setErr(new PrintWriter(err, true));
            assertEquals(expectedCode, cl.execute(args), err.toString());
        } finally {
            System.setOut(saved);
        }
        return out.toString(StandardCharsets.UTF_8) + err;
    }

    @Test
    void jsonHasTheTotals() {
        String out = run(0, "flops", "--arch", "paper", "--input", "3x224x224", "--json");
        JsonObject j = Json.gson().fromJson(out, JsonObject.class);
        assertEquals(251_683_584L, j.get("macs").getAsLong());
        assertEquals(0.503367168, j.get("gflops").getAsDouble(), 1e-12);
        assertTrue(j.getAsJsonArray("layers").size() > 10);
    }

    @Test
    void tableEndsWithTheTotal() {
        String out = run(0, "flops", "--arch", "resnet18", "--classes", "1000");
        assertTrue(out.contains("MACs 1,814,073,344"), out);
    }

    @Test
    void usageErrorsExitWith2AndNameTheValue() {
        assertTrue(run(2, "flops", "--input", "3x224").contains("3x224"));
        assertTrue(run(2, "flops", "--arch", "vgg").contains("vgg"));
        assertTrue(run(2, "flops", "--nope").contains("--nope"));
    }
}
