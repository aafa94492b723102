package org.lowmag.slide;

import java.util.Locale;

/**
 * The magnification of one slide's level 0 together with where that number came from (the user's
 * flag or the slide's own record). The conversion and the text form of magnification values are
 * {@link Magnification}'s; this record adds the provenance. Paper convention, 10x = 1.0 um/px:
 *
 * <pre>
 *   magnification = 10 / mppUm        mppUm = 10 / magnification
 * </pre>
 *
 * so 20x is 0.5 um/px and 40x is 0.25 um/px. A slide's recorded um/px is converted with this
 * formula (0.499 um/px gives 20.04x); a recorded objective power is used as is (20 gives 20x, i.e.
 * 0.5 um/px).
 *
 * @param magnification the magnification of level 0, positive
 * @param source where it came from
 */
public record ScanMagnification(double magnification, Source source) {

    /** Where a magnification came from, in order of precedence. */
    public enum Source {
        /** {@code --source-mpp} given by the user. */
        USER_MPP("--source-mpp"),
        /** {@code --source-mag} given by the user. */
        USER_MAGNIFICATION("--source-mag"),
        /** The {@code mpp} of the slide's line in a slide list CSV. */
        LISTED_MPP("slide list mpp"),
        /** The {@code magnification} of the slide's line in a slide list CSV. */
        LISTED_MAGNIFICATION("slide list magnification"),
        /** The slide's recorded um/px. */
        SLIDE_MPP("slide um/px"),
        /** The slide's recorded objective power. */
        SLIDE_OBJECTIVE_POWER("slide objective power");

        private final String label;

        Source(String label) {
            this.label = label;
        }

        /**
         * @return a short human-readable label
         */
        public String label() {
            return label;
        }
    }

    /** Validates. */
    public ScanMagnification {
        if (!(magnification > 0) || Double.isInfinite(magnification)) {
            throw new IllegalArgumentException(
                    "magnification must be a positive finite number, got " + magnification);
        }
        if (source == null) {
            throw new IllegalArgumentException("magnification source must be given");
        }
    }

    /**
     * @param mppUm micrometres per pixel, positive
     * @param source where it came from
     * @return {@code 10 / mppUm}
     */
    public static ScanMagnification ofMpp(double mppUm, Source source) {
        if (!(mppUm > 0) || Double.isInfinite(mppUm)) {
            throw new IllegalArgumentException(
                    "um/px must be a positive finite number, got " + mppUm);
        }
        return new ScanMagnification(Magnification.fromMpp(mppUm), source);
    }

    /**
     * @return micrometres per level-0 pixel: {@code 10 / magnification}
     */
    public double mppUm() {
        return Magnification.toMpp(magnification);
    }

    /**
     * @return e.g. {@code 20.04x (0.499 um/px, from slide um/px)}
     */
    @Override
    public String toString() {
        return String.format(
                Locale.ROOT, "%.4gx (%.4g um/px, from %s)", magnification, mppUm(), source.label());
    }
}
