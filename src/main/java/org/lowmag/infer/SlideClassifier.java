package org.lowmag.infer;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.lowmag.model.LowMagModel;
import org.lowmag.model.ModelPaths;
import org.lowmag.resample.LanczosResampler;
import org.lowmag.slide.MagnificationResolver;
import org.lowmag.slide.SlideReaders;
import org.lowmag.tissue.TissueParams;
import org.lowmag.util.LowMagException;

/**
 * LowMag as a library: a model loaded once that classifies whole slides, or tissue images already
 * at its magnification, exactly as {@code lowmag predict} does (same tissue detection, reading,
 * padding, standardisation and slide rule; no files written). As there by default, a slide with a
 * tissue over {@link LargeTissues#DEFAULT_MAX_TISSUE_PX} pixels at the model's magnification is
 * refused ({@link LargeTissues#check}).
 *
 * <pre>{@code
 * try (SlideClassifier classifier = SlideClassifier.open(Path.of("runs/kd-2.5x"))) {
 *     SlideClassifier.Prediction p = classifier.predict(Path.of("slide.svs"));
 *     System.out.println(p.label() + " " + p.probabilities());
 * }
 * }</pre>
 *
 * Thread-safe: slides may be predicted from several threads (forward passes run one at a time;
 * libtorch parallelises inside each). Closing frees the model's native memory.
 */
public final class SlideClassifier implements AutoCloseable {

    private final LowMagModel model;
    private final ModelRunner runner;
    private final LanczosResampler resampler;

    private SlideClassifier(LowMagModel model) {
        this.model = model;
        this.runner = new ModelRunner(model);
        this.resampler = new LanczosResampler(Runtime.getRuntime().availableProcessors());
    }

    /**
     * Loads a model.
     *
     * @param modelOrRun a model folder (with {@code model.json}), or the run folder of a {@code
     *     train}, {@code distill} or {@code finetune} (its best model)
     * @return the classifier; close it when done
     * @throws LowMagException when the folder holds no complete model
     */
    public static SlideClassifier open(Path modelOrRun) {
        return new SlideClassifier(LowMagModel.load(ModelPaths.resolve(modelOrRun)));
    }

    /**
     * What a slide was classified as.
     *
     * @param label the slide's class: the highest area-weighted mean probability over its tissues
     *     ({@link SlideLabelRule})
     * @param probabilities that mean probability of every class, in the model's class order
     * @param tissues how many tissue pieces were found and classified
     * @param details everything computed: each tissue's box, size, probabilities and timings
     */
    public record Prediction(
            String label, Map<String, Double> probabilities, int tissues, SlideResult details) {

        /** Copies the probabilities, keeping their order. */
        public Prediction {
            probabilities = Collections.unmodifiableMap(new LinkedHashMap<>(probabilities));
        }

        /**
         * @return the probability of {@link #label()}
         */
        public double probability() {
            return probabilities.get(label);
        }
    }

    /**
     * Classifies a slide whose level-0 magnification it records (um/px or objective power).
     *
     * @param slide any slide or image LowMag reads ({@link SlideReaders#open})
     * @return the prediction
     * @throws IOException when the slide cannot be read
     * @throws LowMagException when its magnification is unknown or below the model's, or no tissue
     *     is found
     */
    public Prediction predict(Path slide) throws IOException {
        return predict(slide, MagnificationResolver.slideOnly());
    }

    /**
     * Classifies a slide whose level-0 magnification is given (what {@code --source-mag} does).
     *
     * @param slide any slide or image LowMag reads
     * @param sourceMagnification the magnification of its level 0 (10x = 1 um/px), overriding what
     *     it records
     * @return the prediction
     * @throws IOException when the slide cannot be read
     * @throws LowMagException when the magnification is below the model's, or no tissue is found
     */
    public Prediction predict(Path slide, double sourceMagnification) throws IOException {
        return predict(
                slide,
                new MagnificationResolver(
                        OptionalDouble.of(sourceMagnification), OptionalDouble.empty()));
    }

    private Prediction predict(Path slide, MagnificationResolver mags) throws IOException {
        SlidePredictor predictor =
                new SlidePredictor(
                        runner,
                        mags,
                        TissueParams.defaults(),
                        SlideReaders::open,
                        resampler,
                        false,
                        HeatmapScale.FIXED);
        SlideResult r = predictor.predict(slide, SlideInputs.name(slide));
        SlideLabelRule.SlideLabel l = r.slideLabel();
        return new Prediction(
                classes().get(l.label()), byClass(l.probabilities()), r.tissues().size(), r);
    }

    /**
     * Classifies one tissue image that is already at the model's magnification ({@link
     * #magnification()}): padded and standardised as in training, then run whole.
     *
     * @param tissue an RGB image of the tissue
     * @return the softmax probability of every class, in the model's class order
     */
    public Map<String, Double> classifyTissue(BufferedImage tissue) {
        return byClass(runner.classify(tissue, false).probabilities());
    }

    /**
     * @return the model's class names, in the order of its outputs
     */
    public List<String> classes() {
        return model.info().classes();
    }

    /**
     * @return the magnification the model reads slides at (10x = 1 um/px)
     */
    public double magnification() {
        return model.info().magnification();
    }

    private Map<String, Double> byClass(double[] p) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (int k = 0; k < p.length; k++) {
            out.put(classes().get(k), p[k]);
        }
        return out;
    }

    @Override
    public void close() {
        try {
            resampler.close();
        } finally {
            model.close();
        }
    }
}
