package org.lowmag.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.lowmag.model.Engines;
import org.lowmag.model.LowMagModel;
import org.lowmag.model.ModelInfo;
import org.lowmag.model.Normalization;
import org.lowmag.prepare.PrepareConfig;
import org.lowmag.prepare.PrepareInput;
import org.lowmag.slide.MagnificationResolver;
import org.lowmag.synthetic.SlideSynthesizer;
import org.lowmag.synthetic.SynthesisParams;
import org.lowmag.synthetic.TissueClass;

/**
 * Test fixtures: small synthetic slides from the core's generator (2 um/px level 0 = 5x, 2.4 x 2.4
 * mm: 1200 x 1200 px, one or two tissue pieces) and an untrained 3-class model at 2.5x.
 */
final class SparkFixtures {

    private SparkFixtures() {}

    /**
     * @param dir folder to write into
     * @param count slides to write, classes cycling, seeds 1..count
     * @return the slide files
     * @throws IOException when writing fails
     */
    static List<Path> slides(Path dir, int count) throws IOException {
        Files.createDirectories(dir);
        SlideSynthesizer synth =
                new SlideSynthesizer(new SynthesisParams(2.0, 2400, 2400, 1, 2, 500, 900), 0.9, 1);
        TissueClass[] classes = TissueClass.values();
        List<Path> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Path file = dir.resolve(String.format("slide-%02d.svs", i));
            synth.write(synth.plan(classes[i % classes.length], i + 1), file);
            out.add(file);
        }
        return out;
    }

    /**
     * @param dir the model folder to write
     * @return the folder
     */
    static Path model(Path dir) {
        return model(dir, 2.5);
    }

    /**
     * @param dir the model folder to write
     * @param magnification the model's magnification
     * @return the folder: an untrained 3-class model
     */
    static Path model(Path dir, double magnification) {
        List<String> labels = new ArrayList<>();
        for (TissueClass c : TissueClass.values()) {
            labels.add(c.label());
        }
        Engines.seed(11);
        try (LowMagModel m =
                LowMagModel.create(
                        new ModelInfo(
                                ModelInfo.FORMAT_VERSION,
                                "paper",
                                labels,
                                magnification,
                                Normalization.IDENTITY,
                                "untrained",
                                11L,
                                Map.of(),
                                Map.of()))) {
            m.save(dir);
        } catch (IOException e) {
            throw new IllegalStateException("cannot save the test model in " + dir, e);
        }
        return dir;
    }

    /**
     * Writes a labels CSV {@code slide,patient,label} for {@code lowmag prepare --slides}: each
     * slide its own patient {@code pI}, the classes cycling as in {@link #slides}.
     *
     * @param slides the slide files, in one folder
     * @param file the CSV to write
     * @return the file
     * @throws IOException when writing fails
     */
    static Path labels(List<Path> slides, Path file) throws IOException {
        StringBuilder csv = new StringBuilder("slide,patient,label\n");
        TissueClass[] classes = TissueClass.values();
        for (int i = 0; i < slides.size(); i++) {
            csv.append(slides.get(i).getFileName())
                    .append(",p")
                    .append(i)
                    .append(',')
                    .append(classes[i % classes.length].label())
                    .append('\n');
        }
        return Files.writeString(file, csv.toString());
    }

    /**
     * @param slides the slide folder
     * @param labels its labels CSV
     * @param out the dataset folder
     * @return the settings of {@code lowmag prepare --slides SLIDES --labels LABELS --out OUT
     *     --mags 2.5,1.25} (the other flags' defaults)
     */
    static PrepareConfig prepareConfig(Path slides, Path labels, Path out) {
        return new PrepareConfig(
                out,
                List.of(2.5, 1.25),
                List.of(70, 15, 15),
                0,
                0,
                false,
                new MagnificationResolver(OptionalDouble.empty(), OptionalDouble.empty()),
                new PrepareInput.Slides(slides, labels));
    }
}
