package org.lowmag.slide;

import com.sun.jna.Pointer;
import com.sun.jna.ptr.LongByReference;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.lowmag.tiff.AperioDescription;

/**
 * Reads slides through the OpenSlide C library (Aperio incl. JPEG 2000, Hamamatsu, MIRAX, Leica,
 * Ventana, generic tiled TIFF ...), bound with JNA. Every native error becomes an {@link
 * IOException} naming the file; after one, OpenSlide refuses further reads on that handle.
 *
 * <p>Regions are read from the level {@link LevelChooser} picks and area-averaged like the TIFF
 * reader. OpenSlide maps level pixel {@code k} to level-0 {@code k * downsample} with one
 * downsample per level; a block read starts at level-0 {@code round(k * downsample)}. Pixels come
 * premultiplied ARGB and are composited onto white ({@code c_p + 255 - a}), so transparent areas
 * are white. Metadata: {@code openslide.mpp-x/-y}, {@code openslide.objective-power}, {@code
 * openslide.vendor}.
 *
 * <p>Thread-safety: OpenSlide handles are thread-safe, so {@link #readRegion} and {@link
 * #readAssociatedImage} may run concurrently; {@link #close} waits for reads in progress.
 */
public final class OpenSlideReader extends AbstractSlideReader {

    private final Path path;
    private final OpenSlideLibrary lib;
    private final Pointer osr;
    private final SlideMetadata metadata;

    private OpenSlideReader(Path path, OpenSlideLibrary lib, Pointer osr) throws IOException {
        this.path = path;
        this.lib = lib;
        this.osr = osr;
        this.metadata = readMetadata();
    }

    /**
     * @return whether the OpenSlide library could be loaded
     */
    public static boolean isAvailable() {
        return OpenSlideLibrary.get().isPresent();
    }

    /**
     * @return the loaded OpenSlide version, or a line saying why it is not available
     */
    public static String describeAvailability() {
        return OpenSlideLibrary.get()
                .map(l -> "OpenSlide " + l.openslide_get_version())
                .orElseGet(
                        () ->
                                "OpenSlide not available ("
                                        + OpenSlideLibrary.loadFailure().orElse("")
                                        + "); install libopenslide0 (Debian/Ubuntu)");
    }

    /**
     * @param path a file
     * @return whether OpenSlide recognises it (without opening it fully); false when OpenSlide is
     *     not available
     */
    public static boolean canOpen(Path path) {
        return OpenSlideLibrary.get()
                .map(l -> l.openslide_detect_vendor(path.toString()) != null)
                .orElse(false);
    }

    /**
     * Opens a slide.
     *
     * @param path the file
     * @return the reader
     * @throws UnsupportedSlideException when OpenSlide is not available or does not recognise the
     *     file
     * @throws IOException when OpenSlide recognises the file but cannot open it
     */
    public static OpenSlideReader open(Path path) throws IOException {
        OpenSlideLibrary lib =
                OpenSlideLibrary.get()
                        .orElseThrow(
                                () ->
                                        new UnsupportedSlideException(
                                                path + ": " + describeAvailability()));
        Pointer osr = lib.openslide_open(path.toString());
        if (osr == null) {
            throw new UnsupportedSlideException(
                    path
                            + ": OpenSlide "
                            + lib.openslide_get_version()
                            + " does not recognise this file format");
        }
        String error = lib.openslide_get_error(osr);
        if (error != null) {
            lib.openslide_close(osr);
            throw new IOException(path + ": OpenSlide cannot open it: " + error);
        }
        boolean ok = false;
        try {
            OpenSlideReader reader = new OpenSlideReader(path, lib, osr);
            ok = true;
            return reader;
        } finally {
            if (!ok) {
                lib.openslide_close(osr);
            }
        }
    }

    @Override
    public SlideMetadata metadata() {
        return metadata;
    }

    @Override
    public String backend() {
        return "openslide";
    }

    private SlideMetadata readMetadata() throws IOException {
        int levels = lib.openslide_get_level_count(osr);
        check("reading the level count");
        List<Long> widths = new ArrayList<>();
        List<Long> heights = new ArrayList<>();
        List<Double> downsamples = new ArrayList<>();
        for (int level = 0; level < levels; level++) {
            long[] size = levelSize(level);
            widths.add(size[0]);
            heights.add(size[1]);
            downsamples.add(lib.openslide_get_level_downsample(osr, level));
            check("reading level " + level);
        }
        Map<String, String> props = new LinkedHashMap<>();
        for (String name : strings(lib.openslide_get_property_names(osr))) {
            props.put(name, lib.openslide_get_property_value(osr, name));
        }
        List<String> associated = strings(lib.openslide_get_associated_image_names(osr));
        check("reading properties");
        return new SlideMetadata(
                path.toString(),
                widths.get(0),
                heights.get(0),
                widths,
                heights,
                downsamples,
                positive(props.get("openslide.mpp-x")),
                positive(props.get("openslide.mpp-y")),
                positive(props.get("openslide.objective-power")),
                props.getOrDefault("openslide.vendor", "unknown"),
                associated,
                props);
    }

    private long[] levelSize(int level) throws IOException {
        LongByReference w = new LongByReference();
        LongByReference h = new LongByReference();
        lib.openslide_get_level_dimensions(osr, level, w, h);
        check("reading the size of level " + level);
        return new long[] {w.getValue(), h.getValue()};
    }

    private static List<String> strings(Pointer array) {
        return array == null ? List.of() : List.of(array.getStringArray(0));
    }

    private static OptionalDouble positive(String value) {
        return AperioDescription.positive(value);
    }

    private void check(String what) throws IOException {
        String error = lib.openslide_get_error(osr);
        if (error != null) {
            throw new IOException(path + ": OpenSlide failed " + what + ": " + error);
        }
    }

    @Override
    LevelPixelSource pixels() {
        return new LevelPixelSource() {
            @Override
            public double downsampleX(int level) {
                return metadata.downsamples().get(level);
            }

            @Override
            public double downsampleY(int level) {
                return metadata.downsamples().get(level);
            }

            @Override
            public int[] readLevel(int level, long x, long y, int width, int height)
                    throws IOException {
                double ds = metadata.downsamples().get(level);
                int[] argb = new int[Math.multiplyExact(width, height)];
                lib.openslide_read_region(
                        osr, argb, Math.round(x * ds), Math.round(y * ds), level, width, height);
                check(String.format("reading %dx%d pixels at level %d", width, height, level));
                for (int i = 0; i < argb.length; i++) {
                    argb[i] = RgbPixels.premultipliedOverWhite(argb[i]);
                }
                return argb;
            }
        };
    }

    @Override
    BufferedImage readAssociated(String name) throws IOException {
        LongByReference w = new LongByReference();
        LongByReference h = new LongByReference();
        lib.openslide_get_associated_image_dimensions(osr, name, w, h);
        check("reading the size of associated image '" + name + "'");
        int width = Math.toIntExact(w.getValue());
        int height = Math.toIntExact(h.getValue());
        int[] argb = new int[Math.multiplyExact(width, height)];
        lib.openslide_read_associated_image(osr, name, argb);
        check("reading associated image '" + name + "'");
        for (int i = 0; i < argb.length; i++) {
            argb[i] = RgbPixels.premultipliedOverWhite(argb[i]);
        }
        return toImage(argb, width, height);
    }

    @Override
    void release() {
        lib.openslide_close(osr);
    }
}
