package org.lowmag.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.lowmag.dataset.ImageFiles;
import org.lowmag.dataset.Magnification;
import org.lowmag.dataset.TissueRecord;
import org.lowmag.prepare.ImageFolderInput;
import org.lowmag.prepare.PrepareConfig;
import org.lowmag.prepare.PrepareItem;
import org.lowmag.prepare.PrepareJob;
import org.lowmag.prepare.TissueCutter;
import org.lowmag.resample.LanczosResampler;
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
                    + " and skipped (exit 1 at the end)."
        })
final class PrepareCommand implements Callable<Integer> {

    @ArgGroup(exclusive = true, multiplicity = "1")
    Input input;

    static final class Input {
        @Option(
                names = "--images",
                description =
                        "Image folder: class sub-folders, or images listed by --manifest."
                                + " Each image is one tissue.")
        Path images;

        @Option(names = "--slides", description = "Folder of whole-slide images (with --labels).")
        Path slides;
    }

    @Option(
            names = "--manifest",
            description = "CSV image,label,group for --images (empty label = unlabelled).")
    Path manifest;

    @Option(
            names = "--labels",
            description = "CSV slide,patient,label for --slides (empty label = unlabelled).")
    Path labels;

    @Option(
            names = "--source-mag",
            description =
                    "Magnification of the inputs when they do not record it (required for"
                            + " --images; 10x = 1 um/px).")
    String sourceMag;

    @Option(names = "--out", required = true, description = "Dataset folder to write.")
    Path out;

    @Option(
            names = "--mags",
            defaultValue = "10,5,2.5,1.25,0.625",
            split = ",",
            description = "Magnifications to cut (default: ${DEFAULT-VALUE}).")
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
        PrepareConfig cfg =
                new PrepareConfig(
                        out,
                        mags.stream().map(Magnification::parse).toList(),
                        fractions,
                        unlabeledPercent,
                        seed,
                        force);
        PrepareJob.Result result;
        if (input.images != null) {
            if (sourceMag == null) {
                throw new IllegalArgumentException(
                        "--images needs --source-mag: plain images record no magnification");
            }
            result = prepareImages(cfg, Magnification.parse(sourceMag));
        } else {
            throw new IllegalArgumentException("--slides is not available in this build yet");
        }
        System.err.printf("prepared %d tissues into %s%n", result.tissues(), out);
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
                        return List.of(
                                new TissueRecord(
                                        it.id(),
                                        it.file().toString(),
                                        it.group(),
                                        it.label(),
                                        "",
                                        imgs));
                    },
                    source,
                    Arrays.asList(
                            "images:" + input.images.toAbsolutePath(),
                            "manifest:" + (manifest == null ? "" : manifest.toAbsolutePath())));
        }
    }
}
