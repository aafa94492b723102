package org.lowmag.spark;

import java.io.Serializable;
import java.nio.file.Path;
import org.lowmag.infer.SlideOutcome;

/**
 * A slide's {@link SlideOutcome} as a Spark task returns it to the driver (a path as text).
 *
 * @param slide the slide file
 * @param name its output name
 * @param status what happened to it
 * @param message why it failed (empty otherwise)
 * @param label the slide label (empty when failed)
 * @param truth the known label, or empty
 * @param probabilities per class (empty when failed)
 * @param tissues number of tissues
 * @param seconds wall time of the prediction
 * @param model the model folder
 */
record SlideRow(
        String slide,
        String name,
        SlideOutcome.Status status,
        String message,
        String label,
        String truth,
        double[] probabilities,
        int tissues,
        double seconds,
        String model)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    static SlideRow of(SlideOutcome o) {
        return new SlideRow(
                o.slide().toString(),
                o.name(),
                o.status(),
                o.message(),
                o.label(),
                o.truth(),
                o.probabilities(),
                o.tissues(),
                o.seconds(),
                o.model());
    }

    /**
     * @param path the slide as the driver named it (the task got its absolute path)
     * @return the outcome
     */
    SlideOutcome outcome(Path path) {
        return new SlideOutcome(
                path, name, status, message, label, truth, probabilities, tissues, seconds, model);
    }
}
