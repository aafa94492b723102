package org.lowmag.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/** Runs the real command line in-process for tests, capturing what it prints. */
final class CliRun {

    private CliRun() {}

    /**
     * @param expectedCode the exit code the command must return (asserted, stderr as message)
     * @param args the command line
     * @return standard output (System.out and picocli's own) followed by standard error
     */
    static String run(int expectedCode, String... args) {
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
}
