package org.lowmag.train;

import java.util.Map;
import org.lowmag.dataset.InputPadding;
import org.lowmag.dataset.PadTarget;
import org.lowmag.model.ModelInfo;
import org.lowmag.model.WeightInit;

/**
 * How a new network starts and what it sees beyond the edges of a small tissue: the two choices of
 * a run that the paper leaves to the implementation. Both are written into {@code config.json}; the
 * padding is also part of the saved model, so evaluation and prediction pad as training did.
 *
 * @param init how convolution and FC weights are drawn
 * @param padding how inputs are padded
 * @param padTo which sizes are padded: sides below the network's stride, or every side to a
 *     multiple of it
 */
public record ModelSetup(WeightInit init, InputPadding padding, PadTarget padTo) {

    /**
     * LowMag's defaults: He initialisation (the paper) and every side padded with white to a
     * multiple of the network's stride (docs/experiments/fidelity.md: +4 to +8 points of accuracy
     * for low-magnification tissues that fill their frame, in LowMag and in plain PyTorch alike).
     */
    public static final ModelSetup DEFAULT =
            new ModelSetup(WeightInit.HE, InputPadding.WHITE, PadTarget.MULTIPLE);

    /** Validates. */
    public ModelSetup {
        if (init == null || padding == null || padTo == null) {
            throw new IllegalArgumentException("init, padding and padTo are required");
        }
    }

    /**
     * Adds this setup to a configuration map.
     *
     * @param m the map of {@code config.json}
     */
    void record(Map<String, Object> m) {
        m.put("init", init.flag());
        m.put(ModelInfo.PADDING_KEY, padding.flag());
        m.put(ModelInfo.PAD_TO_KEY, padTo.flag());
    }
}
