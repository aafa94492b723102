package org.lowmag.serve;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.lowmag.infer.SlideInputs;
import org.lowmag.infer.TruthLabels;
import org.lowmag.util.LowMagException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The slides the server shows, found once at start: every slide prediction ({@code SLIDE.json}) in
 * the prediction folders and every slide file (by extension, {@link SlideInputs#EXTENSIONS}) under
 * the slide folders. A URL names a slide by its id, so nothing outside this list can be read.
 *
 * <p>Which slide files may be served: with slide folders, only files whose real path (symlinks
 * resolved) lies under a folder's real path; a prediction's slide is looked up there by name first,
 * then at the path its {@code SLIDE.json} names, if that lies under a slide folder. Without slide
 * folders, the files the predictions name (the user pointed at them when predicting).
 */
public final class SlideCatalog {

    private static final Logger LOG = LoggerFactory.getLogger(SlideCatalog.class);

    private final Map<String, SlideEntry> byId;

    private SlideCatalog(Map<String, SlideEntry> byId) {
        this.byId = Collections.unmodifiableMap(byId);
    }

    /**
     * @param predictionDirs folders of {@code lowmag predict} outputs
     * @param slideDirs folders of slides
     * @param labels known labels (override a prediction's truth), or {@link TruthLabels#none()}
     * @return the catalog
     * @throws IOException when a folder cannot be listed
     * @throws IllegalArgumentException when a folder is missing
     */
    public static SlideCatalog scan(
            List<Path> predictionDirs, List<Path> slideDirs, TruthLabels labels)
            throws IOException {
        List<Path> roots = new ArrayList<>();
        for (Path d : slideDirs) {
            roots.add(realFolder(d, "--slides"));
        }
        Map<String, Path> slidesByName = new LinkedHashMap<>();
        for (Path root : roots) {
            for (Path f : slideFiles(root)) {
                slidesByName.putIfAbsent(SlideInputs.name(f), f);
            }
        }
        Map<String, SlideEntry> byId = new LinkedHashMap<>();
        for (Path d : predictionDirs) {
            for (Path json : predictionFiles(realFolder(d, "--predictions"))) {
                Prediction p;
                try {
                    p = Prediction.read(json);
                } catch (LowMagException
                        | IllegalStateException
                        | UnsupportedOperationException e) {
                    LOG.debug("skipping {}: {}", json, e.getMessage());
                    continue;
                }
                String name = json.getFileName().toString().replaceFirst("\\.json$", "");
                Optional<Path> slide = Optional.ofNullable(slidesByName.remove(name));
                String note = "";
                if (slide.isEmpty()) {
                    Optional<Path> named = realFile(p.slide());
                    if (named.isEmpty()) {
                        note = "slide file not found: " + p.slide();
                    } else if (!roots.isEmpty() && !under(named.get(), roots)) {
                        note = "slide file is outside the --slides folders: " + p.slide();
                    } else {
                        slide = named;
                    }
                }
                p = withTruth(p, labels.of(name));
                add(byId, new SlideEntry(null, name, slide, note, Optional.of(p)));
            }
        }
        for (Map.Entry<String, Path> e : slidesByName.entrySet()) {
            add(
                    byId,
                    new SlideEntry(
                            null, e.getKey(), Optional.of(e.getValue()), "", Optional.empty()));
        }
        return new SlideCatalog(byId);
    }

    private static Prediction withTruth(Prediction p, Optional<String> truth) {
        if (truth.isEmpty()) {
            return p;
        }
        return new Prediction(
                p.json(),
                p.slide(),
                p.label(),
                p.probabilities(),
                truth.get(),
                p.tissueCount(),
                p.model(),
                p.magnification(),
                p.heatmapScale(),
                p.geoJson(),
                p.heatmaps(),
                p.thumbWidthPx(),
                p.thumbHeightPx());
    }

    private static void add(Map<String, SlideEntry> byId, SlideEntry e) {
        String base = e.name().replaceAll("[^A-Za-z0-9._-]", "_");
        if (base.isEmpty() || base.chars().allMatch(c -> c == '.')) {
            base = "slide";
        }
        String id = base;
        for (int k = 2; byId.containsKey(id); k++) {
            id = base + "-" + k;
        }
        byId.put(id, new SlideEntry(id, e.name(), e.slide(), e.note(), e.prediction()));
    }

    private static Path realFolder(Path dir, String flag) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException(flag + " " + dir + ": no such folder");
        }
        return dir.toRealPath();
    }

    private static Optional<Path> realFile(Path file) {
        try {
            return Files.isRegularFile(file) ? Optional.of(file.toRealPath()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static boolean under(Path real, List<Path> roots) {
        return roots.stream().anyMatch(real::startsWith);
    }

    /** Slide files under a folder (recursively), each a real path under the folder's real path. */
    private static List<Path> slideFiles(Path root) throws IOException {
        List<Path> out = new ArrayList<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path f : (Iterable<Path>) s.sorted()::iterator) {
                String n = f.getFileName().toString();
                int dot = n.lastIndexOf('.');
                String ext = dot < 0 ? "" : n.substring(dot + 1).toLowerCase(Locale.ROOT);
                if (!SlideInputs.EXTENSIONS.contains(ext) || n.contains(".heatmap.")) {
                    continue;
                }
                Optional<Path> real = realFile(f);
                if (real.isPresent() && real.get().startsWith(root)) {
                    out.add(real.get());
                } else if (real.isPresent()) {
                    LOG.warn("not serving {}: it links outside {}", f, root);
                }
            }
        }
        return out;
    }

    private static List<Path> predictionFiles(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(f -> f.getFileName().toString().endsWith(".json"))
                    .filter(Files::isRegularFile)
                    .sorted()
                    .toList();
        }
    }

    /**
     * @param id a slide id from a URL
     * @return its entry, or empty when the catalog has no such id
     */
    public Optional<SlideEntry> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /**
     * @return the entries, predictions first, in folder order
     */
    public List<SlideEntry> entries() {
        return List.copyOf(byId.values());
    }
}
