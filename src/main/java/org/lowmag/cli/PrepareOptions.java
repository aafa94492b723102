package org.lowmag.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.lowmag.prepare.PrepareConfig;
import org.lowmag.prepare.PrepareInput;
import org.lowmag.prepare.PrepareJob;
import org.lowmag.prepare.SlideReport;
import org.lowmag.report.TextTable;
import org.lowmag.slide.Magnification;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The flags of {@code lowmag prepare} (a picocli mixin, shared with {@code lowmag-spark prepare}),
 * read into one {@link PrepareConfig}, and the report printed at the end.
 */
public final class PrepareOptions {

    @ArgGroup(exclusive = true, multiplicity = "1")
    Input input;

    static final class Input {
        @Option(
                names = "--images",
                paramLabel = "DIR",
                description =
                        "Image folder: class sub-folders, or images listed by --manifest."
                                + " Each image is one tissue.")
        Path images;

        @Option(
                names = "--slides",
                paramLabel = "DIR",
                description =
                        "Folder of whole-slide images (SVS, TIFF, OpenSlide formats), listed by"
                                + " --labels; slides the CSV does not list are ignored.")
        Path slides;
    }

    @Option(
            names = "--manifest",
            paramLabel = "CSV",
            description = "CSV image,label,group for --images (empty label = unlabelled).")
    Path manifest;

    @Option(
            names = "--labels",
            paramLabel = "CSV",
            description =
                    "CSV slide,patient,label for --slides: slide = file name in DIR or path"
                            + " relative to it; empty patient = the slide alone; empty label ="
                            + " unlabelled (the 'unlabeled' split).")
    Path labels;

    @Mixin SourceScaleOptions source;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Dataset folder.")
    Path out;

    @Option(
            names = "--mags",
            defaultValue = "10,5,2.5,1.25,0.625",
            split = ",",
            description =
                    "Magnifications to cut, as 10,2.5 or 10x,2.5x (default: ${DEFAULT-VALUE}); none may exceed a"
                            + " source's (by more than 1%%).")
    List<String> mags;

    @Option(
            names = "--split-fractions",
            defaultValue = "70,15,15",
            split = ",",
            description =
                    "train,val,test percentages of the labelled groups (default:"
                            + " ${DEFAULT-VALUE}; 0,0,100 makes a pure test set).")
    List<Integer> fractions;

    @Option(
            names = "--unlabeled-percent",
            defaultValue = "0",
            description =
                    "Percentage of each class's groups whose labels are withheld, forming"
                            + " the 'unlabeled' auxiliary split (default: ${DEFAULT-VALUE}).")
    double unlabeledPercent;

    @Option(
            names = "--seed",
            defaultValue = "0",
            description = "Split seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--force", description = "Rewrite tissue images that already exist.")
    boolean force;

    /**
     * @return the settings the flags give
     * @throws IllegalArgumentException (a usage error) when the flags do not fit together
     * @throws IOException when the slide list cannot be read
     */
    public PrepareConfig config() throws IOException {
        return UsageException.fromFlags(
                () ->
                        new PrepareConfig(
                                out,
                                mags.stream().map(Magnification::parse).toList(),
                                fractions,
                                unlabeledPercent,
                                seed,
                                force,
                                source.resolver(),
                                input()));
    }

    /**
     * @return {@code --slide-list}, or null
     */
    public Path slideList() {
        return source.slideList;
    }

    /**
     * Prints the slide table (for slides), the tissue count, split gaps and failures.
     *
     * @param cfg the settings
     * @param result the outcome
     * @return the exit code: 1 when an input failed
     */
    public static int report(PrepareConfig cfg, PrepareJob.Result result) {
        if (cfg.input() instanceof PrepareInput.Slides) {
            System.err.print(table(result.slides(), cfg.magnifications()).toText());
        }
        System.err.printf("prepared %d tissues into %s%n", result.tissues(), cfg.out());
        result.gaps()
                .forEach(
                        g ->
                                System.err.println(
                                        "warning: "
                                                + g
                                                + ": it cannot be validated or tested there; give"
                                                + " it more patients/groups"));
        result.failures().forEach((id, msg) -> System.err.println("failed: " + id + ": " + msg));
        if (!result.failures().isEmpty()) {
            System.err.printf("%d input(s) failed; see above%n", result.failures().size());
            return LowMag.EXIT_FAILURE;
        }
        return 0;
    }

    /** The input the flags name, refusing flags that go with the other kind. */
    private PrepareInput input() {
        if (input.images != null) {
            if (source.sourceMag == null) {
                throw new UsageException(
                        "--images needs --source-mag: plain images record no magnification");
            }
            if (source.sourceMpp != null || labels != null) {
                throw new UsageException("--source-mpp and --labels go with --slides");
            }
            return new PrepareInput.Images(input.images, manifest);
        }
        if (labels == null) {
            throw new UsageException("--slides needs --labels CSV (columns slide,patient,label)");
        }
        if (manifest != null) {
            throw new UsageException("--manifest goes with --images");
        }
        return new PrepareInput.Slides(input.slides, labels);
    }

    /** One row per slide prepared: magnification, levels, tissues, level read per mag, time. */
    static TextTable table(List<SlideReport> reports, List<Double> mags) {
        TextTable t = new TextTable("slide", "magnification", "levels", "tissues", "read", "s");
        for (SlideReport r : reports) {
            StringBuilder read = new StringBuilder();
            for (double m : mags) {
                String k = Magnification.format(m);
                read.append(read.length() == 0 ? "" : " ")
                        .append(k)
                        .append("x<L")
                        .append(r.levelPerMag().get(k));
            }
            String mag =
                    Magnification.formatShort(r.magnification())
                            + "x from "
                            + r.source()
                            + (r.recorded().isEmpty() ? "" : " (slide: " + r.recorded() + ")");
            t.row(
                    r.slideId(),
                    mag,
                    r.levels(),
                    r.tissues(),
                    read.toString(),
                    String.format(Locale.ROOT, "%.1f", r.seconds()));
        }
        return t;
    }
}
