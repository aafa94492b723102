package org.lowmag.prepare;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * What preparing one slide did, for the summary table of {@code lowmag prepare --slides}
 * (serializable: {@code lowmag-spark prepare} returns it from a task to the driver).
 *
 * @param slideId the slide's id
 * @param magnification its level-0 magnification
 * @param source where that came from ({@code slide um/px}, {@code --source-mag}, ...)
 * @param recorded what the slide itself records (e.g. {@code 20.04x}, or {@code none}) when a
 *     user's value was used instead; "" otherwise
 * @param levels the number of pyramid levels
 * @param tissues the number of tissues found
 * @param levelPerMag the pyramid level each magnification was read from (key: formatted mag)
 * @param sizes each tissue's output sizes, {@code WxH} per magnification, by tissue id
 * @param seconds wall time for the slide
 */
public record SlideReport(
        String slideId,
        double magnification,
        String source,
        String recorded,
        int levels,
        int tissues,
        Map<String, Integer> levelPerMag,
        Map<String, List<String>> sizes,
        double seconds)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Copies. */
    public SlideReport {
        levelPerMag = Map.copyOf(levelPerMag);
        sizes = Map.copyOf(sizes);
    }
}
