package org.lowmag.infer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * recursively, by name) with a known slide or image extension ({@link #EXTENSIONS}). Each slide's
 * outputs are named after its file name without extension, so two inputs with the same name are
 * refused.
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
            Path old = byName.putIfAbsent(name(f), f);
            if (old != null) {
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
        return byName;
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
