package org.lowmag.infer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lowmag.util.LowMagException;

/** Folder expansion and output names. */
class SlideInputsTest {

    @TempDir Path tmp;

    @Test
    void foldersGiveTheirSlideFilesByName() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("in"));
        for (String f : List.of("b.svs", "a.TIF", "c.png", "notes.txt", "d")) {
            Files.writeString(dir.resolve(f), "x");
        }
        Files.createDirectories(dir.resolve("sub.svs"));
        Path extra = tmp.resolve("e.ndpi");
        Map<String, Path> m = SlideInputs.expand(List.of(dir, extra), tmp.resolve("out"));
        assertEquals(List.of("a", "b", "c", "e"), List.copyOf(m.keySet()));
        assertEquals(extra, m.get("e"));
    }

    @Test
    void clashingNamesAndEmptyInputsAreRefused() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("in"));
        Files.writeString(dir.resolve("a.svs"), "x");
        Files.writeString(dir.resolve("a.tif"), "x");
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> SlideInputs.expand(List.of(dir), tmp.resolve("out")));
        assertEquals(true, e.getMessage().contains("would both write a.json"), e.getMessage());
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        assertThrows(
                LowMagException.class,
                () -> SlideInputs.expand(List.of(empty), tmp.resolve("out")));
        // the output folder is never read as input
        assertThrows(LowMagException.class, () -> SlideInputs.expand(List.of(dir), dir));
    }

    @Test
    void globPatternsExpandToMatchingSlidesSortedAndAnEmptyMatchIsAnError(@TempDir Path dir)
            throws IOException {
        for (String f :
                new String[] {"b.svs", "a.svs", "c.tif", "notes.txt", "x.svs.csv", "sub/d.svs"}) {
            Files.createDirectories(dir.resolve(f).getParent());
            Files.writeString(dir.resolve(f), "x");
        }
        Path out = dir.resolve("out");
        assertEquals(
                List.of("a", "b"),
                List.copyOf(SlideInputs.expand(List.of(dir.resolve("*.svs")), out).keySet()));
        assertEquals(
                List.of("a", "b", "c"),
                List.copyOf(SlideInputs.expand(List.of(dir.resolve("*")), out).keySet()));
        assertEquals(
                List.of("d"),
                List.copyOf(SlideInputs.expand(List.of(dir.resolve("**/*.svs")), out).keySet()));
        LowMagException e =
                assertThrows(
                        LowMagException.class,
                        () -> SlideInputs.expand(List.of(dir.resolve("*.ndpi")), out));
        assertTrue(e.getMessage().contains("no slides match the pattern"), e.getMessage());
    }
}
