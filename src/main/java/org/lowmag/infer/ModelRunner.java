package org.lowmag.infer;

import ai.djl.nn.Parameter;
import java.awt.image.BufferedImage;
import java.util.List;
import org.lowmag.dataset.RgbImage;
import org.lowmag.model.BatchedInference;
import org.lowmag.model.Logits;
import org.lowmag.model.LowMagModel;
import org.lowmag.model.ModelInfo;

/**
 * Classifies one tissue image with a model, as in training: the image is white-padded to at least
 * the network's total stride ({@link RgbImage#padToAtLeast}), standardised with the model's
 * normalisation and run whole; the probabilities are the softmax of the logits. Optionally returns
 * the class-activation maps ({@link ClassActivationMaps}) from the final feature map and the FC
 * weight. Calls are serialised (one forward pass at a time; libtorch parallelises inside it), so
 * slide workers may share one runner.
 */
public final class ModelRunner {

    private final LowMagModel model;
    private final int stride;
    private final int classes;
    private final float[] fcWeight;

    /** One tissue's network output: probabilities, and the CAMs when asked for. */
    public record Result(double[] probabilities, TissueCam cam) {}

    /**
     * @param model the loaded model (not closed by the runner)
     */
    public ModelRunner(LowMagModel model) {
        this.model = model;
        this.stride = model.info().arch().totalStride();
        this.classes = model.info().classes().size();
        Parameter w = model.net().fc().getParameters().get("weight");
        this.fcWeight = w.getArray().toFloatArray();
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
    public synchronized Result classify(BufferedImage image, boolean withCam) {
        RgbImage rgb = RgbImage.of(image);
        RgbImage input = rgb.padToAtLeast(stride);
        BatchedInference.Output out =
                BatchedInference.run(
                                model,
                                List.of(input),
                                (long) input.widthPx() * input.heightPx(),
                                withCam
                                        ? BatchedInference.Keep.LOGITS_AND_MAPS
                                        : BatchedInference.Keep.LOGITS)
                        .get(0);
        double[] p = Logits.softmax(out.logits());
        if (!withCam) {
            return new Result(p, null);
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
                        out.mapHeight(),
                        out.mapWidth(),
                        rgb.widthPx(),
                        rgb.heightPx(),
                        input.widthPx(),
                        input.heightPx(),
                        (input.widthPx() - rgb.widthPx()) / 2,
                        (input.heightPx() - rgb.heightPx()) / 2);
        return new Result(p, cam);
    }
}
