package org.lowmag.infer;

import ai.djl.nn.Parameter;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.lowmag.dataset.Padder;
import org.lowmag.dataset.RgbImage;
import org.lowmag.model.BatchedInference;
import org.lowmag.model.Logits;
import org.lowmag.model.LowMagModel;
import org.lowmag.model.ModelInfo;

/**
 * Classifies one tissue image with a model, as in training: an image smaller than the network's
 * total stride is padded as the model was trained ({@link ModelInfo#padder()}), standardised with
 * the model's normalisation and run whole; the probabilities are the softmax of the logits.
 * Optionally returns the class-activation maps ({@link ClassActivationMaps}) from the final feature
 * map and the FC weight. Several tissues can be classified in one call ({@link #classifyAll}):
 * same-size ones then share forward passes. Calls are serialised (one forward pass at a time;
 * libtorch parallelises inside it), so slide workers may share one runner.
 */
public final class ModelRunner {

    /** Most pixels in one forward pass of same-size tissues (LowMag's default, 1 Mpx). */
    public static final long MAX_BATCH_PIXELS = 1L << 20;

    private final LowMagModel model;
    private final Padder padder;
    private final int classes;
    private final float[] fcWeight;
    private final float[] fcBias;

    /**
     * One tissue's network output.
     *
     * @param logits the logits, one per class
     * @param probabilities their softmax
     * @param cam the class-activation maps, or null when not asked for
     * @param passTiles how many tiles the tissue was classified in: 1 for one whole pass, more when
     *     {@link TiledInference} cut it
     */
    public record Result(float[] logits, double[] probabilities, TissueCam cam, int passTiles) {}

    /**
     * @param model the loaded model (not closed by the runner)
     */
    public ModelRunner(LowMagModel model) {
        this.model = model;
        this.padder = model.info().padder();
        this.classes = model.info().classes().size();
        Parameter w = model.net().fc().getParameters().get("weight");
        this.fcWeight = w.getArray().toFloatArray();
        this.fcBias = model.net().fc().getParameters().get("bias").getArray().toFloatArray();
    }

    /**
     * @return the model's metadata
     */
    public ModelInfo info() {
        return model.info();
    }

    /**
     * @return the FC weight {@code [classes, channels]}, row-major (a copy)
     */
    public float[] fcWeight() {
        return fcWeight.clone();
    }

    /**
     * @param image the tissue at the model's magnification
     * @param withCam whether to compute the class-activation maps
     * @return the probabilities (and CAMs)
     */
    public Result classify(BufferedImage image, boolean withCam) {
        return classifyAll(List.of(image), withCam).get(0);
    }

    /**
     * Classifies several tissues: tissues of the same padded size share forward passes of at most
     * {@link #MAX_BATCH_PIXELS} pixels ({@link BatchedInference}; GroupNorm is per sample, so each
     * result equals the tissue's own pass), the rest run one per pass.
     *
     * @param images tissues at the model's magnification
     * @param withCam whether to compute the class-activation maps
     * @return each tissue's probabilities (and CAMs), in order
     */
    public List<Result> classifyAll(List<BufferedImage> images, boolean withCam) {
        return classifyRgb(images.stream().map(RgbImage::of).toList(), withCam);
    }

    /**
     * {@link #classifyAll} on planar images.
     *
     * @param originals tissues (or tiles) at the model's magnification
     * @param withCam whether to compute the class-activation maps
     * @return each one's probabilities (and CAMs), in order
     */
    synchronized List<Result> classifyRgb(List<RgbImage> originals, boolean withCam) {
        List<RgbImage> inputs = new ArrayList<>(originals.size());
        for (RgbImage rgb : originals) {
            inputs.add(padder.apply(rgb));
        }
        List<BatchedInference.Output> outs =
                BatchedInference.run(
                        model,
                        inputs,
                        MAX_BATCH_PIXELS,
                        withCam
                                ? BatchedInference.Keep.LOGITS_AND_MAPS
                                : BatchedInference.Keep.LOGITS);
        List<Result> results = new ArrayList<>(outs.size());
        for (int i = 0; i < outs.size(); i++) {
            results.add(result(outs.get(i), originals.get(i), inputs.get(i), withCam));
        }
        return results;
    }

    private Result result(
            BatchedInference.Output out, RgbImage rgb, RgbImage input, boolean withCam) {
        double[] p = Logits.softmax(out.logits());
        if (!withCam) {
            return new Result(out.logits(), p, null, 1);
        }
        float[][] maps =
                ClassActivationMaps.compute(
                        fcWeight,
                        classes,
                        out.featureMap(),
                        out.mapChannels(),
                        out.mapHeight(),
                        out.mapWidth());
        TissueCam cam =
                new TissueCam(
                        maps,
                        fcBias.clone(),
                        out.mapHeight(),
                        out.mapWidth(),
                        rgb.widthPx(),
                        rgb.heightPx(),
                        input.widthPx(),
                        input.heightPx(),
                        (input.widthPx() - rgb.widthPx()) / 2,
                        (input.heightPx() - rgb.heightPx()) / 2);
        return new Result(out.logits(), p, cam, 1);
    }
}
