package org.lowmag.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;
import org.lowmag.util.Json;

/** The flops command through the real command line: output and exit codes. */
class FlopsCommandTest {

    @Test
    void jsonHasTheTotals() {
        String out = CliRun.run(0, "flops", "--arch", "paper", "--input", "3x224x224", "--json");
        JsonObject j = Json.gson().fromJson(out, JsonObject.class);
        assertEquals(251_683_584L, j.get("macs").getAsLong());
        assertEquals(0.503367168, j.get("gflops").getAsDouble(), 1e-12);
        assertTrue(j.getAsJsonArray("layers").size() > 10);
    }

    @Test
    void tableEndsWithTheTotal() {
        String out = CliRun.run(0, "flops", "--arch", "resnet18", "--classes", "1000");
        assertTrue(out.contains("MACs 1,814,073,344"), out);
    }

    @Test
    void usageErrorsExitWith2AndNameTheValue() {
        assertTrue(CliRun.run(2, "flops", "--input", "3x224").contains("3x224"));
        assertTrue(CliRun.run(2, "flops", "--arch", "vgg").contains("vgg"));
        assertTrue(CliRun.run(2, "flops", "--nope").contains("--nope"));
    }
}
