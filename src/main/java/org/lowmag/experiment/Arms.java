package org.lowmag.experiment;

import java.util.List;

/**
 * The arms of the experiment as named in configuration files and run folders. The arm {@code
 * kd+aux} expands to one arm per named auxiliary set: {@code kd+aux} itself when there is one set,
 * {@code kd+<name>} when there are several; {@code finetune} follows it ({@code finetune} or {@code
 * finetune+<name>}).
 */
public final class Arms {

    /** The high-magnification teacher (paper Table 3). */
    public static final String TEACHER = "teacher";

    /** Trained from scratch at the student magnification. */
    public static final String BASELINE = "baseline";

    /** Distilled on the labelled sets, labels ignored. */
    public static final String KD = "kd";

    /** Distilled on the labelled sets plus an auxiliary set (paper KD (AD)). */
    public static final String KD_AUX = "kd+aux";

    /** The KD (AD) student with its fully connected layer fine-tuned on labels (paper 3.4). */
    public static final String FINETUNE = "finetune";

    /** Prefix of the resize-ablation runs. */
    public static final String ABLATION = "ablation";

    /** The arms a configuration may list, in report order. */
    public static final List<String> CONFIGURABLE = List.of(BASELINE, KD, KD_AUX, FINETUNE);

    private Arms() {}

    /**
     * @param arm an expanded arm id ({@code kd+aux}, {@code kd+adv1}, {@code finetune+adv1}, ...)
     * @param auxName the auxiliary set's name behind it, or null
     * @return the column heading: Baseline, KD, KD (adv1), KD (adv1) + FT
     */
    public static String label(String arm, String auxName) {
        if (arm.equals(TEACHER)) {
            return "Teacher";
        } else if (arm.equals(BASELINE)) {
            return "Baseline";
        } else if (arm.equals(KD)) {
            return "KD";
        } else if (arm.startsWith("kd+")) {
            return "KD (" + auxName + ")";
        } else if (arm.startsWith(FINETUNE)) {
            return "KD (" + auxName + ") + fine-tune";
        }
        return arm;
    }
}
