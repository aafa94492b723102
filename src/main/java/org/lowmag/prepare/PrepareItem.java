package org.lowmag.prepare;

import java.nio.file.Path;

/**
 * One source image or slide to cut tissues from.
 *
 * @param id id of the source (unique in the dataset)
 * @param file the file
 * @param group patient or group
 * @param label class name, or "" when unlabelled
 * @param origin where the item was listed, for messages (e.g. {@code labels.csv line 4})
 */
public record PrepareItem(String id, Path file, String group, String label, String origin) {

    /** Validates. */
    public PrepareItem {
        if (id == null || id.isEmpty() || file == null || group == null || label == null) {
            throw new IllegalArgumentException(
                    "an item needs an id, a file, a group and a label (may be empty): " + id);
        }
        origin = origin == null ? "" : origin;
    }

    /**
     * An item found by listing a folder (its origin is the file itself).
     *
     * @param id id of the source
     * @param file the file
     * @param group patient or group
     * @param label class name, or ""
     */
    public PrepareItem(String id, Path file, String group, String label) {
        this(id, file, group, label, file.toString());
    }
}
