package org.lowmag.tiff;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * Writes, at test time, an OME-TIFF pyramid the way Bio-Formats' writer (and so QuPath) lays it
 * out: level 0 in IFD 0 with the OME-XML in its ImageDescription, the reduced levels as SubIFDs of
 * IFD 0 (NewSubfileType 1), tiles JPEG-compressed as complete JFIF streams (YCbCr, 4:2:0, the JDK's
 * JPEG encoder) while PhotometricInterpretation says RGB (2) and no YCbCrSubsampling is given. A
 * decoder that trusts the tag shows the YCbCr samples as RGB (false green and pink).
 *
 * <p>Pixels: level {@code L} pixel {@code (x, y)} is {@link #pixel} at level-0 position {@code (x
 * 2^L, y 2^L)}: a near-white background with one tissue rectangle (the middle half in each
 * direction) of {@link #BLOCK_PX} blocks alternating eosin pink {@link #PINK} and haematoxylin
 * purple {@link #PURPLE}. Level {@code L} is {@code ceil(w / 2^L) x ceil(h / 2^L)}.
 */
public final class OmeTiffFixture {

    /** Background (near white). */
    public static final int BACKGROUND = 0xF2F2F2;

    /** Eosin pink, RGB (232, 150, 200). */
    public static final int PINK = 0xE896C8;

    /** Haematoxylin purple, RGB (120, 80, 160). */
    public static final int PURPLE = 0x7850A0;

    /** Side of the colour blocks of the tissue, in level-0 pixels. */
    public static final int BLOCK_PX = 128;

    private OmeTiffFixture() {}

    /**
     * @param x level-0 x
     * @param y level-0 y
     * @param widthPx level-0 width
     * @param heightPx level-0 height
     * @return the packed RGB there
     */
    public static int pixel(long x, long y, int widthPx, int heightPx) {
        boolean tissue =
                x >= widthPx / 4
                        && x < widthPx * 3L / 4
                        && y >= heightPx / 4
                        && y < heightPx * 3L / 4;
        if (!tissue) {
            return BACKGROUND;
        }
        return ((x / BLOCK_PX + y / BLOCK_PX) & 1) == 0 ? PINK : PURPLE;
    }

    /**
     * OME-XML as Bio-Formats writes it for an RGB slide: its warning comment before the root,
     * physical sizes in {@code µm}, one objective with its nominal magnification, one 3-sample
     * channel.
     *
     * @param widthPx level-0 width
     * @param heightPx level-0 height
     * @param mppX micrometres per pixel across
     * @param mppY micrometres per pixel down
     * @param magnification the objective's nominal magnification
     * @param channel the channel's name
     * @return the XML
     */
    public static String omeXml(
            int widthPx,
            int heightPx,
            double mppX,
            double mppY,
            double magnification,
            String channel) {
        return String.format(
                Locale.ROOT,
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                        + "<!-- Warning: this comment is an OME-XML metadata block, which contains"
                        + " crucial dimensional parameters and other important metadata. Please"
                        + " edit cautiously (if at all), and back up the original data before"
                        + " doing so. For more information, see the OME-TIFF documentation:"
                        + " https://docs.openmicroscopy.org/latest/ome-model/ome-tiff/. -->"
                        + "<OME xmlns=\"http://www.openmicroscopy.org/Schemas/OME/2016-06\""
                        + " Creator=\"OME Bio-Formats 7.0.0\">"
                        + "<Instrument ID=\"Instrument:0\">"
                        + "<Objective ID=\"Objective:0:0\" NominalMagnification=\"%s\"/>"
                        + "</Instrument>"
                        + "<Image ID=\"Image:0\" Name=\"slide\">"
                        + "<InstrumentRef ID=\"Instrument:0\"/>"
                        + "<ObjectiveSettings ID=\"Objective:0:0\"/>"
                        + "<Pixels BigEndian=\"false\" DimensionOrder=\"XYCZT\" ID=\"Pixels:0\""
                        + " Interleaved=\"true\" PhysicalSizeX=\"%s\" PhysicalSizeXUnit=\"µm\""
                        + " PhysicalSizeY=\"%s\" PhysicalSizeYUnit=\"µm\" SignificantBits=\"8\""
                        + " SizeC=\"3\" SizeT=\"1\" SizeX=\"%d\" SizeY=\"%d\" SizeZ=\"1\""
                        + " Type=\"uint8\">"
                        + "<Channel ID=\"Channel:0:0\" Name=\"%s\" SamplesPerPixel=\"3\">"
                        + "<LightPath/></Channel>"
                        + "<TiffData FirstC=\"0\" FirstT=\"0\" FirstZ=\"0\" IFD=\"0\""
                        + " PlaneCount=\"1\"/>"
                        + "</Pixels></Image></OME>",
                magnification,
                mppX,
                mppY,
                widthPx,
                heightPx,
                channel);
    }

    /**
     * Writes the pyramid.
     *
     * @param file the target
     * @param widthPx level-0 width
     * @param heightPx level-0 height
     * @param levels number of levels (IFD 0 and {@code levels - 1} SubIFDs)
     * @param tilePx tile side, a multiple of 16
     * @param description IFD 0's ImageDescription (the OME-XML)
     * @return the file
     * @throws IOException when writing fails
     */
    public static Path write(
            Path file, int widthPx, int heightPx, int levels, int tilePx, String description)
            throws IOException {
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        data.write(new byte[8]);
        List<TiffIfdEncoder> ifds = new ArrayList<>();
        for (int level = 0; level < levels; level++) {
            int w = (widthPx + (1 << level) - 1) >> level;
            int h = (heightPx + (1 << level) - 1) >> level;
            int across = (w + tilePx - 1) / tilePx;
            int down = (h + tilePx - 1) / tilePx;
            long[] offsets = new long[across * down];
            long[] counts = new long[offsets.length];
            for (int t = 0; t < offsets.length; t++) {
                byte[] jpeg =
                        jfif(
                                tile(
                                        t % across * tilePx,
                                        t / across * tilePx,
                                        tilePx,
                                        level,
                                        widthPx,
                                        heightPx));
                offsets[t] = data.size();
                counts[t] = jpeg.length;
                data.write(jpeg);
                if ((data.size() & 1) == 1) {
                    data.write(0);
                }
            }
            ifds.add(ifd(level, w, h, tilePx, offsets, counts));
        }
        ifds.get(0).ascii(TiffTags.IMAGE_DESCRIPTION, description);
        long[] subIfds = new long[levels - 1];
        ifds.get(0).longs(TiffTags.SUB_IFDS, subIfds); // placeholder: same size as the real offsets
        long at = data.size();
        long[] starts = new long[levels];
        for (int i = 0; i < levels; i++) {
            starts[i] = at;
            at += ifds.get(i).byteSize();
        }
        System.arraycopy(starts, 1, subIfds, 0, levels - 1);
        if (levels > 1) {
            ifds.get(0).longs(TiffTags.SUB_IFDS, subIfds);
        }
        try (FileChannel out =
                FileChannel.open(
                        file,
                        StandardOpenOption.CREATE,
                        StandardOpenOption.WRITE,
                        StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer head = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
            head.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt((int) starts[0]);
            byte[] bytes = data.toByteArray();
            System.arraycopy(head.array(), 0, bytes, 0, 8);
            out.write(ByteBuffer.wrap(bytes));
            for (int i = 0; i < levels; i++) {
                out.write(ifds.get(i).layout(starts[i], 0));
            }
        }
        return file;
    }

    private static TiffIfdEncoder ifd(
            int level, int w, int h, int tilePx, long[] offsets, long[] counts) {
        TiffIfdEncoder e = new TiffIfdEncoder();
        e.longs(TiffTags.NEW_SUBFILE_TYPE, level > 0 ? 1 : 0);
        e.longs(TiffTags.IMAGE_WIDTH, w);
        e.longs(TiffTags.IMAGE_LENGTH, h);
        e.shorts(TiffTags.BITS_PER_SAMPLE, 8, 8, 8);
        e.shorts(TiffTags.COMPRESSION, 7);
        e.shorts(TiffTags.PHOTOMETRIC, 2);
        e.shorts(TiffTags.SAMPLES_PER_PIXEL, 3);
        e.shorts(TiffTags.PLANAR_CONFIGURATION, 1);
        e.ascii(TiffTags.SOFTWARE, "OME Bio-Formats 7.0.0");
        e.longs(TiffTags.TILE_WIDTH, tilePx);
        e.longs(TiffTags.TILE_LENGTH, tilePx);
        e.longs(TiffTags.TILE_OFFSETS, offsets);
        e.longs(TiffTags.TILE_BYTE_COUNTS, counts);
        return e;
    }

    /** One tile of a level, white outside the level. */
    private static BufferedImage tile(
            int x0, int y0, int tilePx, int level, int widthPx, int heightPx) {
        int w = (widthPx + (1 << level) - 1) >> level;
        int h = (heightPx + (1 << level) - 1) >> level;
        BufferedImage img = new BufferedImage(tilePx, tilePx, BufferedImage.TYPE_3BYTE_BGR);
        for (int y = 0; y < tilePx; y++) {
            for (int x = 0; x < tilePx; x++) {
                boolean inside = x0 + x < w && y0 + y < h;
                long lx = (long) (x0 + x) << level;
                long ly = (long) (y0 + y) << level;
                img.setRGB(x, y, inside ? pixel(lx, ly, widthPx, heightPx) : 0xFFFFFF);
            }
        }
        return img;
    }

    /** A complete JFIF stream (APP0 marker, YCbCr 4:2:0) from the JDK's JPEG encoder. */
    private static byte[] jfif(BufferedImage tile) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(0.95f);
            writer.write(null, new IIOImage(tile, null, null), param);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }
}
