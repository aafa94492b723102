package org.lowmag.train;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a training loop stands; saved in every checkpoint so that a resumed run continues exactly
 * where the checkpoint was taken (mutable, owned by one loop).
 */
public final class LoopState {

    /** Zero-based epoch in progress (or next to start). */
    int epoch;

    /** Optimiser steps already done in {@link #epoch}. */
    int stepInEpoch;

    /** Best value of the selection metric so far (NaN before the first validation). */
    double bestScore = Double.NaN;

    /** One-based epoch of the best model (0 before any). */
    int bestEpoch;

    /** Epochs since the best one. */
    int epochsWithoutImprovement;

    /** Running sums of the epoch in progress (loss sum, correct, count, seconds...). */
    Map<String, Double> partial = new LinkedHashMap<>();

    /** Finished epochs' metrics. */
    List<Map<String, Object>> history = new ArrayList<>();

    /**
     * @return finished epochs' metrics
     */
    public List<Map<String, Object>> history() {
        return history;
    }

    /**
     * @return one-based epoch of the best model
     */
    public int bestEpoch() {
        return bestEpoch;
    }

    /**
     * @return the best value of the selection metric
     */
    public double bestScore() {
        return bestScore;
    }
}
