package org.lowmag.util;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * Where a result came from: LowMag's version and git commit, the DJL and libtorch versions it was
 * built against, the Java runtime, the machine and the date. Written into every run folder and
 * model.
 *
 * @param lowmagVersion LowMag's version (from the build)
 * @param gitCommit the commit LowMag was built from, with {@code -dirty} when the tree had changes,
 *     or {@code unknown}
 * @param djlVersion the DJL version on the classpath
 * @param libtorchVersion the libtorch version on the classpath
 * @param javaVersion the running Java version
 * @param os operating system and architecture
 * @param cpus available processors
 * @param date ISO-8601 UTC timestamp of creation
 */
public record Provenance(
        String lowmagVersion,
        String gitCommit,
        String djlVersion,
        String libtorchVersion,
        String javaVersion,
        String os,
        int cpus,
        String date) {

    private static final Properties BUILD = loadBuildProperties();
    private static volatile String cachedCommit;

    /**
     * @return the provenance of the current process, dated now
     */
    public static Provenance current() {
        return new Provenance(
                version(),
                currentGitCommit(),
                BUILD.getProperty("djl.version", "unknown"),
                BUILD.getProperty("libtorch.version", "unknown"),
                System.getProperty("java.version"),
                System.getProperty("os.name") + " " + System.getProperty("os.arch"),
                Runtime.getRuntime().availableProcessors(),
                OffsetDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
    }

    /**
     * @return LowMag's version
     */
    public static String version() {
        return BUILD.getProperty("version", "unknown");
    }

    /**
     * @return the provenance as an ordered map (for JSON)
     */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("lowmag_version", lowmagVersion);
        m.put("git_commit", gitCommit);
        m.put("djl_version", djlVersion);
        m.put("libtorch_version", libtorchVersion);
        m.put("java_version", javaVersion);
        m.put("os", os);
        m.put("cpus", cpus);
        m.put("date", date);
        return m;
    }

    private static Properties loadBuildProperties() {
        Properties p = new Properties();
        try (InputStream in =
                Provenance.class.getResourceAsStream("/org/lowmag/version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    /**
     * The git commit of the source tree the running code was built from: the one the build baked
     * into {@code org/lowmag/git.properties} (git-commit-id-maven-plugin), else found by asking git
     * in the folder that holds the jar or classes; {@code unknown} when neither knows.
     *
     * @return the commit hash, suffixed {@code -dirty} when the tree had uncommitted changes
     */
    public static String currentGitCommit() {
        String c = cachedCommit;
        if (c == null) {
            c = findCommit();
            cachedCommit = c;
        }
        return c;
    }

    private static String findCommit() {
        String baked = bakedCommit();
        if (baked != null) {
            return baked;
        }
        try {
            Path here =
                    Paths.get(
                            Provenance.class
                                    .getProtectionDomain()
                                    .getCodeSource()
                                    .getLocation()
                                    .toURI());
            Path dir = Files.isDirectory(here) ? here : here.getParent();
            String head = run(dir, "git", "rev-parse", "HEAD");
            if (head == null || head.isBlank()) {
                return "unknown";
            }
            String status = run(dir, "git", "status", "--porcelain", "--untracked-files=no");
            return head.strip() + (status != null && !status.isBlank() ? "-dirty" : "");
        } catch (java.net.URISyntaxException | RuntimeException e) {
            return "unknown";
        }
    }

    /** The commit recorded at build time, or null. */
    private static String bakedCommit() {
        try (java.io.InputStream in = Provenance.class.getResourceAsStream("git.properties")) {
            if (in == null) {
                return null;
            }
            java.util.Properties p = new java.util.Properties();
            p.load(in);
            String id = p.getProperty("git.commit.id.full", "").strip();
            if (!id.matches("[0-9a-f]{40}")) {
                return null;
            }
            return id + (Boolean.parseBoolean(p.getProperty("git.dirty")) ? "-dirty" : "");
        } catch (IOException e) {
            return null;
        }
    }

    private static String run(Path dir, String... command) {
        try {
            Process p =
                    new ProcessBuilder(command)
                            .directory(dir.toFile())
                            .redirectError(ProcessBuilder.Redirect.DISCARD)
                            .start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
                return null;
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
