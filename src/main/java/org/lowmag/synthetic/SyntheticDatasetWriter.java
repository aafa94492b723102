package org.lowmag.synthetic;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.lowmag.util.AtomicFiles;
import org.lowmag.util.Json;
import org.lowmag.util.LowMagException;
import org.lowmag.util.Progress;
import org.lowmag.util.Provenance;

/**
 * Writes a synthetic data set into a folder: {@code slides/<id>.svs} (pyramidal Aperio-style
 * TIFFs), {@code labels.csv} ({@code slide,patient,label}; empty label for unlabelled slides),
 * {@code tissues.csv} (each tissue piece's bounding box in level-0 pixels with its label) and
 * {@code synthetic.json} (seed, parameters, class descriptions, provenance). Every file is written
 * atomically; slides already present are kept, so an interrupted run can simply be repeated. A
 * folder made with another seed, resolution, size or generator version is refused.
 */
public final class SyntheticDatasetWriter {

    /**
     * Bumped whenever the same seed would give different pixels (2: dysplasia's nuclei larger,
     * darker and elongated, fewer stromal cells).
     */
    public static final int GENERATOR_VERSION = 2;

    /** File name of the description. */
    public static final String DESCRIPTION = "synthetic.json";

    /** The description's {@code generator}. */
    public static final String GENERATOR = "lowmag synthesize";

    private static final List<String> FINGERPRINT =
            List.of(
                    "generator_version",
                    "seed",
                    "mpp",
                    "size_um",
                    "tissue_pieces",
                    "tissue_diameter_um",
                    "jpeg_quality",
                    "draw_scale");

    /**
     * What to make.
     *
     * @param seed the data set's seed
     * @param slidesPerClass labelled slides per class
     * @param unlabelled unlabelled slides
     * @param params the physical set-up
     * @param jpegQuality JPEG quality of the tiles
     * @param drawScale written pixels per drawn pixel a side (1: every pixel drawn; see {@link
     *     SlideSynthesizer})
     */
    public record Settings(
            long seed,
            int slidesPerClass,
            int unlabelled,
            SynthesisParams params,
            double jpegQuality,
            int drawScale) {

        /** Validates. */
        public Settings {
            if (drawScale < 1) {
                throw new IllegalArgumentException("draw scale must be >= 1, got " + drawScale);
            }
        }

        /**
         * Every pixel drawn (draw scale 1).
         *
         * @param seed the seed
         * @param slidesPerClass labelled slides per class
         * @param unlabelled unlabelled slides
         * @param params the physical set-up
         * @param jpegQuality JPEG quality of the tiles
         */
        public Settings(
                long seed,
                int slidesPerClass,
                int unlabelled,
                SynthesisParams params,
                double jpegQuality) {
            this(seed, slidesPerClass, unlabelled, params, jpegQuality, 1);
        }
    }

    /**
     * What a run did.
     *
     * @param written slides drawn and written
     * @param skipped slides already present
     * @param pixels level-0 pixels drawn
     * @param seconds wall time of drawing and writing slides
     */
    public record Summary(int written, int skipped, long pixels, double seconds) {}

    private final Settings settings;
    private final SlideSynthesizer synthesizer;

    /**
     * @param settings what to make
     * @param threads threads that draw and encode tiles
     */
    public SyntheticDatasetWriter(Settings settings, int threads) {
        this.settings = settings;
        this.synthesizer =
                new SlideSynthesizer(
                        settings.params(), settings.jpegQuality(), threads, settings.drawScale());
    }

    /**
     * Writes (or completes) the data set.
     *
     * @param dir the output folder
     * @param progress counts slides as they are done
     * @return what was done
     * @throws IOException when a file cannot be written
     * @throws LowMagException when the folder holds a data set made with other settings
     */
    public Summary write(Path dir, Progress progress) throws IOException {
        Path description = dir.resolve(DESCRIPTION);
        Map<String, Object> meta = describe();
        checkFolder(dir);
        Json.write(description, meta);
        List<SyntheticSlides.Spec> specs =
                SyntheticSlides.specs(
                        settings.seed(), settings.slidesPerClass(), settings.unlabelled());
        StringBuilder labels = new StringBuilder("slide,patient,label\n");
        StringBuilder tissues = new StringBuilder("slide,tissue,x,y,width,height,label\n");
        int written = 0;
        long pixels = 0;
        long start = System.nanoTime();
        for (SyntheticSlides.Spec spec : specs) {
            String rel = "slides/" + spec.slideId() + ".svs";
            Path file = dir.resolve(rel);
            SlidePlan plan = synthesizer.plan(spec.tissueClass(), spec.seed());
            if (!Files.isRegularFile(file)) {
                progress.setSuffix(spec.slideId());
                synthesizer.write(plan, file);
                written++;
                pixels += (long) settings.params().widthPx() * settings.params().heightPx();
            }
            labels.append(rel).append(',').append(spec.patientId()).append(',');
            labels.append(spec.publishedLabel()).append('\n');
            List<int[]> boxes = plan.tissueBoxesPx(settings.params().mpp());
            for (int t = 0; t < boxes.size(); t++) {
                int[] b = boxes.get(t);
                tissues.append(rel).append(',').append(t + 1);
                for (int v : b) {
                    tissues.append(',').append(v);
                }
                tissues.append(',').append(spec.publishedLabel()).append('\n');
            }
            progress.step();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        AtomicFiles.writeString(dir.resolve("labels.csv"), labels.toString());
        AtomicFiles.writeString(dir.resolve("tissues.csv"), tissues.toString());
        meta.put("slides", specs.size());
        meta.put(
                "patients", specs.stream().map(SyntheticSlides.Spec::patientId).distinct().count());
        Json.write(description, meta);
        return new Summary(written, specs.size() - written, pixels, seconds);
    }

    /**
     * Finds the description of the synthetic data set that a slides folder belongs to: {@code
     * DIR/synthetic.json} for {@code DIR} (the folder {@code labels.csv} lists slides of) or, when
     * given {@code DIR/slides}, its parent's. A {@code synthetic.json} counts only when its {@code
     * generator} is {@value #GENERATOR}, the value {@link #write} records.
     *
     * @param slidesDir a slides folder
     * @return the description file, or empty when the folder is not a synthetic data set's
     * @throws IOException when a {@code synthetic.json} exists but cannot be read
     */
    public static Optional<Path> descriptionOf(Path slidesDir) throws IOException {
        Path dir = slidesDir.toAbsolutePath().normalize();
        List<Path> folders = dir.getParent() == null ? List.of(dir) : List.of(dir, dir.getParent());
        for (Path d : folders) {
            Path f = d.resolve(DESCRIPTION);
            if (Files.isRegularFile(f)) {
                JsonElement j = Json.readTree(f);
                if (j.isJsonObject()
                        && j.getAsJsonObject().has("generator")
                        && GENERATOR.equals(j.getAsJsonObject().get("generator").getAsString())) {
                    return Optional.of(f);
                }
            }
        }
        return Optional.empty();
    }

    private Map<String, Object> describe() {
        SynthesisParams p = settings.params();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("generator", GENERATOR);
        m.put("generator_version", GENERATOR_VERSION);
        m.put("seed", settings.seed());
        m.put("mpp", p.mpp());
        m.put("objective_power", 10.0 / p.mpp());
        m.put("size_um", List.of(p.widthUm(), p.heightUm()));
        m.put("size_px", List.of(p.widthPx(), p.heightPx()));
        m.put("jpeg_quality", settings.jpegQuality());
        if (settings.drawScale() > 1) {
            m.put("draw_scale", settings.drawScale());
        }
        m.put("slides_per_class", settings.slidesPerClass());
        m.put("unlabeled", settings.unlabelled());
        m.put("tissue_pieces", List.of(p.minPieces(), p.maxPieces()));
        m.put("tissue_diameter_um", List.of(p.minTissueUm(), p.maxTissueUm()));
        m.put(
                "format",
                "Aperio-style pyramidal TIFF (.svs): 256 px JPEG tiles, levels downsampled by 4"
                        + " until <= 1024 px, MPP and AppMag in the ImageDescription");
        Map<String, String> classes = new LinkedHashMap<>();
        for (TissueClass c : TissueClass.values()) {
            classes.put(c.label(), c.description());
        }
        m.put("classes", classes);
        m.put(
                "files",
                Map.of(
                        "labels", "labels.csv: slide,patient,label (empty label = unlabelled)",
                        "tissues", "tissues.csv: slide,tissue,x,y,width,height,label (level-0 px)",
                        "slides", "slides/<slide id>.svs"));
        m.put("provenance", Provenance.current().toMap());
        return m;
    }

    /**
     * Checks that a folder is empty of synthetic data or holds a set made with the same seed,
     * resolution, size, JPEG quality and generator version (so it can be completed).
     *
     * @param dir the output folder
     * @throws IOException when its description cannot be read
     * @throws LowMagException when it holds a data set made with other settings
     */
    public void checkFolder(Path dir) throws IOException {
        Path description = dir.resolve(DESCRIPTION);
        if (!Files.isRegularFile(description)) {
            return;
        }
        JsonObject old = Json.readTree(description).getAsJsonObject();
        JsonObject now = Json.gson().toJsonTree(describe()).getAsJsonObject();
        for (String key : FINGERPRINT) {
            JsonElement a = old.get(key);
            JsonElement b = now.get(key);
            if (!Objects.equals(a, b)) {
                throw new LowMagException(
                        description.getParent()
                                + " holds a synthetic data set made with "
                                + key
                                + " = "
                                + a
                                + ", not "
                                + b
                                + ": use another --out folder or delete that one");
            }
        }
    }
}
