package org.lowmag.infer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lowmag.util.LowMagException;

/** Reading {@code --labels} and matching its lines to predicted slides by name. */
class TruthLabelsTest {

    @TempDir Path tmp;

    private TruthLabels read(String text) throws IOException {
        Path f = tmp.resolve("labels.csv");
        Files.writeString(f, text);
        return TruthLabels.read(f);
    }

    /**
     * The synthesizer's and prepare's CSV: slides match by file name without extension (the output
     * name of {@code /anywhere/slide-07.svs} is {@code slide-07}), in any column order, with a BOM
     * and any header case; an empty label and an unlisted slide have no truth.
     */
    @Test
    void slidesMatchByFileNameWithoutExtension() throws IOException {
        TruthLabels t =
                read(
                        "\uFEFFPatient,Label,Slide\n"
                                + "p1,normal,slides/slide-07.svs\n"
                                + "\n"
                                + "p2,dysplasia,slide-08.tiff\n"
                                + "p3,,slides/slide-09.svs\n");
        assertEquals(Optional.of("normal"), t.of(SlideInputs.name(Path.of("/x/slide-07.svs"))));
        assertEquals(Optional.of("dysplasia"), t.of("slide-08"));
        assertEquals(Optional.empty(), t.of("slide-09"), "unlabelled");
        assertEquals(Optional.empty(), t.of("slide-10"), "not listed");
        assertTrue(t.given());
        assertFalse(TruthLabels.none().given());
        assertEquals(Optional.empty(), TruthLabels.none().of("slide-07"));
    }

    @Test
    void nameOfStripsFoldersAndTheLastExtension() {
        assertEquals("a.b", TruthLabels.nameOf("x/y/a.b.svs"));
        assertEquals("a", TruthLabels.nameOf("x\\a.tif"));
        assertEquals("a", TruthLabels.nameOf("a"));
    }

    @Test
    void aLabelTheModelDoesNotKnowIsAnErrorNamingItAndTheClasses() throws IOException {
        TruthLabels t =
                read("slide,patient,label\na.svs,p1,tumor\nb.svs,p2,benign\nc.svs,p3,cancer\n");
        t.check(List.of("b", "d"), List.of("benign", "tumour"));
        LowMagException e =
                assertThrows(
                        LowMagException.class,
                        () -> t.check(List.of("a", "b", "c"), List.of("benign", "tumour")));
        assertTrue(
                e.getMessage()
                        .startsWith(
                                "labels.csv line 2 gives slide 'a' the label 'tumor'; labels.csv"
                                        + " line 4 gives slide 'c' the label 'cancer', not a"
                                        + " class of the model (its classes: benign, tumour)"),
                e.getMessage());
    }

    @Test
    void oneNameWithTwoLabelsIsAnErrorOnlyForThatSlide() throws IOException {
        TruthLabels t =
                read(
                        "slide,patient,label\n"
                                + "a/x.svs,p1,benign\n"
                                + "b/x.svs,p2,tumour\n"
                                + "c/y.svs,p3,benign\n"
                                + "d/y.svs,p4,benign\n");
        assertEquals(Optional.of("benign"), t.of("y"));
        LowMagException e = assertThrows(LowMagException.class, () -> t.of("x"));
        assertTrue(
                e.getMessage()
                        .contains(
                                "labels.csv line 2 and labels.csv line 3 give slides named 'x'"
                                        + " the labels 'benign' and 'tumour'"),
                e.getMessage());
    }

    @Test
    void malformedFilesAreErrorsNamingTheProblem() throws IOException {
        LowMagException noLabel =
                assertThrows(LowMagException.class, () -> read("slide,patient\na.svs,p\n"));
        assertTrue(noLabel.getMessage().contains("no 'label' column"), noLabel.getMessage());
        LowMagException fields =
                assertThrows(LowMagException.class, () -> read("slide,patient,label\na.svs,p\n"));
        assertTrue(
                fields.getMessage().contains("line 2: 2 fields, the header has 3"),
                fields.getMessage());
        LowMagException missing =
                assertThrows(
                        LowMagException.class, () -> TruthLabels.read(tmp.resolve("none.csv")));
        assertTrue(missing.getMessage().contains("not found"), missing.getMessage());
        assertThrows(LowMagException.class, () -> read("\n\n"));
    }
}
