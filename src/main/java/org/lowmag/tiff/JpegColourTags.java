package org.lowmag.tiff;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The decode tags of a JPEG-compressed TIFF block corrected to what its JPEG stream says about its
 * colour space. Bio-Formats' writer (so QuPath's OME-TIFFs) stores complete JFIF streams (YCbCr,
 * 4:2:0) under PhotometricInterpretation RGB; a decoder that trusts the tag shows the Y, Cb and Cr
 * samples as R, G and B (false green and pink), as libtiff and libvips do. A stream that declares
 * its colour space ({@link JpegFrame#colourSpace}) wins over the tag:
 *
 * <ul>
 *   <li>tag RGB (2), stream YCbCr: PhotometricInterpretation becomes YCbCr (6), YCbCrSubsampling
 *       the stream's chroma subsampling;
 *   <li>tag YCbCr (6), stream RGB (Adobe transform 0, or ids 'R' 'G' 'B'): it becomes RGB (2);
 *   <li>a stream that declares nothing, or agrees, leaves the tags as they are.
 * </ul>
 */
final class JpegColourTags {

    static final int RGB = 2;
    static final int YCBCR = 6;

    private JpegColourTags() {}

    /**
     * @param tags the block's decode tags (raw values)
     * @param frame the block's JPEG frame, or null when unknown
     * @return the tags, corrected where the stream contradicts them (a new map), else {@code tags}
     */
    static Map<Integer, Object> corrected(Map<Integer, Object> tags, JpegFrame frame) {
        JpegFrame.ColourSpace declared = frame == null ? null : frame.colourSpace();
        Object value = tags.get(TiffTags.PHOTOMETRIC);
        if (declared == null || !(value instanceof Number photometric)) {
            return tags;
        }
        Map<Integer, Object> out = new LinkedHashMap<>(tags);
        if (photometric.intValue() == RGB && declared == JpegFrame.ColourSpace.YCBCR) {
            int[] sub = frame.chromaSubsampling();
            out.put(TiffTags.PHOTOMETRIC, YCBCR);
            out.put(TiffTags.YCBCR_SUBSAMPLING, new int[] {sub[0], sub[1]});
            return out;
        }
        if (photometric.intValue() == YCBCR && declared == JpegFrame.ColourSpace.RGB) {
            out.put(TiffTags.PHOTOMETRIC, RGB);
            out.remove(TiffTags.YCBCR_SUBSAMPLING);
            out.remove(TiffTags.YCBCR_POSITIONING);
            return out;
        }
        return tags;
    }
}
