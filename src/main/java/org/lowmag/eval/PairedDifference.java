package org.lowmag.eval;

/**
 * The difference of two arms' metrics, arm A minus arm B, each metric the mean over the arm's runs
 * (seeds), with its paired-bootstrap interval ({@link PairedBootstrap}). Fractions: 0.02 is two
 * percentage points in A's favour.
 *
 * @param accuracy macro one-vs-rest accuracy (the paper's accuracy)
 * @param exactAccuracy fraction correct
 * @param precision macro precision
 * @param recall macro recall
 * @param f1 macro F1
 * @param tissues the test tissues every run was evaluated on
 * @param groups the groups resampled (the tissues themselves with the tissue unit)
 * @param config the bootstrap's settings
 */
public record PairedDifference(
        Estimate accuracy,
        Estimate exactAccuracy,
        Estimate precision,
        Estimate recall,
        Estimate f1,
        int tissues,
        int groups,
        BootstrapConfig config) {

    /** Which side of 0 an interval lies on. */
    public enum Verdict {
        /** The whole interval is above 0: A is better. */
        ABOVE,
        /** The interval holds 0 (or touches it). */
        INCLUDES_ZERO,
        /** The whole interval is below 0: A is worse. */
        BELOW;

        /**
         * @param e a difference with its interval
         * @return {@code ABOVE} when {@code ciLow > 0}, {@code BELOW} when {@code ciHigh < 0}, else
         *     {@code INCLUDES_ZERO}
         */
        public static Verdict of(Estimate e) {
            if (e.ciLow() > 0) {
                return ABOVE;
            }
            return e.ciHigh() < 0 ? BELOW : INCLUDES_ZERO;
        }
    }
}
