package org.lowmag.eval;

import java.util.List;

/**
 * One run's predictions on the test tissues, for {@link PairedBootstrap}: tissue {@code i} is
 * {@code tissues[i]}, truly of class {@code truth[i]}, predicted {@code pred[i]}.
 *
 * @param run the run's name (used in messages)
 * @param tissues the tissue ids, each once
 * @param truth the true class of each tissue
 * @param pred the predicted class of each tissue
 */
public record RunPredictions(String run, List<String> tissues, int[] truth, int[] pred) {

    /** Copies, and checks that there is one truth and one prediction per tissue. */
    public RunPredictions {
        tissues = List.copyOf(tissues);
        truth = truth.clone();
        pred = pred.clone();
        if (truth.length != tissues.size() || pred.length != tissues.size()) {
            throw new IllegalArgumentException(
                    "run "
                            + run
                            + ": "
                            + tissues.size()
                            + " tissues, "
                            + truth.length
                            + " true classes and "
                            + pred.length
                            + " predictions: give one of each per tissue");
        }
    }

    @Override
    public int[] truth() {
        return truth.clone();
    }

    @Override
    public int[] pred() {
        return pred.clone();
    }
}
