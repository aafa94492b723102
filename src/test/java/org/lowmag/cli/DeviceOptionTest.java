package org.lowmag.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.djl.engine.Engine;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Every command that runs a network takes {@code --device}, and checks it before any work. */
@Tag("engine")
class DeviceOptionTest {

    private static final String[] NETWORK_COMMANDS = {
        "train", "distill", "finetune", "evaluate", "predict", "experiment", "demo"
    };

    @Test
    void everyCommandThatRunsANetworkHasDevice() {
        CommandLine cl = LowMag.newCommandLine();
        for (String name : NETWORK_COMMANDS) {
            assertTrue(
                    cl.getSubcommands().get(name).getCommandSpec().findOption("--device") != null,
                    name);
        }
    }

    @Test
    void evaluateAndPredictRefuseAGpuTheEngineDoesNotHave() {
        assumeTrue(
                Engine.getEngine("PyTorch").getGpuCount() == 0,
                "this machine has a GPU (GpuDeviceTest runs on it)");
        String evaluate =
                CliRun.run(
                        LowMag.EXIT_USAGE,
                        "evaluate",
                        "--model",
                        "m",
                        "--data",
                        "d",
                        "--out",
                        "o",
                        "--device",
                        "gpu");
        assertTrue(evaluate.contains("--device gpu: the PyTorch engine sees no GPU"), evaluate);
        String predict =
                CliRun.run(
                        LowMag.EXIT_USAGE,
                        "predict",
                        "--model",
                        "m",
                        "--out",
                        "o",
                        "--device",
                        "gpu",
                        "slide.svs");
        assertTrue(predict.contains("--device gpu: the PyTorch engine sees no GPU"), predict);
    }

    @Test
    void theDemoRefusesAMissingGpuBeforeAnyWork(@TempDir Path tmp) {
        assumeTrue(
                Engine.getEngine("PyTorch").getGpuCount() == 0,
                "this machine has a GPU (GpuDeviceTest runs on it)");
        Path out = tmp.resolve("demo");
        String demo =
                CliRun.run(
                        LowMag.EXIT_USAGE,
                        "demo",
                        "--quick",
                        "--out",
                        out.toString(),
                        "--device",
                        "gpu");
        assertTrue(demo.contains("--device gpu: the PyTorch engine sees no GPU"), demo);
        assertFalse(Files.exists(out), "nothing written");
    }

    @Test
    void anUnknownDeviceIsAUsageError() {
        String out =
                CliRun.run(
                        LowMag.EXIT_USAGE,
                        "predict",
                        "--model",
                        "m",
                        "--out",
                        "o",
                        "--device",
                        "tpu",
                        "slide.svs");
        assertTrue(out.contains("--device 'tpu' is not one of cpu, gpu"), out);
    }
}
