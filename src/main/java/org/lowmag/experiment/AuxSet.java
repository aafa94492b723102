package org.lowmag.experiment;

import java.nio.file.Path;
import java.util.List;

/**
 * A named auxiliary (unlabelled) set for the KD (AD) arm: splits of the experiment's dataset and/or
 * whole other datasets, labels ignored.
 *
 * @param name the set's name (config key under {@code auxiliary})
 * @param splits splits of the experiment's dataset, e.g. {@code unlabeled}
 * @param datasets other dataset folders whose every tissue is used
 */
public record AuxSet(String name, List<String> splits, List<Path> datasets) {

    /** Copies and checks that the set is not empty. */
    public AuxSet {
        splits = List.copyOf(splits);
        datasets = List.copyOf(datasets);
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("auxiliary: a set has an empty name");
        }
        if (splits.isEmpty() && datasets.isEmpty()) {
            throw new IllegalArgumentException(
                    "auxiliary." + name + ": give 'splits' and/or 'datasets' (both are empty)");
        }
    }
}
