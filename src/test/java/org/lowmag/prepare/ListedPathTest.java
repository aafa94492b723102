package org.lowmag.prepare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lowmag.util.LowMagException;

/** A manifest or labels CSV cannot reach files outside its input folder. */
class ListedPathTest {

    @TempDir Path tmp;

    @Test
    void pathsInsideTheFolderAreKept() {
        Path dir = tmp.resolve("imgs");
        assertEquals(dir.resolve("a/x.png"), ListedPath.resolve(dir, "a/x.png", "m.csv line 2"));
        assertEquals(
                dir.resolve("a/../b.png"), ListedPath.resolve(dir, "a/../b.png", "m.csv line 2"));
    }

    @Test
    void absoluteAndEscapingPathsAreRefusedWithTheLine() {
        Path dir = tmp.resolve("imgs");
        for (String bad : List.of("/etc/passwd", "../../etc/passwd", "a/../../x.png", "..", ".")) {
            LowMagException e =
                    assertThrows(
                            LowMagException.class,
                            () -> ListedPath.resolve(dir, bad, "m.csv line 3"),
                            bad);
            assertTrue(e.getMessage().startsWith("m.csv line 3: '" + bad + "'"), e::getMessage);
        }
    }

    @Test
    void aManifestListingAFileOutsideItsFolderIsRefused() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("imgs"));
        Files.writeString(tmp.resolve("secret.png"), "not for the dataset");
        Files.writeString(dir.resolve("a.png"), "x");
        Path manifest = tmp.resolve("m.csv");
        Files.writeString(manifest, "image,label,group\na.png,x,g1\n../secret.png,y,g2\n");
        LowMagException e =
                assertThrows(LowMagException.class, () -> ImageFolderInput.list(dir, manifest));
        assertTrue(e.getMessage().contains("line 3: '../secret.png' lies outside"), e::getMessage);
    }

    @Test
    void aLabelsCsvListingAnAbsoluteSlideIsRefused() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("slides"));
        Path labels = tmp.resolve("labels.csv");
        Files.writeString(labels, "slide,patient,label\n/etc/passwd,p1,x\n");
        LowMagException e =
                assertThrows(LowMagException.class, () -> SlideListInput.list(dir, labels));
        assertTrue(e.getMessage().contains("'/etc/passwd' is an absolute path"), e::getMessage);
    }

    @Test
    void aManifestThatIsNotUtf8IsNamedNotReportedAsInputLength() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("imgs"));
        Path manifest = tmp.resolve("latin1.csv");
        Files.write(
                manifest,
                "image,label,group\ncaf\u00e9.png,x,g\n"
                        .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        LowMagException e =
                assertThrows(LowMagException.class, () -> ImageFolderInput.list(dir, manifest));
        assertTrue(e.getMessage().startsWith(manifest + " is not UTF-8 text"), e::getMessage);
    }
}
