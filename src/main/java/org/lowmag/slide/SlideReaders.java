package org.lowmag.slide;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.lowmag.tiff.RandomAccessSource;

/**
 * Opens a slide with the right backend, chosen from the file's extension and first bytes.
 *
 * <ol>
 *   <li>Formats only OpenSlide knows ({@link #OPENSLIDE_EXTENSIONS}: .ndpi, .mrxs, .scn, .vms,
 *       .vmu, .bif, .svslide): {@link OpenSlideReader}.
 *   <li>A TIFF header (SVS, TIFF, BigTIFF): {@link TiffSlideReader} (pure Java); when it throws
 *       {@link UnsupportedSlideException} (e.g. JPEG 2000 tiles), {@link OpenSlideReader}.
 *   <li>A PNG, JPEG, BMP or GIF header: {@link ImageSlideReader}.
 *   <li>Anything else: OpenSlide when it recognises the file, else ImageIO.
 * </ol>
 *
 * A missing file gives {@link NoSuchFileException}; a corrupt or truncated one an {@link
 * IOException} from the backend; a format no backend reads an {@link UnsupportedSlideException}
 * that lists the backends tried and why each refused.
 */
public final class SlideReaders {

    /** Extensions handed straight to OpenSlide (TIFF-like but not readable as plain TIFF). */
    public static final Set<String> OPENSLIDE_EXTENSIONS =
            Set.of("ndpi", "mrxs", "scn", "vms", "vmu", "bif", "svslide");

    private SlideReaders() {}

    /** What a file's first bytes say it is. */
    enum Signature {
        TIFF,
        IMAGE,
        UNKNOWN
    }

    /**
     * @param path a slide or image file
     * @return a reader; close it
     * @throws NoSuchFileException when the file is missing
     * @throws UnsupportedSlideException when no backend reads the format
     * @throws IOException when the file is unreadable, truncated or corrupt
     */
    public static SlideReader open(Path path) throws IOException {
        Signature signature = signature(path);
        String ext = extension(path);
        List<String> refusals = new ArrayList<>();
        if (OPENSLIDE_EXTENSIONS.contains(ext)) {
            return openSlide(path, refusals);
        }
        switch (signature) {
            case TIFF:
                try {
                    return TiffSlideReader.open(path);
                } catch (UnsupportedSlideException e) {
                    refusals.add("tiff: " + withoutPath(e.getMessage(), path));
                }
                return openSlide(path, refusals);
            case IMAGE:
                return ImageSlideReader.open(path);
            default:
                refusals.add("tiff: no TIFF header");
                if (OpenSlideReader.canOpen(path)) {
                    return OpenSlideReader.open(path);
                }
                refusals.add(
                        OpenSlideReader.isAvailable()
                                ? "openslide: does not recognise the format"
                                : "openslide: " + OpenSlideReader.describeAvailability());
                try {
                    return ImageSlideReader.open(path);
                } catch (UnsupportedSlideException e) {
                    refusals.add("image: not a PNG, JPEG, BMP or GIF image");
                }
                throw unsupported(path, refusals);
        }
    }

    /**
     * Opens a slide that need not be a local file: a TIFF header (read through the location's
     * random-access bytes) goes to {@link TiffSlideReader}, which then reads only the tiles a
     * region needs; OpenSlide's own formats ({@link #OPENSLIDE_EXTENSIONS}), a TIFF the pure-Java
     * reader refuses (JPEG 2000) and every other format are opened as {@link #open(Path)} opens the
     * location's {@link SlideLocation#localFile() local file}.
     *
     * @param location the slide
     * @return a reader; close it
     * @throws java.nio.file.NoSuchFileException when the slide is missing
     * @throws UnsupportedSlideException when no backend reads the format
     * @throws IOException when the slide is unreadable, truncated or corrupt
     */
    public static SlideReader open(SlideLocation location) throws IOException {
        if (!OPENSLIDE_EXTENSIONS.contains(extension(location.name()))) {
            RandomAccessSource source = location.openSource();
            boolean tiff;
            try {
                ByteBuffer head = ByteBuffer.allocate(8);
                if (source.readUpTo(0, head) == 0) {
                    throw new IOException(location.name() + " is empty (0 bytes), not a slide");
                }
                tiff = classify(Arrays.copyOf(head.array(), head.position())) == Signature.TIFF;
            } catch (IOException | RuntimeException e) {
                source.close();
                throw e;
            }
            if (tiff) {
                try {
                    return TiffSlideReader.open(source); // owns the source from here
                } catch (UnsupportedSlideException e) {
                    // JPEG 2000 or the like: a local file for OpenSlide, as open(Path) falls back
                }
            } else {
                source.close();
            }
        }
        return open(location.localFile());
    }

    private static SlideReader openSlide(Path path, List<String> refusals) throws IOException {
        try {
            return OpenSlideReader.open(path);
        } catch (UnsupportedSlideException e) {
            refusals.add("openslide: " + withoutPath(e.getMessage(), path));
            throw unsupported(path, refusals);
        }
    }

    private static UnsupportedSlideException unsupported(Path path, List<String> refusals) {
        String reasons = String.join("; ", refusals);
        boolean hinted = reasons.contains("libopenslide0");
        return new UnsupportedSlideException(
                path
                        + ": unsupported or unrecognised slide format (backends tried: "
                        + reasons
                        + ")"
                        + (OpenSlideReader.isAvailable() || hinted
                                ? ""
                                : ". Installing OpenSlide (Debian/Ubuntu: libopenslide0) may help"));
    }

    /** Drops a leading "PATH: " or "PATH " from a backend's message (the caller names the file). */
    private static String withoutPath(String message, Path path) {
        String p = path.toString();
        if (message != null && message.startsWith(p)) {
            String rest = message.substring(p.length());
            return rest.startsWith(": ") ? rest.substring(2) : rest.stripLeading();
        }
        return message;
    }

    /**
     * @param path a file
     * @return what its first bytes say
     * @throws NoSuchFileException when it is missing
     * @throws IOException when it is a directory, not a regular file (a FIFO would block the read
     *     forever), unreadable or empty
     */
    static Signature signature(Path path) throws IOException {
        if (!Files.exists(path)) {
            throw new NoSuchFileException(path.toString());
        }
        if (Files.isDirectory(path)) {
            throw new IOException(path + " is a directory, not a slide file");
        }
        if (!Files.isRegularFile(path)) {
            throw new IOException(
                    path + " is not a regular file (a FIFO, socket or device?), not a slide file");
        }
        if (!Files.isReadable(path)) {
            throw new AccessDeniedException(path.toString(), null, "slide file is not readable");
        }
        byte[] head;
        try (InputStream in = Files.newInputStream(path)) {
            head = in.readNBytes(8);
        }
        if (head.length == 0) {
            throw new IOException(path + " is empty (0 bytes), not a slide");
        }
        return classify(head);
    }

    /**
     * @param head the first bytes of a file
     * @return TIFF for classic and BigTIFF headers, IMAGE for PNG, JPEG, BMP and GIF
     */
    static Signature classify(byte[] head) {
        if (head.length >= 4) {
            boolean ii = head[0] == 'I' && head[1] == 'I' && head[3] == 0;
            boolean mm = head[0] == 'M' && head[1] == 'M' && head[2] == 0;
            if ((ii && (head[2] == 42 || head[2] == 43))
                    || (mm && (head[3] == 42 || head[3] == 43))) {
                return Signature.TIFF;
            }
            boolean png = (head[0] & 0xFF) == 0x89 && head[1] == 'P' && head[2] == 'N';
            boolean jpeg = (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xD8;
            boolean gif = head[0] == 'G' && head[1] == 'I' && head[2] == 'F';
            if (png || jpeg || gif) {
                return Signature.IMAGE;
            }
        }
        if (head.length >= 2 && head[0] == 'B' && head[1] == 'M') {
            return Signature.IMAGE;
        }
        return Signature.UNKNOWN;
    }

    private static String extension(Path path) {
        return extension(path.getFileName() == null ? "" : path.getFileName().toString());
    }

    private static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
