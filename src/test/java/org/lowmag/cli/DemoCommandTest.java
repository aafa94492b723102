package org.lowmag.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lowmag.infer.PredictJob;
import org.lowmag.infer.SlideInputs;
import org.lowmag.infer.TruthLabels;

/** The demo's wiring, without running it: the held-out slides reach predict with their truth. */
class DemoCommandTest {

    @TempDir Path tmp;

    /**
     * A labels.csv as {@code synthesize} writes it: the first labelled slide of two classes is held
     * out of {@code labels-demo.csv} (what prepare sees), and predict gets both with {@code
     * --labels labels.csv}, which gives each its label.
     */
    @Test
    void heldOutSlidesArePredictedWithTheirTruth() throws IOException {
        Path data = Files.createDirectories(tmp.resolve("data"));
        Files.writeString(
                data.resolve("labels.csv"),
                "slide,patient,label\n"
                        + "slides/s-1.svs,p1,normal\n"
                        + "slides/s-2.svs,p2,normal\n"
                        + "slides/s-3.svs,p3,\n"
                        + "slides/s-4.svs,p4,dysplasia\n"
                        + "slides/s-5.svs,p5,dysplasia\n");
        List<String> held = DemoCommand.holdOut(data);
        assertEquals(List.of("slides/s-1.svs", "slides/s-4.svs"), held);
        String demoLabels = Files.readString(data.resolve("labels-demo.csv"));
        assertFalse(demoLabels.contains("s-1.svs") || demoLabels.contains("s-4.svs"), demoLabels);

        PredictJob.Config c = DemoCommand.predictConfig(tmp, data, "0.625", held);
        TruthLabels truth = c.truth();
        List<Path> slides = c.inputs();
        assertEquals(2, slides.size());
        assertEquals(Optional.of("normal"), truth.of(SlideInputs.name(slides.get(0))));
        assertEquals(Optional.of("dysplasia"), truth.of(SlideInputs.name(slides.get(1))));
    }
}
