package org.lowmag.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs LowMag's command line in a child JVM with the test classpath, capturing everything it
 * prints, native output included (libtorch writes to the process's file descriptor 2, which an
 * in-process test cannot capture).
 */
public final class ChildJvm {

    private ChildJvm() {}

    /** What a child printed (stdout and stderr merged, in order) and its exit code. */
    public record Result(int exitCode, String output) {}

    /**
     * @param log the file the merged output is written to
     * @param timeoutSeconds the child is killed after this long (an {@link IllegalStateException})
     * @param jvmOptions options before the main class, e.g. {@code -Dlowmag.nnpack=on}
     * @param args LowMag's arguments
     * @return the exit code and the output
     * @throws IOException when the child cannot be started or its output read
     * @throws InterruptedException when interrupted while waiting
     */
    public static Result lowmag(
            Path log, long timeoutSeconds, List<String> jvmOptions, String... args)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Dai.djl.offline=true");
        cmd.add("-DOPT_OUT_TRACKING=true");
        cmd.add("-Djava.awt.headless=true");
        cmd.addAll(jvmOptions);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add("org.lowmag.cli.LowMag");
        cmd.addAll(List.of(args));
        Process p =
                new ProcessBuilder(cmd)
                        .redirectErrorStream(true)
                        .redirectOutput(log.toFile())
                        .start();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
            throw new IllegalStateException(
                    "lowmag "
                            + String.join(" ", args)
                            + " ran past "
                            + timeoutSeconds
                            + " s; output in "
                            + log);
        }
        return new Result(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }
}
