package org.lowmag.infer;

import java.nio.file.Path;

/**
 * One slide's line of {@code summary.csv}.
 *
 * @param slide the slide file
 * @param name the output name
 * @param status predicted now, skipped (its JSON existed) or failed
 * @param message why it failed (empty otherwise)
 * @param label the slide label (empty when failed)
 * @param truth the slide's known label ({@code --labels}; empty when unknown)
 * @param probabilities slide probabilities per class (empty when failed)
 * @param tissues number of tissues
 * @param seconds wall time of the prediction (from the JSON when skipped)
 * @param model the model folder that made (or tried) it
 */
public record SlideOutcome(
        Path slide,
        String name,
        Status status,
        String message,
        String label,
        String truth,
        double[] probabilities,
        int tissues,
        double seconds,
        String model) {

    /** What happened to a slide. */
    public enum Status {
        /** Predicted in this run. */
        OK,
        /** Its JSON already existed; not predicted again. */
        SKIPPED,
        /** It could not be predicted. */
        FAILED,
        /** Not among this run's slides: predicted into the output folder by an earlier run. */
        EARLIER
    }

    /**
     * @param slide the slide
     * @param name its output name
     * @param message why
     * @param truth its known label, or empty
     * @param model the model folder that tried it
     * @return a failure
     */
    public static SlideOutcome failed(
            Path slide, String name, String message, String truth, String model) {
        return new SlideOutcome(
                slide, name, Status.FAILED, message, "", truth, new double[0], 0, 0, model);
    }

    /**
     * @return whether the slide was classified (now or before) and its truth is known
     */
    public boolean judged() {
        return status != Status.FAILED && !truth.isEmpty();
    }

    /**
     * @return whether it was judged and its label is the truth
     */
    public boolean correct() {
        return judged() && label.equals(truth);
    }

    /**
     * @return {@code true} or {@code false} when {@link #judged}, else empty, as written in {@code
     *     summary.csv}
     */
    public String correctText() {
        return judged() ? Boolean.toString(correct()) : "";
    }

    /**
     * @return {@code ok} or {@code failed: MESSAGE}, as written in {@code summary.csv}
     */
    public String statusText() {
        return status == Status.FAILED ? "failed: " + message : "ok";
    }
}
