package org.lowmag.tiff;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Sorts the images (IFDs) of a TIFF file into pyramid levels and associated images, and reads the
 * slide's calibration.
 *
 * <ul>
 *   <li>Aperio SVS (ImageDescription starts with "Aperio"): every tiled IFD is a level; the second
 *       IFD, when striped, is the {@code thumbnail}; striped IFDs whose description's second line
 *       starts with "label" or "macro" are those associated images. um/px from {@code MPP},
 *       objective power from {@code AppMag}.
 *   <li>Generic TIFF: IFD 0 is level 0; each later IFD that is not a transparency mask and is
 *       smaller than the previous level in both directions, with the same aspect ratio (downsample
 *       x and y agree within rounding: {@code |dsX - dsY| / dsX <= 1/w + 1/h + 0.01}), is the next
 *       level. um/px from XResolution/YResolution when ResolutionUnit is inch (25400 / res) or
 *       centimetre (10000 / res) and the result lies in [0.01, 100] um/px.
 *   <li>OME-TIFF (ImageDescription of IFD 0 is OME-XML): IFD 0 is level 0 and its SubIFDs (tag 330,
 *       as Bio-Formats and QuPath write pyramids) the further levels, numbered after the main
 *       chain's IFDs; without SubIFDs the main chain is read as a generic TIFF's. um/px, objective
 *       and channel names from the OME-XML ({@link OmeXml}); um/px from the resolution tags when
 *       the XML has none.
 * </ul>
 *
 * @param levels the pyramid, finest first
 * @param associated associated images by name
 * @param vendor {@code aperio}, {@code ome-tiff} or {@code generic-tiff}
 * @param properties raw properties ({@code tiff.*}, {@code aperio.*})
 * @param mppX um per level-0 pixel horizontally, when recorded
 * @param mppY um per level-0 pixel vertically, when recorded
 * @param objectivePower objective power, when recorded
 */
public record TiffLayout(
        List<TiffPage> levels,
        Map<String, TiffPage> associated,
        String vendor,
        Map<String, String> properties,
        OptionalDouble mppX,
        OptionalDouble mppY,
        OptionalDouble objectivePower) {

    /** Plausible um/px range for a resolution read from generic TIFF tags. */
    static final double MIN_MPP = 0.01;

    static final double MAX_MPP = 100;

    /**
     * @param ifds the tags of every IFD, in file order
     * @param fileSize the file's size in bytes (to check strip/tile offsets)
     * @return the layout
     * @throws IOException when a level's layout is broken
     */
    public static TiffLayout of(List<TiffTags> ifds, long fileSize) throws IOException {
        TiffTags first = ifds.get(0);
        String description = first.text(TiffTags.IMAGE_DESCRIPTION);
        Map<String, String> props = tiffProperties(first);
        if (AperioDescription.isAperio(description)) {
            Map<String, String> aperio = AperioDescription.properties(description);
            aperio.forEach((k, v) -> props.put("aperio." + k, v));
            OptionalDouble mpp = AperioDescription.positive(aperio.get("MPP"));
            return new TiffLayout(
                    aperioLevels(ifds, fileSize),
                    aperioAssociated(ifds, fileSize),
                    "aperio",
                    props,
                    mpp,
                    mpp,
                    AperioDescription.positive(aperio.get("AppMag")));
        }
        if (OmeXml.isOme(description)) {
            OmeXml ome = OmeXml.parse(description, first.where());
            props.putAll(ome.properties());
            boolean calibrated = ome.mppX().isPresent() && ome.mppY().isPresent();
            return new TiffLayout(
                    omeLevels(ifds, fileSize),
                    Map.of(),
                    "ome-tiff",
                    props,
                    calibrated ? ome.mppX() : resolutionMpp(first, TiffTags.X_RESOLUTION),
                    calibrated ? ome.mppY() : resolutionMpp(first, TiffTags.Y_RESOLUTION),
                    ome.objectivePower());
        }
        return new TiffLayout(
                genericLevels(ifds, fileSize),
                Map.of(),
                "generic-tiff",
                props,
                resolutionMpp(first, TiffTags.X_RESOLUTION),
                resolutionMpp(first, TiffTags.Y_RESOLUTION),
                OptionalDouble.empty());
    }

    private static List<TiffPage> aperioLevels(List<TiffTags> ifds, long fileSize)
            throws IOException {
        List<TiffPage> levels = new ArrayList<>();
        for (int i = 0; i < ifds.size(); i++) {
            if (ifds.get(i).has(TiffTags.TILE_OFFSETS)) {
                levels.add(TiffPage.of(ifds.get(i), i, fileSize));
            }
        }
        if (levels.isEmpty() || levels.get(0).ifd != 0) {
            throw new IOException(
                    ifds.get(0).where() + ": Aperio file whose first image is not tiled");
        }
        return levels;
    }

    private static Map<String, TiffPage> aperioAssociated(List<TiffTags> ifds, long fileSize)
            throws IOException {
        Map<String, TiffPage> out = new LinkedHashMap<>();
        for (int i = 1; i < ifds.size(); i++) {
            TiffTags tags = ifds.get(i);
            if (tags.has(TiffTags.TILE_OFFSETS)) {
                continue;
            }
            String kind = i == 1 ? "thumbnail" : AperioDescription.associatedKind(tags.text(270));
            if (kind != null && !out.containsKey(kind)) {
                out.put(kind, TiffPage.of(tags, i, fileSize));
            }
        }
        return out;
    }

    /**
     * OME-TIFF: IFD 0 and its SubIFDs (numbered after the main chain's IFDs) when it has any, else
     * the main chain as a generic TIFF's.
     */
    private static List<TiffPage> omeLevels(List<TiffTags> ifds, long fileSize) throws IOException {
        List<TiffTags> sub = ifds.get(0).subIfds();
        if (sub.isEmpty()) {
            return genericLevels(ifds, fileSize);
        }
        List<TiffTags> chain = new ArrayList<>();
        chain.add(ifds.get(0));
        chain.addAll(sub);
        return pyramid(chain, ifds.size() - 1, fileSize);
    }

    private static List<TiffPage> genericLevels(List<TiffTags> ifds, long fileSize)
            throws IOException {
        return pyramid(ifds, 0, fileSize);
    }

    /**
     * @param ifds candidate levels, level 0 (IFD 0) first
     * @param shift added to the index of the others ({@code ifds[i]} is IFD {@code i + shift})
     */
    private static List<TiffPage> pyramid(List<TiffTags> ifds, int shift, long fileSize)
            throws IOException {
        List<TiffPage> levels = new ArrayList<>();
        TiffPage base = TiffPage.of(ifds.get(0), 0, fileSize);
        levels.add(base);
        for (int i = 1; i < ifds.size(); i++) {
            TiffTags tags = ifds.get(i);
            TiffPage last = levels.get(levels.size() - 1);
            long w = tags.first(TiffTags.IMAGE_WIDTH, 0);
            long h = tags.first(TiffTags.IMAGE_LENGTH, 0);
            boolean mask = (tags.first(TiffTags.NEW_SUBFILE_TYPE, 0) & 4) != 0;
            if (!mask
                    && w > 0
                    && h > 0
                    && w < last.widthPx
                    && h < last.heightPx
                    && sameAspect(base, w, h)) {
                levels.add(TiffPage.of(tags, i + shift, fileSize));
            }
        }
        return levels;
    }

    /** Whether a {@code w x h} image is a uniform reduction of {@code base} (within rounding). */
    static boolean sameAspect(TiffPage base, long w, long h) {
        double dsX = base.widthPx / (double) w;
        double dsY = base.heightPx / (double) h;
        return Math.abs(dsX - dsY) / dsX <= 1.0 / w + 1.0 / h + 0.01;
    }

    private static Map<String, String> tiffProperties(TiffTags tags) throws IOException {
        Map<String, String> props = new LinkedHashMap<>();
        putText(props, "tiff.ImageDescription", tags.text(TiffTags.IMAGE_DESCRIPTION));
        putText(props, "tiff.Make", tags.text(TiffTags.MAKE));
        putText(props, "tiff.Model", tags.text(TiffTags.MODEL));
        putText(props, "tiff.Software", tags.text(TiffTags.SOFTWARE));
        putText(props, "tiff.DateTime", tags.text(TiffTags.DATE_TIME));
        double xRes = tags.real(TiffTags.X_RESOLUTION);
        double yRes = tags.real(TiffTags.Y_RESOLUTION);
        if (!Double.isNaN(xRes)) {
            props.put("tiff.XResolution", Double.toString(xRes));
        }
        if (!Double.isNaN(yRes)) {
            props.put("tiff.YResolution", Double.toString(yRes));
        }
        if (tags.has(TiffTags.RESOLUTION_UNIT)) {
            long unit = tags.first(TiffTags.RESOLUTION_UNIT, 1);
            props.put(
                    "tiff.ResolutionUnit", unit == 2 ? "inch" : unit == 3 ? "centimeter" : "none");
        }
        return props;
    }

    private static void putText(Map<String, String> props, String key, String value) {
        if (value != null && !value.isEmpty()) {
            props.put(key, value);
        }
    }

    /**
     * um/px from a resolution tag: {@code 25400 / res} (inch) or {@code 10000 / res} (cm).
     *
     * @param tags IFD 0
     * @param tag X or Y resolution
     * @return the um/px when the unit is given and the value plausible
     */
    static OptionalDouble resolutionMpp(TiffTags tags, int tag) throws IOException {
        double res = tags.real(tag);
        long unit = tags.first(TiffTags.RESOLUTION_UNIT, 0);
        if (!(res > 0) || Double.isInfinite(res) || (unit != 2 && unit != 3)) {
            return OptionalDouble.empty();
        }
        double mpp = (unit == 2 ? 25400.0 : 10000.0) / res;
        return mpp >= MIN_MPP && mpp <= MAX_MPP ? OptionalDouble.of(mpp) : OptionalDouble.empty();
    }
}
