package org.lowmag.cli;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.lowmag.dataset.ImageFiles;
import org.lowmag.resample.LanczosResampler;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code lowmag downsample}: Lanczos-3 downsampling of a plain image, as Pillow does it. */
@Command(
        name = "downsample",
        mixinStandardHelpOptions = true,
        description = {
            "Downsample a plain image (PNG, JPEG, TIFF) with a Lanczos-3 filter that matches"
                    + " Pillow's Image.resize(size, Image.LANCZOS).",
            "",
            "Output size: max(1, round(side / factor)), halves rounded up. The factor is --factor,"
                    + " or --source-mag / --mag (e.g. 20x to 5x is a factor of 4).",
        })
final class DownsampleCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "IN", description = "Input image.")
    Path input;

    @Option(
            names = "--out",
            required = true,
            paramLabel = "OUT",
            description = "Output image (.png, .jpg or .tif); written atomically.")
    Path output;

    @Option(
            names = "--factor",
            paramLabel = "F",
            description = "Input pixels per output pixel (e.g. 4; non-integers allowed).")
    Double factor;

    @Option(
            names = "--mag",
            converter = MagnificationConverter.class,
            paramLabel = "M",
            description = "Target magnification (e.g. 5 or 5x).")
    Double mag;

    @Option(
            names = "--source-mag",
            converter = MagnificationConverter.class,
            paramLabel = "S",
            description = "Magnification of IN (e.g. 20 or 20x); factor = S / M.")
    Double sourceMag;

    @Option(
            names = "--threads",
            paramLabel = "N",
            description = "Worker threads (default: available processors).")
    Integer threads;

    @Override
    public Integer call() throws IOException {
        double f = resolveFactor(factor, mag, sourceMag);
        int n = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (n < 1) {
            throw new UsageException("--threads must be at least 1, got " + n);
        }
        UsageException.fromFlags(() -> ImageFiles.formatOf(output));
        BufferedImage in = ImageFiles.read(input);
        long t0 = System.nanoTime();
        BufferedImage out;
        try (LanczosResampler resampler = new LanczosResampler(n)) {
            out = resampler.downsample(in, f);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        ImageFiles.write(output, out);
        System.out.printf(
                Locale.ROOT,
                "wrote %s: %dx%d from %dx%d (factor %s, Lanczos-3, %.2f s, %d threads)%n",
                output,
                out.getWidth(),
                out.getHeight(),
                in.getWidth(),
                in.getHeight(),
                format(f),
                seconds,
                n);
        return 0;
    }

    /**
     * @return the factor from {@code --factor} or {@code --source-mag / --mag}
     */
    static double resolveFactor(Double factor, Double mag, Double sourceMag) {
        boolean byMag = mag != null || sourceMag != null;
        if (factor != null && byMag) {
            throw new UsageException("give either --factor or --mag with --source-mag");
        }
        if (factor == null && !byMag) {
            throw new UsageException("give --factor F, or --mag M with --source-mag S");
        }
        if (byMag && (mag == null || sourceMag == null)) {
            throw new UsageException("--mag and --source-mag must be given together");
        }
        double f = factor != null ? factor : sourceMag / mag;
        if (!(f > 0) || Double.isInfinite(f)) {
            throw new UsageException("the factor must be a finite number > 0, got " + format(f));
        }
        return f;
    }

    private static String format(double v) {
        return String.format(Locale.ROOT, "%.6g", v).replaceAll("\\.?0+$", "");
    }
}
