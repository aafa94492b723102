package org.lowmag.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.lowmag.synthetic.SynthesisParams;
import org.lowmag.synthetic.SyntheticDatasetWriter;
import org.lowmag.synthetic.SyntheticSlides;
import org.lowmag.util.Progress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code lowmag synthesize}: a synthetic H&E whole-slide data set for demos and tests. */
@Command(
        name = "synthesize",
        mixinStandardHelpOptions = true,
        description = {
            "Write a synthetic H&E-like whole-slide data set: pyramidal Aperio-style TIFFs"
                    + " (DIR/slides/*.svs, readable by LowMag and OpenSlide), DIR/labels.csv"
                    + " (slide,patient,label; empty label = unlabelled), DIR/tissues.csv and"
                    + " DIR/synthetic.json.",
            "",
            "Classes: normal (regular glands, small round nuclei), dysplasia (same"
                    + " architecture, enlarged dark pleomorphic nuclei: visible only at high"
                    + " magnification) and carcinoma (disorganised architecture: visible at low"
                    + " magnification). Slides already written are kept, so an interrupted run can"
                    + " be repeated.",
        })
final class SynthesizeCommand implements Callable<Integer> {

    @Option(names = "--out", required = true, description = "Output folder.")
    Path out;

    @Option(
            names = "--slides-per-class",
            defaultValue = "8",
            description = "Labelled slides per class (default: ${DEFAULT-VALUE}).")
    int slidesPerClass;

    @Option(
            names = "--unlabeled",
            defaultValue = "16",
            description = "Unlabelled slides, classes withheld (default: ${DEFAULT-VALUE}).")
    int unlabeled;

    @Option(names = "--seed", defaultValue = "1", description = "Seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(
            names = "--mpp",
            description = "Micrometres per pixel at full resolution (default: 0.5 = 20x).")
    Double mpp;

    @Option(
            names = "--size-um",
            description = "Slide width,height in micrometres (default: 4000,3000).")
    String sizeUm;

    @Option(
            names = "--size",
            description =
                    "A full-size 40x slide for benchmarks instead of --mpp and --size-um:"
                            + " 1.2gp (0.25 um/px, 10000x7500 um = 40000x30000 px) or 10gp (0.25"
                            + " um/px, 28800x21600 um = 115200x86400 px); drawn with --draw-scale"
                            + " 4 unless it is given.")
    String size;

    @Option(
            names = "--draw-scale",
            description =
                    "Draw every Nth pixel a side and repeat it over N x N written pixels: N^2"
                            + " times less drawing, the finest detail lost (default: 1; 4 with"
                            + " --size).")
    Integer drawScale;

    @Option(
            names = "--pieces",
            defaultValue = "2,5",
            description = "Fewest,most tissue pieces per slide (default: ${DEFAULT-VALUE}).")
    String pieces;

    @Option(
            names = "--tissue-um",
            defaultValue = "500,2000",
            description =
                    "Smallest,largest tissue piece diameter in micrometres (default:"
                            + " ${DEFAULT-VALUE}).")
    String tissueUm;

    @Option(
            names = "--quality",
            defaultValue = "0.9",
            description = "JPEG quality of the tiles, in (0, 1] (default: ${DEFAULT-VALUE}).")
    double quality;

    @Option(
            names = "--threads",
            description = "Threads that draw and encode tiles (default: available processors).")
    Integer threads;

    @Override
    public Integer call() throws IOException {
        FullSize preset = size == null ? null : FullSize.parse(size);
        if (preset != null && (mpp != null || sizeUm != null)) {
            throw new UsageException(
                    "--size " + size + " sets the resolution and area: drop --mpp and --size-um");
        }
        double mppValue = preset != null ? FullSize.MPP : mpp == null ? 0.5 : mpp;
        String area = preset != null ? preset.sizeUm() : sizeUm == null ? "4000,3000" : sizeUm;
        int scale = drawScale != null ? drawScale : preset != null ? FullSize.DRAW_SCALE : 1;
        if (scale < 1 || scale > 16) {
            throw new UsageException("--draw-scale must be 1..16, got " + scale);
        }
        double[] size = parsePair("--size-um", area, "4000,3000");
        double[] pieceRange = parsePair("--pieces", pieces, "2,5");
        double[] tissueRange = parsePair("--tissue-um", tissueUm, "500,2000");
        if (pieceRange[0] != Math.rint(pieceRange[0])
                || pieceRange[1] != Math.rint(pieceRange[1])) {
            throw new UsageException(
                    "--pieces '" + pieces + "' must be two whole numbers MIN,MAX (e.g. 2,5)");
        }
        SynthesisParams params =
                UsageException.fromFlags(
                        () ->
                                new SynthesisParams(
                                        mppValue,
                                        size[0],
                                        size[1],
                                        (int) pieceRange[0],
                                        (int) pieceRange[1],
                                        tissueRange[0],
                                        tissueRange[1]));
        if (!(quality > 0 && quality <= 1)) {
            throw new UsageException("--quality must be in (0, 1], got " + quality);
        }
        int n = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (n < 1) {
            throw new UsageException("--threads must be >= 1, got " + n);
        }
        SyntheticDatasetWriter.Settings settings =
                UsageException.fromFlags(
                        () ->
                                new SyntheticDatasetWriter.Settings(
                                        seed, slidesPerClass, unlabeled, params, quality, scale));
        synthesize(out, settings, n);
        return 0;
    }

    /**
     * The full-size presets of {@code --size}: 40x (0.25 um/px) slides of about 1.2 and 10
     * gigapixels.
     *
     * @param sizeUm the area, {@code width,height} in micrometres
     */
    record FullSize(String sizeUm) {

        /** Their um/px: 40x. */
        static final double MPP = 0.25;

        /** Their default draw scale. */
        static final int DRAW_SCALE = 4;

        /**
         * @param name {@code 1.2gp} or {@code 10gp}
         * @return the preset
         * @throws UsageException for another name
         */
        static FullSize parse(String name) {
            return switch (name.toLowerCase(java.util.Locale.ROOT)) {
                case "1.2gp" -> new FullSize("10000,7500");
                case "10gp" -> new FullSize("28800,21600");
                default ->
                        throw new UsageException(
                                "--size must be 1.2gp or 10gp (40x slides), got '" + name + "'");
            };
        }
    }

    /**
     * Writes the data set and prints what was written.
     *
     * @param out the folder
     * @param settings what to generate
     * @param threads slides drawn at once
     * @throws IOException when files cannot be written
     */
    static void synthesize(Path out, SyntheticDatasetWriter.Settings settings, int threads)
            throws IOException {
        int total =
                SyntheticSlides.specs(
                                settings.seed(), settings.slidesPerClass(), settings.unlabelled())
                        .size();
        SyntheticDatasetWriter writer = new SyntheticDatasetWriter(settings, threads);
        writer.checkFolder(out);
        SyntheticDatasetWriter.Summary s;
        try (Progress progress = new Progress("synthesize", total, "slides")) {
            s = writer.write(out, progress);
        }
        System.out.printf(
                Locale.ROOT,
                "%d slides in %s: %d written, %d already present; %.1f MP drawn in %.1f s"
                        + " (%.2f MP/s)%n",
                total,
                out,
                s.written(),
                s.skipped(),
                s.pixels() / 1e6,
                s.seconds(),
                s.seconds() > 0 ? s.pixels() / 1e6 / s.seconds() : 0.0);
    }

    /**
     * Parses {@code A,B}.
     *
     * @param flag the option, for the message
     * @param text the value
     * @param example a valid value, for the message
     * @return the two numbers
     */
    static double[] parsePair(String flag, String text, String example) {
        String[] parts = text.split(",");
        String msg = flag + " '" + text + "' is not two numbers A,B (e.g. " + example + ")";
        if (parts.length != 2) {
            throw new UsageException(msg);
        }
        try {
            return new double[] {
                Double.parseDouble(parts[0].trim()), Double.parseDouble(parts[1].trim())
            };
        } catch (NumberFormatException e) {
            throw new UsageException(msg, e);
        }
    }
}
