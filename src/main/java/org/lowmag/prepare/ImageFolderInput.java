package org.lowmag.prepare;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.lowmag.dataset.Csv;
import org.lowmag.util.LowMagException;

/**
 * An image folder as dataset input: either a manifest {@code image,label,group} (paths relative to
 * the folder and inside it, {@link ListedPath}; an empty label marks an unlabelled image), or class
 * sub-folders ({@code DIR/CLASS/image.png}, each image its own group).
 */
public final class ImageFolderInput {

    private static final Set<String> EXTENSIONS =
            Set.of("png", "jpg", "jpeg", "tif", "tiff", "bmp");

    private ImageFolderInput() {}

    /**
     * Lists the images.
     *
     * @param dir the folder
     * @param manifest optional manifest CSV (null: use class sub-folders)
     * @return the items, sorted by id
     * @throws IOException when the folder cannot be read
     */
    public static List<PrepareItem> list(Path dir, Path manifest) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new LowMagException("--images " + dir + " is not a folder");
        }
        List<PrepareItem> items = manifest != null ? fromManifest(dir, manifest) : fromFolders(dir);
        if (items.isEmpty()) {
            throw new LowMagException(
                    "no images found in "
                            + dir
                            + " (expected class sub-folders with png/jpg/tif images, or --manifest)");
        }
        Set<String> seen = new HashSet<>();
        for (PrepareItem it : items) {
            if (!seen.add(it.id())) {
                throw new LowMagException("image " + it.id() + " is listed twice");
            }
        }
        return items.stream().sorted((a, b) -> a.id().compareTo(b.id())).toList();
    }

    private static List<PrepareItem> fromManifest(Path dir, Path manifest) throws IOException {
        List<List<String>> rows;
        try (Reader r = new StringReader(Csv.readText(manifest))) {
            rows = Csv.parse(r);
        }
        if (rows.isEmpty() || !rows.get(0).equals(List.of("image", "label", "group"))) {
            throw new LowMagException(
                    "manifest " + manifest + " must have the header image,label,group");
        }
        List<PrepareItem> items = new ArrayList<>();
        for (int i = 1; i < rows.size(); i++) {
            List<String> row = rows.get(i);
            if (row.size() != 3) {
                throw new LowMagException(manifest + " line " + (i + 1) + ": expected 3 fields");
            }
            String image = row.get(0);
            String group = row.get(2).isEmpty() ? image : row.get(2);
            Path file = ListedPath.resolve(dir, image, manifest + " line " + (i + 1));
            items.add(new PrepareItem(idOf(image), file, group, row.get(1)));
        }
        return items;
    }

    private static List<PrepareItem> fromFolders(Path dir) throws IOException {
        List<PrepareItem> items = new ArrayList<>();
        try (Stream<Path> classes = Files.list(dir)) {
            for (Path cls : classes.filter(Files::isDirectory).sorted().toList()) {
                String label = cls.getFileName().toString();
                try (Stream<Path> files = Files.list(cls)) {
                    for (Path f : files.filter(ImageFolderInput::isImage).sorted().toList()) {
                        String rel = label + "/" + f.getFileName();
                        items.add(new PrepareItem(idOf(rel), f, rel, label));
                    }
                }
            }
        }
        return items;
    }

    static boolean isImage(Path f) {
        String n = f.getFileName().toString().toLowerCase(Locale.ROOT);
        int dot = n.lastIndexOf('.');
        return Files.isRegularFile(f) && dot > 0 && EXTENSIONS.contains(n.substring(dot + 1));
    }

    /**
     * A file-name-safe id from a relative path: {@code lung_aca/x.jpeg} becomes {@code
     * lung_aca__x}.
     *
     * @param rel the relative path
     * @return the id
     */
    static String idOf(String rel) {
        String noExt = rel.contains(".") ? rel.substring(0, rel.lastIndexOf('.')) : rel;
        return noExt.replace('/', '_').replace('\\', '_').replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
