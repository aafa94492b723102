package org.lowmag.tiff;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Parses the ImageDescription of an Aperio SVS file: a free-text header, then {@code |key = value}
 * pairs, e.g. {@code "Aperio Image Library v11.2.1\r\n46000x32914 ... |AppMag = 20|MPP =
 * 0.4990|..."}. {@code MPP} is micrometres per level-0 pixel, {@code AppMag} the objective power.
 */
public final class AperioDescription {

    private AperioDescription() {}

    /**
     * @param description an ImageDescription, or null
     * @return whether it is Aperio's
     */
    static boolean isAperio(String description) {
        return description != null && description.startsWith("Aperio");
    }

    /**
     * @param description the ImageDescription of IFD 0
     * @return its {@code key = value} pairs in order, keys and values trimmed
     */
    static Map<String, String> properties(String description) {
        Map<String, String> out = new LinkedHashMap<>();
        String[] parts = description.split("\\|");
        for (int i = 1; i < parts.length; i++) {
            int eq = parts[i].indexOf('=');
            if (eq > 0) {
                out.put(parts[i].substring(0, eq).trim(), parts[i].substring(eq + 1).trim());
            }
        }
        return out;
    }

    /**
     * @param value a property value, or null
     * @return it as a positive finite number, or empty
     */
    public static OptionalDouble positive(String value) {
        if (value == null) {
            return OptionalDouble.empty();
        }
        try {
            double v = Double.parseDouble(value.trim());
            return v > 0 && Double.isFinite(v) ? OptionalDouble.of(v) : OptionalDouble.empty();
        } catch (NumberFormatException e) {
            return OptionalDouble.empty();
        }
    }

    /**
     * @param description an ImageDescription of a non-pyramid Aperio IFD
     * @return {@code label}, {@code macro}, or null: the word starting its second line
     */
    static String associatedKind(String description) {
        if (description == null) {
            return null;
        }
        String[] lines = description.split("\r?\n");
        if (lines.length < 2) {
            return null;
        }
        String second = lines[1].trim();
        if (second.startsWith("label")) {
            return "label";
        }
        return second.startsWith("macro") ? "macro" : null;
    }
}
