package org.lowmag.train;

import java.util.Map;
import org.lowmag.dataset.InputPadding;
import org.lowmag.model.ModelInfo;
import org.lowmag.model.WeightInit;

/**
 * How a new network starts and what it sees beyond the edges of a small tissue: the two choices of
 * a run that the paper leaves to the implementation. Both are written into {@code config.json}; the
 * padding is also part of the saved model, so evaluation and prediction pad as training did.
 *
 * @param init how convolution and FC weights are drawn
 * @param padding how inputs smaller than the network's total stride are padded
 */
public record ModelSetup(WeightInit init, InputPadding padding) {

    /** LowMag's defaults: He initialisation (the paper) and white padding. */
    public static final ModelSetup DEFAULT = new ModelSetup(WeightInit.HE, InputPadding.WHITE);

    /** Validates. */
    public ModelSetup {
        if (init == null || padding == null) {
            throw new IllegalArgumentException("init and padding are required");
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
    }
}
