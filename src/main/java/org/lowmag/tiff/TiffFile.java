package org.lowmag.tiff;

import com.twelvemonkeys.imageio.metadata.CompoundDirectory;
import com.twelvemonkeys.imageio.metadata.Directory;
import com.twelvemonkeys.imageio.metadata.tiff.TIFFReader;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import javax.imageio.stream.ImageInputStream;

/**
 * File-level TIFF checks for the slide reader: the header (classic or BigTIFF, byte order), the
 * directories (read with TwelveMonkeys' metadata reader), and whether the pyramid uses a
 * compression and sample format the pure-Java path decodes.
 */
public final class TiffFile {

    /** Compressions decoded in pure Java: none, LZW, JPEG, Deflate (two codes), PackBits. */
    public static final Set<Integer> SUPPORTED_COMPRESSIONS = Set.of(1, 5, 7, 8, 32946, 32773);

    /** JPEG 2000 compression codes (Aperio YCbCr and RGB, and the generic one). */
    static final Set<Integer> JPEG2000_COMPRESSIONS = Set.of(33003, 33005, 34712);

    private TiffFile() {}

    /**
     * Reads the header.
     *
     * @param source the file
     * @param size the file's size in bytes
     * @return the byte order
     * @throws UnsupportedTiffException when there is no TIFF header
     * @throws IOException when the first directory lies past the end (truncated file)
     */
    public static ByteOrder readHeader(RandomAccessSource source, long size) throws IOException {
        String path = source.name();
        ByteBuffer head = ByteBuffer.allocate(16);
        source.readUpTo(0, head);
        byte[] b = head.array();
        ByteOrder order;
        if (b[0] == 'I' && b[1] == 'I' && (b[2] == 42 || b[2] == 43) && b[3] == 0) {
            order = ByteOrder.LITTLE_ENDIAN;
        } else if (b[0] == 'M' && b[1] == 'M' && b[2] == 0 && (b[3] == 42 || b[3] == 43)) {
            order = ByteOrder.BIG_ENDIAN;
        } else {
            throw new UnsupportedTiffException(path + " is not a TIFF file (no TIFF header)");
        }
        head.order(order);
        boolean big = head.getShort(2) == 43;
        long firstIfd = big ? head.getLong(8) : head.getInt(4) & 0xFFFFFFFFL;
        if (head.position() < (big ? 16 : 8)) {
            throw new IOException(
                    path + " is truncated: it has " + size + " bytes, less than a TIFF header");
        }
        if (firstIfd < (big ? 16 : 8)) {
            throw new IOException(
                    String.format(
                            "%s is corrupt: its header puts the first TIFF directory at byte %d,"
                                    + " inside the header itself",
                            path, firstIfd));
        }
        if (firstIfd >= size) {
            throw new IOException(
                    String.format(
                            "%s is truncated or corrupt: its first TIFF directory should start at"
                                    + " byte %d but the file has %d bytes",
                            path, firstIfd, size));
        }
        return order;
    }

    /**
     * @param source the file
     * @return the tags of every IFD in file order, at least one
     * @throws IOException when the directories are truncated or invalid
     */
    public static List<TiffTags> readDirectories(RandomAccessSource source) throws IOException {
        String path = source.name();
        Directory root;
        try (ImageInputStream in = new SourceImageInputStream(source)) {
            root = new TIFFReader().read(in);
        } catch (EOFException e) {
            throw new IOException(
                    path + " is truncated or corrupt: its TIFF directories end early", e);
        } catch (IOException | IllegalArgumentException | IndexOutOfBoundsException e) {
            throw new IOException(path + " is not a valid TIFF file: " + e.getMessage(), e);
        }
        List<TiffTags> ifds = new ArrayList<>();
        if (root instanceof CompoundDirectory compound) {
            for (int i = 0; i < compound.directoryCount(); i++) {
                ifds.add(new TiffTags(compound.getDirectory(i), path + " (IFD " + i + ")"));
            }
        } else {
            ifds.add(new TiffTags(root, path + " (IFD 0)"));
        }
        if (ifds.isEmpty()) {
            throw new IOException(
                    path + " has no readable TIFF directory: the file is truncated or corrupt");
        }
        return ifds;
    }

    /**
     * @param path the file, for messages (a path or URI)
     * @param layout its levels
     * @param jpeg2000Hint appended to the JPEG 2000 refusal (what else may read the file), or empty
     * @throws UnsupportedTiffException when a level uses JPEG 2000, another compression or a sample
     *     format the pure-Java path cannot decode
     */
    public static void checkDecodable(String path, TiffLayout layout, String jpeg2000Hint)
            throws IOException {
        for (TiffPage level : layout.levels()) {
            if (JPEG2000_COMPRESSIONS.contains(level.compression)) {
                throw new UnsupportedTiffException(
                        path
                                + " uses JPEG 2000 tiles (TIFF compression "
                                + level.compression
                                + "), which the pure-Java TIFF reader cannot decode"
                                + jpeg2000Hint);
            }
            if (!SUPPORTED_COMPRESSIONS.contains(level.compression)) {
                throw new UnsupportedTiffException(
                        path
                                + ": TIFF compression "
                                + level.compression
                                + " of IFD "
                                + level.ifd
                                + " is not supported by the pure-Java TIFF reader");
            }
            checkSamples(path, level);
        }
    }

    private static void checkSamples(String path, TiffPage page) throws UnsupportedTiffException {
        Object bits = page.decodeTags().get(TiffTags.BITS_PER_SAMPLE);
        long[] values =
                bits instanceof int[] a
                        ? Arrays.stream(a).asLongStream().toArray()
                        : bits instanceof Number n ? new long[] {n.longValue()} : new long[] {1};
        Object format = page.decodeTags().get(TiffTags.SAMPLE_FORMAT);
        boolean unsignedInts =
                format == null
                        || (format instanceof Number n && n.intValue() == 1)
                        || (format instanceof int[] a && Arrays.stream(a).allMatch(f -> f == 1));
        boolean bitsOk = Arrays.stream(values).allMatch(b -> b == 8 || b == 16);
        if (!bitsOk || !unsignedInts) {
            throw new UnsupportedTiffException(
                    path
                            + ": IFD "
                            + page.ifd
                            + " has "
                            + Arrays.toString(values)
                            + " bits per sample (sample format "
                            + format
                            + "); the pure-Java TIFF reader reads 8- or 16-bit unsigned samples");
        }
    }
}
