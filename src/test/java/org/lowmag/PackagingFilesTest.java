package org.lowmag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The files a release is made of agree with each other: the licence, the citation, the two
 * launchers, the container recipe and the release archive's descriptor (tests run in the repository
 * root).
 */
class PackagingFilesTest {

    private static final Path ROOT = Path.of("").toAbsolutePath();

    private static String read(String file) throws IOException {
        return Files.readString(ROOT.resolve(file), StandardCharsets.UTF_8);
    }

    private static String pomVersion() throws IOException {
        Matcher m =
                Pattern.compile("<artifactId>lowmag</artifactId>\\s*<version>([^<]+)</version>")
                        .matcher(read("pom.xml"));
        assertTrue(m.find(), "the pom's version");
        return m.group(1);
    }

    /** The {@code -Dname=value} JVM flags in a launcher. */
    private static Set<String> jvmFlags(String launcher) {
        Set<String> flags = new TreeSet<>();
        Matcher m = Pattern.compile("-D[a-zA-Z.]+=[a-z0-9]+").matcher(launcher);
        while (m.find()) {
            flags.add(m.group());
        }
        return flags;
    }

    @Test
    void theLicenceIsTheFullApache2Text() throws IOException {
        String licence = read("LICENSE");
        assertTrue(licence.contains("Apache License\n                           Version 2.0"));
        assertTrue(
                licence.contains("TERMS AND CONDITIONS FOR USE, REPRODUCTION, AND DISTRIBUTION"));
        assertTrue(licence.contains("END OF TERMS AND CONDITIONS"));
        assertTrue(licence.contains("APPENDIX: How to apply the Apache License to your work."));
    }

    @Test
    void theCitationNamesThePaperAndThisVersion() throws IOException {
        Map<String, Object> cff = new Yaml().load(read("CITATION.cff"));
        assertEquals("1.2.0", cff.get("cff-version"));
        assertEquals("software", cff.get("type"));
        assertEquals(pomVersion(), cff.get("version"));
        assertEquals("Apache-2.0", cff.get("license"));
        @SuppressWarnings("unchecked")
        Map<String, Object> paper = (Map<String, Object>) cff.get("preferred-citation");
        assertEquals("10.1016/j.artmed.2021.102136", paper.get("doi"));
        assertEquals("Artificial Intelligence in Medicine", paper.get("journal"));
        assertEquals(2021, paper.get("year"));
        assertTrue(paper.get("authors").toString().contains("family-names=DiPalma"));
    }

    @Test
    void bothLaunchersRunTheJvmAlikeAndFindAReleaseJar() throws IOException {
        String sh = read("lowmag");
        String cmd = read("lowmag.cmd");
        assertEquals(jvmFlags(sh), jvmFlags(cmd));
        assertTrue(jvmFlags(sh).contains("-Dai.djl.offline=true"), jvmFlags(sh).toString());
        assertTrue(sh.contains("\"$@\"") && cmd.contains("%*"), "arguments passed on");
        assertTrue(sh.contains("-Dassembly.skipAssembly=true"));
        assertTrue(cmd.contains("-Dassembly.skipAssembly=true"));
        assertTrue(sh.contains("\"$here/lowmag.jar\"") && cmd.contains("%HERE%\\lowmag.jar"));
        assertTrue(cmd.contains("exit /b %ERRORLEVEL%"), "the cmd launcher returns LowMag's code");
        assertEquals(
                cmd.lines().count(),
                cmd.split("\r\n", -1).length - 1,
                "lowmag.cmd has CRLF line ends");
    }

    @Test
    void theContainerRunsTheDemoOnAJre17WithOpenSlide() throws IOException {
        String docker = read("Dockerfile");
        assertTrue(docker.contains("FROM eclipse-temurin:17-jre"), docker);
        assertTrue(docker.contains("libopenslide0"), docker);
        assertTrue(docker.contains("ENTRYPOINT [\"/opt/lowmag/lowmag\"]"), docker);
        assertTrue(docker.contains("CMD [\"demo\"]"), docker);
    }

    @Test
    void everyFileTheReleaseArchiveTakesExists() throws IOException {
        String assembly = read("src/assembly/release.xml");
        Matcher m = Pattern.compile("<source>([^<$]+)</source>").matcher(assembly);
        int n = 0;
        while (m.find()) {
            assertTrue(Files.isRegularFile(ROOT.resolve(m.group(1))), m.group(1));
            n++;
        }
        assertEquals(6, n, assembly);
    }
}
