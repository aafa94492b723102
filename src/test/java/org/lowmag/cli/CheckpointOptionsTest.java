package org.lowmag.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The --checkpoint-activations flag of train and distill, through the real command line. */
class CheckpointOptionsTest {

    @Test
    void trainAndDistillDocumentTheFlagFinetuneHasNone() {
        for (String command : new String[] {"train", "distill"}) {
            String help = CliRun.run(0, command, "--help");
            assertTrue(help.contains("--checkpoint-activations=auto|on|off"), help);
            assertTrue(help.contains("4096x4096"), help);
        }
        assertFalse(CliRun.run(0, "finetune", "--help").contains("--checkpoint-activations"));
    }

    @Test
    void anUnknownValueIsAUsageErrorNamingIt(@TempDir Path tmp) {
        String out =
                CliRun.run(
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
