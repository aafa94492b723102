package org.lowmag.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import org.lowmag.dataset.ImageFiles;
import org.lowmag.dataset.TissueRecord;
import org.lowmag.prepare.ImageFolderInput;
import org.lowmag.prepare.PrepareConfig;
import org.lowmag.prepare.PrepareItem;
import org.lowmag.prepare.PrepareJob;
import org.lowmag.prepare.PyramidRenderer;
import org.lowmag.prepare.SlideListInput;
import org.lowmag.prepare.SlideReport;
import org.lowmag.prepare.SlideTissueCutter;
import org.lowmag.prepare.TissueCutter;
import org.lowmag.report.TextTable;
import org.lowmag.resample.LanczosResampler;
import org.lowmag.slide.Magnification;
import org.lowmag.slide.MagnificationResolver;
import org.lowmag.slide.SlideReaders;
import org.lowmag.synthetic.SyntheticDatasetWriter;
import org.lowmag.tissue.TissueParams;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code lowmag prepare}: a dataset of whole tissues at several magnifications. */
@Command(
        name = "prepare",
        mixinStandardHelpOptions = true,
        description = {
            "Build a dataset of whole tissues at several magnifications, each resampled directly"
                    + " from the original with Lanczos-3, split by patient/group (stratified by"
                    + " label). Writes OUT/manifest.csv, OUT/dataset.json and"
                    + " OUT/tissues/<mag>x/*.png. Re-running resumes; failing inputs are reported"
                    + " and skipped (exit 1 at the end).",
            "",
            "--slides: tissue is found on each slide's overview (tissueloc's method, 'lowmag"
                    + " tissue' defaults); each piece becomes tissue SLIDE_tNN, read for each"
                    + " magnification from the coarsest pyramid level at least as fine, in strips"
                    + " (memory stays bounded for any tissue size).",
        })
final class PrepareCommand implements Callable<Integer> {

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

    @Option(
            names = "--source-mag",
            paramLabel = "M",
            description =
                    "Magnification of the inputs' full resolution (10x = 1 um/px). Required for"
                            + " --images. For --slides it overrides what every slide records (use"
                            + " it for slides that record neither um/px nor objective power);"
                            + " without it a slide's um/px gives 10 / mpp, else its objective"
                            + " power.")
    String sourceMag;

    @Option(
            names = "--source-mpp",
            paramLabel = "UM",
            description =
                    "Like --source-mag, as um per full-resolution pixel (--slides only; mag = 10"
                            + " / UM).")
    Double sourceMpp;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Dataset folder.")
    Path out;

    @Option(
            names = "--mags",
            defaultValue = "10,5,2.5,1.25,0.625",
            split = ",",
            description =
                    "Magnifications to cut, as 10,2.5 or 10x,2.5x (default: ${DEFAULT-VALUE}); none"
                            + " may exceed a source's (by more than 1%%).")
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

    @Override
    public Integer call() throws IOException {
        MagnificationResolver scale =
                new MagnificationResolver(
                        sourceMag == null
                                ? OptionalDouble.empty()
                                : OptionalDouble.of(Magnification.parse(sourceMag)),
                        sourceMpp == null ? OptionalDouble.empty() : OptionalDouble.of(sourceMpp));
        PrepareConfig cfg =
                new PrepareConfig(
                        out,
                        mags.stream().map(Magnification::parse).toList(),
                        fractions,
                        unlabeledPercent,
                        seed,
                        force,
                        scale);
        PrepareJob.Result result;
        if (input.images != null) {
            if (sourceMag == null) {
                throw new IllegalArgumentException(
                        "--images needs --source-mag: plain images record no magnification");
            }
            if (sourceMpp != null || labels != null) {
                throw new IllegalArgumentException("--source-mpp and --labels go with --slides");
            }
            result = prepareImages(cfg, Magnification.parse(sourceMag));
        } else {
            if (labels == null) {
                throw new IllegalArgumentException(
                        "--slides needs --labels CSV (columns slide,patient,label)");
            }
            if (manifest != null) {
                throw new IllegalArgumentException("--manifest goes with --images");
            }
            result = prepareSlides(cfg);
        }
        System.err.printf("prepared %d tissues into %s%n", result.tissues(), out);
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

    private PrepareJob.Result prepareImages(PrepareConfig cfg, double source) throws IOException {
        List<PrepareItem> items = ImageFolderInput.list(input.images, manifest);
        try (LanczosResampler resampler = new LanczosResampler(1)) {
            TissueCutter cutter = new TissueCutter(out, cfg.magnifications(), resampler, force);
            return PrepareJob.run(
                    cfg,
                    items,
                    it -> {
                        Map<String, TissueRecord.TissueImage> imgs =
                                cutter.cut(it.id(), ImageFiles.read(it.file()), source);
                        return new PrepareJob.Cut(
                                List.of(
                                        new TissueRecord(
                                                it.id(),
                                                it.file().toString(),
                                                it.group(),
                                                it.label(),
                                                "",
                                                imgs)),
                                source);
                    },
                    Arrays.asList(
                            "images:" + input.images.toAbsolutePath(),
                            "manifest:" + (manifest == null ? "" : manifest.toAbsolutePath())),
                    "images");
        }
    }

    private PrepareJob.Result prepareSlides(PrepareConfig cfg) throws IOException {
        MagnificationResolver resolver = cfg.scale();
        SlideListInput.Listing listing = SlideListInput.list(input.slides, labels);
        if (!listing.ignored().isEmpty()) {
            List<String> ignored = listing.ignored();
            System.err.printf(
                    "ignored %d slide file(s) in %s that %s does not list: %s%s%n",
                    ignored.size(),
                    input.slides,
                    labels.getFileName(),
                    String.join(", ", ignored.subList(0, Math.min(5, ignored.size()))),
                    ignored.size() > 5 ? ", ..." : "");
        }
        try (LanczosResampler resampler = new LanczosResampler(1)) {
            TissueCutter writer = new TissueCutter(out, cfg.magnifications(), resampler, force);
            SlideTissueCutter cutter =
                    new SlideTissueCutter(
                            writer,
                            cfg.magnifications(),
                            resolver,
                            TissueParams.defaults(),
                            new PyramidRenderer(),
                            SlideReaders::open);
            PrepareJob.Result result =
                    PrepareJob.run(
                            cfg,
                            listing.items(),
                            cutter,
                            slideSources(input.slides, labels),
                            "slides");
            System.err.print(table(cutter.reports(), cfg.magnifications()).toText());
            return result;
        }
    }

    /**
     * The {@code dataset.json} sources of a slides input: {@code slides:DIR}, {@code labels:CSV}
     * and, when {@code DIR} is a data set written by {@code lowmag synthesize}, {@code
     * synthetic:DIR/synthetic.json} (what the experiment report reads to say the data are
     * synthetic).
     */
    static List<String> slideSources(Path slides, Path labels) throws IOException {
        List<String> sources = new ArrayList<>();
        sources.add("slides:" + slides.toAbsolutePath());
        sources.add("labels:" + labels.toAbsolutePath());
        SyntheticDatasetWriter.descriptionOf(slides)
                .ifPresent(f -> sources.add("synthetic:" + f.toAbsolutePath()));
        return sources;
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
