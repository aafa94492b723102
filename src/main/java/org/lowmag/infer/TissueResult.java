package org.lowmag.infer;

import org.lowmag.tissue.TissueBox;

/**
 * One tissue's prediction.
 *
 * @param box where the tissue is (level-0 and thumbnail pixels, areas)
 * @param widthPx width of the tissue image at the model's magnification (before padding)
 * @param heightPx its height
 * @param probabilities softmax probabilities, one per class
 * @param label index of the most probable class
 * @param readSeconds time to read it from the slide and resample it to the model's magnification
 * @param inferSeconds time to classify it (padding, standardisation, forward pass, CAMs)
 * @param cam its class-activation maps, or null when heatmaps were not asked for
 * @param passTiles how many tiles it was classified in: 1 for one whole pass, more when it was over
 *     {@code --max-tissue-px} and tiled ({@link TiledInference})
 */
public record TissueResult(
        TissueBox box,
        int widthPx,
        int heightPx,
        double[] probabilities,
        int label,
        double readSeconds,
        double inferSeconds,
        TissueCam cam,
        int passTiles) {

    /**
     * @return time to read, resample and classify it
     */
    public double seconds() {
        return readSeconds + inferSeconds;
    }

    /**
     * @return whether it was classified in tiles rather than one whole pass
     */
    public boolean tiled() {
        return passTiles > 1;
    }
}
