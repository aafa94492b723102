package org.lowmag.prepare;

import java.nio.file.Path;

/**
 * One source image or slide to cut tissues from.
 *
 * @param id id of the source (unique in the dataset)
 * @param file the file
 * @param group patient or group
 * @param label class name, or "" when unlabelled
 */
public record PrepareItem(String id, Path file, String group, String label) {}
