package org.lowmag.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.lowmag.slide.OpenSlideReader;
import org.lowmag.slide.RegionRequest;
import org.lowmag.slide.SlideMetadata;
import org.lowmag.slide.SlideReader;
import org.lowmag.slide.TiffSlideReader;

/**
 * Slide reading: seconds to read every 512x512 level-0 region of a grid covering a slide (the
 * partial regions at the right and bottom edges left out) with a freshly opened reader, pure-Java
 * {@link TiffSlideReader} against {@link OpenSlideReader} (each with its own tile cache, cold at
 * the start of every repetition). Keys: {@code slide/tiff} and {@code slide/openslide} (seconds for
 * all regions, their count in the note). Prints a message and writes nothing when the slide or
 * OpenSlide is absent.
 *
 * <p>Usage: {@code SlideReadBench --raw FILE --slide PATH [--warmup 1] [--reps 3]}.
 */
public final class SlideReadBench {

    private static final int SIDE_PX = 512;

    private SlideReadBench() {}

    /** Opens a reader. */
    @FunctionalInterface
    private interface Opener {
        SlideReader open(Path p) throws java.io.IOException;
    }

    /**
     * @param args see the class comment
     * @throws Exception when reading fails
     */
    public static void main(String[] args) throws Exception {
        BenchArgs a = new BenchArgs(args);
        Path slide = a.path("slide");
        if (!Files.isRegularFile(slide)) {
            System.out.println("  slide benchmark skipped: " + slide + " is absent");
            return;
        }
        RawResults raw = new RawResults(a.path("raw"));
        List<RegionRequest> regions = grid(slide);
        time(raw, "slide/tiff", TiffSlideReader::open, slide, regions, a);
        if (!OpenSlideReader.isAvailable()) {
            System.out.println(
                    "  OpenSlide reference skipped: " + OpenSlideReader.describeAvailability());
            return;
        }
        time(raw, "slide/openslide", OpenSlideReader::open, slide, regions, a);
    }

    private static List<RegionRequest> grid(Path slide) throws java.io.IOException {
        List<RegionRequest> out = new ArrayList<>();
        try (SlideReader r = TiffSlideReader.open(slide)) {
            SlideMetadata m = r.metadata();
            for (long y = 0; y + SIDE_PX <= m.heightPx(); y += SIDE_PX) {
                for (long x = 0; x + SIDE_PX <= m.widthPx(); x += SIDE_PX) {
                    out.add(new RegionRequest(x, y, SIDE_PX, SIDE_PX, 1.0));
                }
            }
        }
        return out;
    }

    private static void time(
            RawResults raw,
            String key,
            Opener opener,
            Path slide,
            List<RegionRequest> regions,
            BenchArgs a)
            throws Exception {
        Samples s =
                Samples.seconds(
                        a.integer("warmup", 1),
                        a.integer("reps", 3),
                        () -> {
                            try (SlideReader r = opener.open(slide)) {
                                for (RegionRequest q : regions) {
                                    r.readRegion(q);
                                }
                            }
                        });
        raw.add(
                key,
                "regions/s",
                s.map(v -> regions.size() / v),
                regions.size()
                        + " regions of "
                        + SIDE_PX
                        + "x"
                        + SIDE_PX
                        + " px at level 0 of "
                        + slide.getFileName()
                        + " (open included)");
    }
}
