package org.lowmag.slide;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.LongByReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The part of OpenSlide's C API (3.4.1, unchanged in 4.x) that LowMag uses, bound through JNA.
 * Handles ({@code openslide_t *}) are {@link Pointer}s. Loaded once: from the system property
 * {@code lowmag.openslide.library} when set, else {@code openslide}, {@code libopenslide.so.0}
 * (Debian's libopenslide0) or {@code libopenslide.so.1}.
 */
interface OpenSlideLibrary extends Library {

    /** System property naming the OpenSlide shared library (a name or an absolute path). */
    String LIBRARY_PROPERTY = "lowmag.openslide.library";

    /**
     * @param filename the slide file
     * @return a handle, NULL when no vendor recognises the file; check {@link #openslide_get_error}
     */
    Pointer openslide_open(String filename);

    /**
     * @param filename the slide file
     * @return the vendor that would open it, or null
     */
    String openslide_detect_vendor(String filename);

    /**
     * @param osr a handle
     * @return the handle's error, or null; once set, every call on it fails
     */
    String openslide_get_error(Pointer osr);

    /**
     * @param osr a handle
     * @return the number of levels, or -1 on error
     */
    int openslide_get_level_count(Pointer osr);

    /**
     * @param osr a handle
     * @param level a level
     * @param w receives the width (-1 on error)
     * @param h receives the height (-1 on error)
     */
    void openslide_get_level_dimensions(
            Pointer osr, int level, LongByReference w, LongByReference h);

    /**
     * @param osr a handle
     * @param level a level
     * @return its downsample, or -1 on error
     */
    double openslide_get_level_downsample(Pointer osr, int level);

    /**
     * Reads premultiplied ARGB pixels.
     *
     * @param osr a handle
     * @param dest {@code w * h} pixels
     * @param x left edge in level-0 pixels
     * @param y top edge in level-0 pixels
     * @param level the level to read
     * @param w width in level pixels
     * @param h height in level pixels
     */
    void openslide_read_region(Pointer osr, int[] dest, long x, long y, int level, long w, long h);

    /**
     * @param osr a handle
     * @return a NULL-terminated array of property names
     */
    Pointer openslide_get_property_names(Pointer osr);

    /**
     * @param osr a handle
     * @param name a property name
     * @return its value, or null
     */
    String openslide_get_property_value(Pointer osr, String name);

    /**
     * @param osr a handle
     * @return a NULL-terminated array of associated image names
     */
    Pointer openslide_get_associated_image_names(Pointer osr);

    /**
     * @param osr a handle
     * @param name an associated image
     * @param w receives the width
     * @param h receives the height
     */
    void openslide_get_associated_image_dimensions(
            Pointer osr, String name, LongByReference w, LongByReference h);

    /**
     * @param osr a handle
     * @param name an associated image
     * @param dest its {@code w * h} premultiplied ARGB pixels
     */
    void openslide_read_associated_image(Pointer osr, String name, int[] dest);

    /**
     * @param osr a handle, invalid afterwards
     */
    void openslide_close(Pointer osr);

    /**
     * @return OpenSlide's version
     */
    String openslide_get_version();

    /**
     * @return the loaded library, or empty when OpenSlide is not installed
     */
    static Optional<OpenSlideLibrary> get() {
        return Loader.LIBRARY;
    }

    /**
     * @return why loading failed (the names tried and the last error), or empty when loaded
     */
    static Optional<String> loadFailure() {
        return Loader.FAILURE;
    }

    /** Loads the library once, lazily. */
    final class Loader {
        static final Optional<String> FAILURE;
        static final Optional<OpenSlideLibrary> LIBRARY;

        static {
            List<String> tried = new ArrayList<>();
            OpenSlideLibrary lib = null;
            String lastError = "";
            for (String name : candidates()) {
                tried.add(name);
                try {
                    lib = Native.load(name, OpenSlideLibrary.class);
                    break;
                } catch (UnsatisfiedLinkError e) {
                    lastError = e.getMessage();
                }
            }
            LIBRARY = Optional.ofNullable(lib);
            FAILURE =
                    lib != null
                            ? Optional.empty()
                            : Optional.of("tried " + tried + ": " + firstLine(lastError));
        }

        private Loader() {}

        private static List<String> candidates() {
            String explicit = System.getProperty(LIBRARY_PROPERTY);
            if (explicit != null && !explicit.isBlank()) {
                return List.of(explicit);
            }
            return List.of("openslide", "libopenslide.so.0", "libopenslide.so.1");
        }

        private static String firstLine(String s) {
            if (s == null) {
                return "";
            }
            int nl = s.indexOf('\n');
            return nl < 0 ? s : s.substring(0, nl);
        }
    }
}
