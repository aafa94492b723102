package org.lowmag.infer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lowmag.model.LowMagModel;
import org.lowmag.tiff.PyramidTiffWriter;

/**
 * The README's library example is this file's {@link #classify} (compared line by line), and it
 * runs: on a 1024 x 768 Aperio-style slide at 0.5 um/px (20x) with two tissue ellipses, an
 * untrained 5x model gives the same label and probabilities through {@link SlideClassifier} as
 * through {@code lowmag predict}'s job.
 */
@Tag("engine")
class ReadmeExampleTest {

    static final String BEGIN = "// README example: begin";
    static final String END = "// README example: end";

    @TempDir static Path shared;
    static Path slide;
    static Path model;

    @BeforeAll
    static void fixtures() throws IOException {
        slide = shared.resolve("case-01.svs");
        PyramidTiffWriter.builder()
                .setMpp(0.5, 0.5)
                .optTopLevelMaxSidePx(256)
                .build()
                .write(slide, twoTissues());
        model = SyntheticSlides.model(shared.resolve("run/model/best"), 5.0);
    }

    private static BufferedImage twoTissues() {
        BufferedImage img =
                new BufferedImage(
                        SyntheticSlides.WIDTH, SyntheticSlides.HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, img.getWidth(), img.getHeight());
            g.setColor(new Color(200, 120, 170));
            for (int[] b : SyntheticSlides.BLOBS) {
                g.fill(new Ellipse2D.Double(b[0] - b[2], b[1] - b[3], 2.0 * b[2], 2.0 * b[3]));
            }
        } finally {
            g.dispose();
        }
        return img;
    }

    // README example: begin
    static String classify(Path model, Path slide) throws IOException {
        // model: a run folder (its best model) or a model folder; slide: any slide LowMag reads
        try (SlideClassifier classifier = SlideClassifier.open(model)) {
            SlideClassifier.Prediction p = classifier.predict(slide); // or predict(slide, 20.0)
            System.out.println(
                    p.label() + " " + p.probabilities() + ", " + p.tissues() + " tissues");
            return p.label();
        }
    }

    // README example: end

    @Test
    void theReadmeShowsThisExampleVerbatim() throws IOException {
        List<String> source =
                Files.readAllLines(
                        Path.of("src/test/java/org/lowmag/infer/ReadmeExampleTest.java"));
        List<String> example =
                dedent(
                        source.subList(
                                source.indexOf("    " + BEGIN) + 1, source.indexOf("    " + END)));
        List<String> readme = Files.readAllLines(Path.of("README.md"));
        List<List<String>> blocks = javaBlocks(readme);
        List<String> shown =
                blocks.stream()
                        .filter(b -> String.join("\n", b).contains("SlideClassifier.open"))
                        .findFirst()
                        .orElseThrow(
                                () -> new AssertionError("README has no SlideClassifier example"));
        assertEquals(String.join("\n", example).strip(), String.join("\n", shown).strip());
    }

    @Test
    void theExampleClassifiesASlideAsLowmagPredictDoes() throws IOException {
        String label = classify(shared.resolve("run"), slide);

        PredictJob.Result job =
                PredictJob.run(PredictJob.Config.of(model, List.of(slide), shared.resolve("pred")));
        SlideOutcome o = job.slides().get(0);
        assertEquals(SlideOutcome.Status.OK, o.status(), o.message());
        assertEquals(o.label(), label);
        try (SlideClassifier c = SlideClassifier.open(model)) {
            SlideClassifier.Prediction p = c.predict(slide);
            assertEquals(2, p.tissues());
            assertEquals(List.of("benign", "tumour"), List.copyOf(p.probabilities().keySet()));
            assertArrayEquals(
                    o.probabilities(),
                    p.probabilities().values().stream().mapToDouble(Double::doubleValue).toArray(),
                    1e-12);
            assertEquals(p.probabilities().get(label), p.probability());
        }
    }

    @Test
    void aSlideWithoutARecordedMagnificationTakesOneFromTheCaller() throws IOException {
        Path bare = SyntheticSlides.write(shared.resolve("no-mpp.tif"));
        try (SlideClassifier c = SlideClassifier.open(model)) {
            org.lowmag.util.LowMagException e =
                    org.junit.jupiter.api.Assertions.assertThrows(
                            org.lowmag.util.LowMagException.class, () -> c.predict(bare));
            assertTrue(e.getMessage().contains("records neither um/px"), e.getMessage());
            assertEquals(2, c.predict(bare, 20).tissues());
        }
    }

    @Test
    void classifyTissueGivesTheModelRunnersProbabilitiesByClass() {
        BufferedImage tissue = twoTissues().getSubimage(100, 150, 96, 80);
        try (SlideClassifier c = SlideClassifier.open(model);
                LowMagModel m = LowMagModel.load(model)) {
            Map<String, Double> p = c.classifyTissue(tissue);
            double[] expected = new ModelRunner(m).classify(tissue, false).probabilities();
            assertEquals(List.of("benign", "tumour"), List.copyOf(p.keySet()));
            assertEquals(expected[0], p.get("benign"), 1e-12);
            assertEquals(expected[1], p.get("tumour"), 1e-12);
            assertEquals(5.0, c.magnification());
        }
    }

    /** The lines of each fenced {@code ```java} block. */
    static List<List<String>> javaBlocks(List<String> lines) {
        List<List<String>> blocks = new ArrayList<>();
        List<String> current = null;
        for (String line : lines) {
            if (current == null && line.strip().equals("```java")) {
                current = new ArrayList<>();
            } else if (current != null && line.strip().equals("```")) {
                blocks.add(current);
                current = null;
            } else if (current != null) {
                current.add(line);
            }
        }
        return blocks;
    }

    /** Removes the indentation common to the non-blank lines. */
    static List<String> dedent(List<String> lines) {
        int indent =
                lines.stream()
                        .filter(l -> !l.isBlank())
                        .mapToInt(l -> l.length() - l.stripLeading().length())
                        .min()
                        .orElse(0);
        return lines.stream().map(l -> l.isBlank() ? "" : l.substring(indent)).toList();
    }
}
