package org.lowmag.dataset;

import java.io.Serializable;
import java.util.Map;
import java.util.Optional;
import org.lowmag.slide.Magnification;

/**
 * One tissue of a dataset: a row of {@code manifest.csv} (serializable: {@code lowmag-spark
 * prepare} returns a slide's tissues from a task to the driver).
 *
 * @param id unique tissue id
 * @param source the slide or image it was cut from
 * @param group the patient or group (never on two sides of a split)
 * @param label class name, or empty for unlabelled tissues
 * @param split {@code train}, {@code val}, {@code test} or {@code unlabeled}
 * @param images the tissue's image at each magnification (key: formatted magnification)
 */
public record TissueRecord(
        String id,
        String source,
        String group,
        String label,
        String split,
        Map<String, TissueImage> images)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    /**
     * A tissue image file at one magnification.
     *
     * @param path path relative to the dataset folder
     * @param widthPx width in pixels
     * @param heightPx height in pixels
     */
    public record TissueImage(String path, int widthPx, int heightPx) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    /** Copies. */
    public TissueRecord {
        images = Map.copyOf(images);
    }

    /**
     * @return whether the tissue has a label
     */
    public boolean labelled() {
        return label != null && !label.isEmpty();
    }

    /**
     * @param mag a magnification
     * @return the image at that magnification, if the dataset has it
     */
    public Optional<TissueImage> image(double mag) {
        return Optional.ofNullable(images.get(Magnification.format(mag)));
    }
}
