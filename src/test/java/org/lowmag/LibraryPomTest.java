package org.lowmag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * LowMag as a library (README, "As a Java library"): a project that depends on it does not inherit
 * the libtorch natives or the logging backend, while LowMag's own runnable jar keeps them. Maven
 * leaves a direct dependency marked {@code optional} out of its dependants' classpaths, yet
 * compiles, tests and copies it ({@code copy-dependencies} with {@code includeScope runtime}) for
 * LowMag itself. Checked on {@code pom.xml}, profiles included.
 */
class LibraryPomTest {

    private static Document pom;

    @BeforeAll
    static void parse() throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        pom = f.newDocumentBuilder().parse(Path.of("pom.xml").toFile());
    }

    private static String child(Element e, String name) {
        NodeList l = e.getChildNodes();
        for (int i = 0; i < l.getLength(); i++) {
            Node n = l.item(i);
            if (n instanceof Element c && c.getTagName().equals(name)) {
                return c.getTextContent().trim();
            }
        }
        return "";
    }

    /** Every {@code <dependency>} outside {@code <dependencyManagement>} and plugins. */
    private static List<Element> dependencies(String artifactPrefix) {
        List<Element> out = new ArrayList<>();
        NodeList all = pom.getElementsByTagName("dependency");
        for (int i = 0; i < all.getLength(); i++) {
            Element d = (Element) all.item(i);
            Element list = (Element) d.getParentNode();
            boolean managed =
                    list.getParentNode() instanceof Element p
                            && p.getTagName().equals("dependencyManagement");
            boolean plugin =
                    list.getParentNode() instanceof Element p && p.getTagName().equals("plugin");
            if (!managed && !plugin && child(d, "artifactId").startsWith(artifactPrefix)) {
                out.add(d);
            }
        }
        return out;
    }

    private static void assertOptional(String artifactPrefix) {
        List<Element> deps = dependencies(artifactPrefix);
        assertFalse(deps.isEmpty(), artifactPrefix + " is a dependency of the CLI");
        for (Element d : deps) {
            assertEquals(
                    "true",
                    child(d, "optional"),
                    artifactPrefix
                            + " "
                            + child(d, "classifier")
                            + ": optional, so that library users do not inherit it");
        }
    }

    @Test
    void theLibtorchNativesAreOptionalForLibraryUsers() {
        assertOptional("pytorch-native-");
    }

    @Test
    void theLoggingBackendIsOptionalForLibraryUsers() {
        assertOptional("slf4j-simple");
    }

    @Test
    void theRunnableJarsLibFolderStillGetsTheOptionalDependencies() {
        NodeList executions = pom.getElementsByTagName("execution");
        boolean found = false;
        for (int i = 0; i < executions.getLength(); i++) {
            Element e = (Element) executions.item(i);
            if (e.getTextContent().contains("copy-dependencies")) {
                found = true;
                Element config = (Element) e.getElementsByTagName("configuration").item(0);
                assertEquals("runtime", child(config, "includeScope"));
                assertTrue(child(config, "outputDirectory").endsWith("/lib"));
                assertEquals("", child(config, "excludeArtifactIds"), "nothing left out");
            }
        }
        assertTrue(found, "target/lib is assembled by copy-dependencies");
    }
}
