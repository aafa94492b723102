package org.lowmag.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The --checkpoint-activations flag of train and distill, through the real command line. */
class CheckpointOptionsTest {

    private static String run(int expectedCode, String... args) {
        PrintStream saved = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StringWriter err = new StringWriter();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            CommandLine cl = LowMag.newCommandLine();
            cl.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
            cl.setErr(new PrintWriter(err, true));
            assertEquals(expectedCode, cl.execute(args), err.toString());
        } finally {
            System.setOut(saved);
        }
        return out.toString(StandardCharsets.UTF_8) + err;
    }

    @Test
    void trainAndDistillDocumentTheFlagFinetuneHasNone() {
        for (String command : new String[] {"train", "distill"}) {
            String help = run(0, command, "--help");
            assertTrue(help.contains("--checkpoint-activations=auto|on|off"), help);
            assertTrue(help.contains("4096x4096"), help);
        }
        assertFalse(run(0, "finetune", "--help").contains("--checkpoint-activations"));
    }

    @Test
    void anUnknownValueIsAUsageErrorNamingIt(@TempDir Path tmp) {
        String out =
                run(
                        2,
                        "train",
                        "--data",
                        tmp.toString(),
                        "--mag",
                        "10",
                        "--out",
                        tmp.resolve("run").toString(),
                        "--checkpoint-activations",
                        "sometimes");
        assertTrue(out.contains("'sometimes' is not one of auto, on, off"), out);
    }
}
