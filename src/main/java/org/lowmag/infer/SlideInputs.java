package org.lowmag.infer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.lowmag.geojson.RoiFile;
import org.lowmag.util.LowMagException;

/**
 * The slides named on the command line: files as given, folders expanded to their files (not
 * recursively, by name) with a known slide or image extension ({@link #EXTENSIONS}), and glob
 * patterns ({@code 'slides/*.svs'}, {@code 'archive/**}{@code /*.ndpi'}; quoted, so that LowMag
 * rather than the shell expands them, as a cluster's driver must) expanded to the matching files
 * with such an extension, sorted by path; a path that exists is never read as a pattern. Each
 * slide's outputs are named after its file name without extension, so two inputs with the same name
 * are refused.
 */
public final class SlideInputs {

    /** Extensions taken from folders: whole-slide formats and plain images. */
    public static final Set<String> EXTENSIONS =
            Set.of(
                    "svs", "tif", "tiff", "btf", "ndpi", "mrxs", "scn", "vms", "vmu", "bif",
                    "svslide", "png", "jpg", "jpeg", "bmp", "gif");

    private SlideInputs() {}

    /**
     * @param inputs slide files and folders
     * @param outDir the output folder (its own files are never taken as slides)
     * @return the slides by output name, in order
     * @throws IOException when a folder cannot be listed
     * @throws IllegalArgumentException when two slides would share an output name
     * @throws LowMagException when no slide is found
     */
    public static Map<String, Path> expand(List<Path> inputs, Path outDir) throws IOException {
        Set<Path> files = new LinkedHashSet<>();
        Path out = outDir.toAbsolutePath().normalize();
        for (Path in : inputs) {
            if (Files.isDirectory(in)) {
                if (in.toAbsolutePath().normalize().equals(out)) {
                    continue;
                }
                try (Stream<Path> list = Files.list(in)) {
                    list.filter(Files::isRegularFile)
                            .filter(p -> EXTENSIONS.contains(extension(p)))
                            .sorted()
                            .forEach(p -> files.add(p.normalize()));
                }
            } else if (!Files.exists(in) && isGlob(in.toString())) {
                List<Path> matched = glob(in.toString());
                if (matched.isEmpty()) {
                    throw new LowMagException(
                            "no slides match the pattern "
                                    + in
                                    + " (extensions: "
                                    + new java.util.TreeSet<>(EXTENSIONS)
                                    + "); check the folder and the pattern");
                }
                matched.forEach(p -> files.add(p.normalize()));
            } else {
                files.add(in.normalize());
            }
        }
        if (files.isEmpty()) {
            throw new LowMagException(
                    "no slides found in " + inputs + " (extensions: " + EXTENSIONS + ")");
        }
        Map<String, Path> byName = new LinkedHashMap<>();
        for (Path f : new ArrayList<>(files)) {
            putUnique(byName, f);
        }
        return byName;
    }

    /**
     * Adds a slide under its output name ({@link #name}) unless the same file is there already.
     *
     * @param byName slides by output name
     * @param f a slide
     * @throws IllegalArgumentException when another slide has the same output name
     */
    public static void putUnique(Map<String, Path> byName, Path f) {
        Path old = byName.putIfAbsent(name(f), f);
        if (old != null && !old.equals(f)) {
            throw new IllegalArgumentException(
                    "slides "
                            + old
                            + " and "
                            + f
                            + " would both write "
                            + name(f)
                            + ".json: predict them into different --out folders");
        }
    }

    private static boolean isGlob(String s) {
        return s.indexOf('*') >= 0
                || s.indexOf('?') >= 0
                || s.indexOf('[') >= 0
                || s.indexOf('{') >= 0;
    }

    /**
     * @param pattern a glob over paths (Java's {@code glob:} syntax: {@code *} within a folder,
     *     {@code **} across folders)
     * @return the regular files it matches with a known extension, sorted by path
     * @throws IOException when the folder the pattern starts in cannot be walked
     */
    static List<Path> glob(String pattern) throws IOException {
        Path full = Path.of(pattern);
        // the folder to walk: the pattern's longest leading part without glob characters
        Path prefix = full.isAbsolute() ? full.getRoot() : Path.of("");
        int depth = 0;
        for (Path part : full) {
            if (isGlob(part.toString())) {
                break;
            }
            prefix = prefix.resolve(part);
            depth++;
        }
        boolean relative = prefix.toString().isEmpty();
        Path start = relative ? Path.of(".") : prefix;
        if (!Files.isDirectory(start)) {
            return List.of();
        }
        int levels = pattern.contains("**") ? Integer.MAX_VALUE : full.getNameCount() - depth;
        PathMatcher matcher = full.getFileSystem().getPathMatcher("glob:" + pattern);
        try (Stream<Path> walk = Files.walk(start, Math.max(1, levels))) {
            return walk.filter(Files::isRegularFile)
                    .map(p -> relative ? start.relativize(p) : p)
                    .filter(matcher::matches)
                    .filter(p -> EXTENSIONS.contains(extension(p)))
                    .sorted()
                    .toList();
        }
    }

    /**
     * @param slide a slide file
     * @return its output name: the file name without its extension ({@code .ome.tif} and {@code
     *     .ome.tiff} count as one)
     */
    public static String name(Path slide) {
        return RoiFile.stem(slide.getFileName().toString());
    }

    private static String extension(Path p) {
        String n = p.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot < 0 ? "" : n.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
