package org.lowmag.spark;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.lowmag.dataset.Csv;
import org.lowmag.dataset.SlideList;
import org.lowmag.infer.SlideInputs;
import org.lowmag.util.LowMagException;

/**
 * Slide inputs given as Hadoop FileSystem URIs ({@code hdfs://nn/slides/a.svs}, {@code
 * s3a://bucket/archive/}, {@code 'file:///data/*.tif'}): recognised in the command line and in a
 * slide list, and expanded on the driver through Hadoop's FileSystem as {@link SlideInputs} expands
 * local paths: a folder to its files with a slide extension (not recursively), a glob pattern
 * ({@link FileSystem#globStatus}) to the matching files with such an extension, both sorted by
 * path. A URI whose FileSystem is unknown or that does not exist stays a slide of its own and fails
 * its own row when its task reads it, with the reason.
 */
public final class SlideUris {

    /** A scheme of at least two characters (not a drive letter), a colon, a slash. */
    private static final Pattern URI_TEXT = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]+:/.*");

    private SlideUris() {}

    /**
     * @param text a slide input as typed
     * @return whether it is a URI ({@code scheme:/...}) rather than a local path
     */
    public static boolean isUri(String text) {
        return URI_TEXT.matcher(text).matches();
    }

    /**
     * @param text a slide input as typed: a URI or a local path
     * @return the URI as a {@link Path} the core can carry ({@link SlideUriPath}), or the local
     *     path
     */
    public static Path path(String text) {
        return isUri(text)
                ? new SlideUriPath(new org.apache.hadoop.fs.Path(text).toUri())
                : Path.of(text);
    }

    /**
     * @param text a slide as a task receives it: a URI's text or an absolute local path
     * @return the slide
     */
    static Path parse(String text) {
        return isUri(text) ? new SlideUriPath(URI.create(text)) : Path.of(text);
    }

    /**
     * The slides of a slide list with the entries that are URIs kept as URIs ({@link
     * SlideList#read} resolves every entry against the list's folder).
     *
     * @param list the list read
     * @return its slides in order
     * @throws IOException when the list cannot be read again
     */
    public static List<Path> listed(SlideList list) throws IOException {
        List<List<String>> rows = Csv.parse(new StringReader(Csv.readText(list.file())));
        List<String> header =
                rows.get(0).stream().map(h -> h.trim().toLowerCase(Locale.ROOT)).toList();
        int col = header.indexOf("slide");
        List<Path> slides = new ArrayList<>(list.slides());
        for (int r = 1; r < rows.size(); r++) {
            String text = rows.get(r).get(col).trim();
            if (isUri(text)) {
                slides.set(r - 1, path(text));
            }
        }
        return slides;
    }

    /**
     * @param inputs local paths, folders and patterns, and URIs ({@link SlideUriPath})
     * @param outDir the output folder
     * @param conf the driver's Hadoop configuration
     * @return the slides by output name: the local ones first ({@link SlideInputs#expand}), then
     *     the URIs', in order
     * @throws IOException when a folder cannot be listed
     * @throws IllegalArgumentException when two slides would share an output name
     * @throws LowMagException when no slide is found, or a pattern matches none
     */
    static Map<String, Path> expand(List<Path> inputs, Path outDir, Configuration conf)
            throws IOException {
        List<Path> local = inputs.stream().filter(p -> !(p instanceof SlideUriPath)).toList();
        Map<String, Path> byName = new LinkedHashMap<>();
        if (!local.isEmpty()) {
            byName.putAll(SlideInputs.expand(local, outDir));
        }
        for (Path in : inputs) {
            if (in instanceof SlideUriPath uri) {
                for (Path f : list(uri, conf)) {
                    SlideInputs.putUnique(byName, f);
                }
            }
        }
        if (byName.isEmpty()) {
            throw new LowMagException(
                    "no slides found in "
                            + inputs
                            + " (extensions: "
                            + SlideInputs.EXTENSIONS
                            + ")");
        }
        return byName;
    }

    private static List<Path> list(SlideUriPath in, Configuration conf) throws IOException {
        org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(in.uri());
        FileSystem fs;
        try {
            fs = p.getFileSystem(conf);
        } catch (IOException e) {
            return List.of(in); // its task fails its row with the reason
        }
        String path = in.uri().getPath();
        if (path.chars().anyMatch(ch -> "*?[{".indexOf(ch) >= 0)) {
            FileStatus[] matched = fs.globStatus(p);
            List<Path> files = slides(matched == null ? new FileStatus[0] : matched);
            if (files.isEmpty()) {
                throw new LowMagException(
                        "no slides match the pattern "
                                + in
                                + " (extensions: "
                                + SlideInputs.EXTENSIONS
                                + "); check the folder and the pattern");
            }
            return files;
        }
        FileStatus status;
        try {
            status = fs.getFileStatus(p);
        } catch (FileNotFoundException e) {
            return List.of(in); // fails its own row: file not found
        }
        return status.isDirectory() ? slides(fs.listStatus(p)) : List.of(in);
    }

    /** The files among {@code found} with a slide extension, as URIs, sorted. */
    private static List<Path> slides(FileStatus[] found) {
        return Arrays.stream(found)
                .filter(FileStatus::isFile)
                .map(s -> (Path) new SlideUriPath(s.getPath().toUri()))
                .filter(p -> SlideInputs.EXTENSIONS.contains(extension(p)))
                .sorted(Comparator.comparing(Path::toString))
                .toList();
    }

    private static String extension(Path p) {
        String n = p.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot < 0 ? "" : n.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
