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
 * @param probabilities slide probabilities per class (empty when failed)
 * @param tissues number of tissues
 * @param seconds wall time of the prediction (from the JSON when skipped)
 */
public record SlideOutcome(
        Path slide,
        String name,
        Status status,
        String message,
        String label,
        double[] probabilities,
        int tissues,
        double seconds) {

    /** What happened to a slide. */
    public enum Status {
        /** Predicted in this run. */
        OK,
        /** Its JSON already existed; not predicted again. */
        SKIPPED,
        /** It could not be predicted. */
        FAILED
    }

    /**
     * @param slide the slide
     * @param name its output name
     * @param message why
     * @return a failure
     */
    public static SlideOutcome failed(Path slide, String name, String message) {
        return new SlideOutcome(slide, name, Status.FAILED, message, "", new double[0], 0, 0);
    }

    /**
     * @return {@code ok} or {@code failed: MESSAGE}, as written in {@code summary.csv}
     */
    public String statusText() {
        return status == Status.FAILED ? "failed: " + message : "ok";
    }
}
