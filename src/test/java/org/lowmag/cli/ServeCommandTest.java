package org.lowmag.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code lowmag serve}'s usage errors: clear messages and exit code 2, before anything listens. */
class ServeCommandTest {

    @TempDir Path tmp;

    private static String[] run(String... args) {
        CommandLine cl = LowMag.newCommandLine();
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new String[] {Integer.toString(code), err.toString()};
    }

    @Test
    void rejectsABadPortWithExitCode2() {
        String[] r = run("serve", "--slides", tmp.toString(), "--port", "70000");
        assertEquals("2", r[0]);
        assertTrue(r[1].contains("--port must be in 0..65535, got 70000"), r[1]);
    }

    @Test
    void rejectsAMissingFolderWithExitCode2() {
        String[] r = run("serve", "--predictions", tmp.resolve("nope").toString());
        assertEquals("2", r[0]);
        assertTrue(
                r[1].contains("--predictions " + tmp.resolve("nope") + ": no such folder"), r[1]);
    }

    @Test
    void rejectsAnUnknownHostWithExitCode2() {
        String[] r = run("serve", "--slides", tmp.toString(), "--host", "no-such-host.invalid");
        assertEquals("2", r[0]);
        assertTrue(r[1].contains("--host no-such-host.invalid: unknown host"), r[1]);
    }

    @Test
    void rejectsNothingToServeWithExitCode2() {
        String[] r = run("serve");
        assertEquals("2", r[0]);
        assertTrue(r[1].contains("nothing to serve"), r[1]);
    }
}
