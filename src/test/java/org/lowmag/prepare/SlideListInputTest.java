package org.lowmag.prepare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lowmag.util.LowMagException;

class SlideListInputTest {

    @TempDir Path dir;

    private Path slides;

    @BeforeEach
    void files() throws IOException {
        slides = Files.createDirectories(dir.resolve("slides"));
        Files.createDirectories(slides.resolve("sub"));
        for (String f : List.of("a.svs", "b.tif", "sub/c.ndpi", "extra.svs", "notes.txt")) {
            Files.writeString(slides.resolve(f), "x");
        }
    }

    private Path labels(String text) throws IOException {
        return Files.writeString(dir.resolve("labels.csv"), text);
    }

    @Test
    void listsSlidesAndCountsTheUnlisted() throws IOException {
        Path csv =
                labels(
                        "slide,patient,label\n"
                                + "b.tif,p2,tumour\n"
                                + "\n"
                                + "a.svs,p1,normal\n"
                                + "sub/c.ndpi,,\n"
                                + "gone.svs,p3,tumour\n");
        SlideListInput.Listing l = SlideListInput.list(slides, csv);
        assertEquals(
                List.of("a", "b", "gone", "sub_c"),
                l.items().stream().map(PrepareItem::id).toList());
        PrepareItem c = l.items().get(3);
        assertEquals(slides.resolve("sub/c.ndpi"), c.file());
        assertEquals("sub_c", c.group()); // empty patient: the slide alone
        assertEquals("", c.label());
        assertEquals("labels.csv line 5", c.origin());
        assertEquals("labels.csv line 6", l.items().get(2).origin()); // missing: reported later
        assertEquals(List.of("extra.svs"), l.ignored());
    }

    @Test
    void columnsMayComeInAnyOrder() throws IOException {
        Path csv = labels("label,slide,patient,comment\nnormal,a.svs,p1,fine\n");
        PrepareItem a = SlideListInput.list(slides, csv).items().get(0);
        assertEquals(List.of("a", "p1", "normal"), List.of(a.id(), a.group(), a.label()));
    }

    @Test
    void aSlideListedTwiceNamesBothLines() throws IOException {
        Path csv = labels("slide,patient,label\na.svs,p1,x\nb.tif,p2,y\n./a.svs,p1,x\n");
        LowMagException e =
                assertThrows(LowMagException.class, () -> SlideListInput.list(slides, csv));
        assertTrue(
                e.getMessage().contains("line 4")
                        && e.getMessage().contains("listed twice (first on line 2)"),
                e.getMessage());
    }

    @Test
    void aMissingColumnIsNamed() throws IOException {
        Path csv = labels("slide,patient\na.svs,p1\n");
        LowMagException e =
                assertThrows(LowMagException.class, () -> SlideListInput.list(slides, csv));
        assertTrue(e.getMessage().contains("no 'label' column"), e.getMessage());
        assertTrue(e.getMessage().contains("found: slide,patient"), e.getMessage());
    }

    @Test
    void badLinesAreNamed() throws IOException {
        Path short3 = labels("slide,patient,label\na.svs,p1,x\nb.tif,p2\n");
        LowMagException e =
                assertThrows(LowMagException.class, () -> SlideListInput.list(slides, short3));
        assertTrue(e.getMessage().contains("line 3: 2 fields"), e.getMessage());
        Path empty = labels("slide,patient,label\n,p1,x\n");
        e = assertThrows(LowMagException.class, () -> SlideListInput.list(slides, empty));
        assertTrue(e.getMessage().contains("line 2: the slide field is empty"), e.getMessage());
        Path sameId = labels("slide,patient,label\na.svs,p1,x\na.tif,p2,y\n");
        e = assertThrows(LowMagException.class, () -> SlideListInput.list(slides, sameId));
        assertTrue(e.getMessage().contains("gets the id 'a'"), e.getMessage());
        Path none = labels("slide,patient,label\n");
        e = assertThrows(LowMagException.class, () -> SlideListInput.list(slides, none));
        assertTrue(e.getMessage().contains("lists no slides"), e.getMessage());
        assertThrows(
                LowMagException.class,
                () -> SlideListInput.list(slides, dir.resolve("absent.csv")));
    }
}
