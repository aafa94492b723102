package org.lowmag.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.lowmag.eval.BootstrapConfig;
import picocli.CommandLine;

/** The evaluate command's bootstrap unit option (evaluation itself: DistillJobTest). */
class EvaluateCommandTest {

    @Test
    void helpExplainsTheUnit() {
        String help = CliRun.run(0, "evaluate", "--help").replaceAll("\\s+", " ");
        assertTrue(help.contains("--bootstrap-unit=tissue|group"), help);
        assertTrue(help.contains("near-duplicate images"), help);
        assertTrue(help.contains("(default: tissue)"), help);
    }

    @Test
    void parsesTheUnitAnyCaseAndDefaultsToTissue() {
        String[] base = {"evaluate", "--model", "m", "--data", "d", "--out", "o"};
        EvaluateCommand c = parse(base);
        assertEquals(BootstrapConfig.Unit.TISSUE, c.bootstrap.bootstrapUnit);
        String[] group = {"evaluate", "--model", "m", "--data", "d", "--out", "o"};
        c = parse(append(group, "--bootstrap-unit", "Group"));
        assertEquals(BootstrapConfig.Unit.GROUP, c.bootstrap.bootstrapUnit);
    }

    @Test
    void anUnknownUnitIsAUsageError() {
        String err =
                CliRun.run(
                        2,
                        "evaluate",
                        "--model",
                        "m",
                        "--data",
                        "d",
                        "--out",
                        "o",
                        "--bootstrap-unit",
                        "patient");
        assertTrue(err.contains("--bootstrap-unit") && err.contains("patient"), err);
    }

    private static EvaluateCommand parse(String... args) {
        CommandLine cl = LowMag.newCommandLine();
        CommandLine.ParseResult r = cl.parseArgs(args);
        return (EvaluateCommand) r.subcommand().commandSpec().userObject();
    }

    private static String[] append(String[] a, String... more) {
        String[] out = java.util.Arrays.copyOf(a, a.length + more.length);
        System.arraycopy(more, 0, out, a.length, more.length);
        return out;
    }
}
