package org.lowmag.synthetic;

import java.util.Locale;

/**
 * The three synthetic diagnoses. Their differences live at different scales, so that a model that
 * sees high magnification beats one trained at low magnification from scratch, and distillation has
 * something to transfer.
 */
public enum TissueClass {
    /** Regular round glands, evenly spaced, with small uniform round nuclei in one basal row. */
    NORMAL(
            "regular round glands, evenly spaced; one basal row of small (6 um) uniform round"
                    + " nuclei; goblet vacuoles; mauve cytoplasm"),
    /**
     * The fine-scale class: the same gland architecture and density as normal, but the gland lining
     * has enlarged, darker, pleomorphic, stratified nuclei and mitoses; visible only when nuclei
     * are resolved. Paler cytoplasm and fewer stromal cells keep the mean low-magnification colour
     * close to normal.
     */
    DYSPLASIA(
            "same gland architecture and density as normal; lining nuclei enlarged (x1.8,"
                    + " 11 um), hyperchromatic, pleomorphic, elongated, stratified and more"
                    + " numerous, with mitoses and few goblet cells; paler cytoplasm and fewer"
                    + " stromal cells so that the mean low-magnification colour stays close to"
                    + " normal: plain at 5x, only a darker, blotchier gland lining at 1.25x"),
    /** The coarse-scale class: disorganised architecture, visible at low magnification. */
    CARCINOMA(
            "disorganised architecture: crowded, fused, irregular glands of varied size,"
                    + " cribriform structures (some with central necrosis) and solid nests;"
                    + " little stroma between them; moderately enlarged crowded nuclei");

    private final String description;

    TissueClass(String description) {
        this.description = description;
    }

    /**
     * @return the label written in {@code labels.csv} ({@code normal}, {@code dysplasia}, {@code
     *     carcinoma})
     */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @return what distinguishes the class, in words
     */
    public String description() {
        return description;
    }

    /**
     * @param label a label as in {@link #label()}
     * @return the class
     * @throws IllegalArgumentException naming the label when it is unknown
     */
    public static TissueClass of(String label) {
        for (TissueClass c : values()) {
            if (c.label().equals(label)) {
                return c;
            }
        }
        throw new IllegalArgumentException(
                "unknown class '" + label + "': expected normal, dysplasia or carcinoma");
    }
}
