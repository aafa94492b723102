package org.lowmag.tiff;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * The calibration an OME-TIFF's OME-XML (IFD 0's ImageDescription) records for its main image: the
 * {@code Image} whose {@code TiffData} starts at IFD 0 (else the first {@code Image}).
 *
 * <ul>
 *   <li>um/px: {@code Pixels/@PhysicalSizeX}, {@code @PhysicalSizeY}, converted from
 *       {@code @PhysicalSizeXUnit} ({@code µm} when absent, the OME default): {@code mpp = size x
 *       um-per-unit} (m 1e6, cm 1e4, mm 1e3, µm 1, nm 1e-3, Å 1e-4).
 *   <li>objective: {@code @NominalMagnification} of the {@code Objective} that the image's {@code
 *       ObjectiveSettings/@ID} names (else of the only objective of the file).
 *   <li>channel names: {@code Pixels/Channel/@Name}, in order.
 * </ul>
 *
 * @param mppX um per level-0 pixel across, when recorded
 * @param mppY um per level-0 pixel down, when recorded
 * @param objectivePower the nominal magnification, when recorded
 * @param channelNames the channels' names (empty strings for unnamed ones)
 */
public record OmeXml(
        OptionalDouble mppX,
        OptionalDouble mppY,
        OptionalDouble objectivePower,
        List<String> channelNames) {

    private static final String MICRO = "µm";

    /** How far into an ImageDescription the {@code <OME} root element is looked for. */
    static final int HEAD_CHARS = 4096;

    /** Copies. */
    public OmeXml {
        channelNames = List.copyOf(channelNames);
    }

    /**
     * @param description an ImageDescription, or null
     * @return whether it is OME-XML: an {@code <OME} element within its first {@link #HEAD_CHARS}
     *     characters (after the XML declaration and Bio-Formats' warning comment), a byte-order
     *     mark and leading blanks ignored
     */
    static boolean isOme(String description) {
        if (description == null) {
            return false;
        }
        String head = description.replace("\uFEFF", "").stripLeading();
        int at = head.indexOf("<OME");
        return head.startsWith("<") && at >= 0 && at < HEAD_CHARS;
    }

    /**
     * @param description the OME-XML
     * @param where the file, for messages
     * @return what it records
     * @throws IOException when the XML is not well formed
     */
    static OmeXml parse(String description, String where) throws IOException {
        Document doc;
        try {
            doc =
                    builder()
                            .parse(
                                    new InputSource(
                                            new StringReader(description.replace("\uFEFF", ""))));
        } catch (SAXException e) {
            throw new IOException(
                    where
                            + ": its OME-XML (ImageDescription) is not well formed: "
                            + e.getMessage(),
                    e);
        }
        Element image = mainImage(doc);
        if (image == null) {
            return new OmeXml(
                    OptionalDouble.empty(),
                    OptionalDouble.empty(),
                    OptionalDouble.empty(),
                    List.of());
        }
        Element pixels = first(image, "Pixels");
        OptionalDouble mppX = OptionalDouble.empty();
        OptionalDouble mppY = OptionalDouble.empty();
        List<String> channels = new ArrayList<>();
        if (pixels != null) {
            mppX = micrometres(pixels.getAttribute("PhysicalSizeX"), pixels, "PhysicalSizeXUnit");
            mppY = micrometres(pixels.getAttribute("PhysicalSizeY"), pixels, "PhysicalSizeYUnit");
            NodeList list = pixels.getElementsByTagNameNS("*", "Channel");
            for (int i = 0; i < list.getLength(); i++) {
                channels.add(((Element) list.item(i)).getAttribute("Name"));
            }
        }
        return new OmeXml(mppX, mppY, objective(doc, image), channels);
    }

    /**
     * @return {@code ome.*} properties: physical sizes in um, the objective, channel names
     */
    Map<String, String> properties() {
        Map<String, String> out = new LinkedHashMap<>();
        mppX.ifPresent(v -> out.put("ome.PhysicalSizeX.um", Double.toString(v)));
        mppY.ifPresent(v -> out.put("ome.PhysicalSizeY.um", Double.toString(v)));
        objectivePower.ifPresent(v -> out.put("ome.NominalMagnification", Double.toString(v)));
        for (int i = 0; i < channelNames.size(); i++) {
            out.put("ome.Channel." + i + ".Name", channelNames.get(i));
        }
        return out;
    }

    private static DocumentBuilder builder() throws IOException {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setExpandEntityReferences(false);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(null);
            return b;
        } catch (ParserConfigurationException e) {
            throw new IOException("no XML parser for OME-XML: " + e.getMessage(), e);
        }
    }

    /** The Image whose TiffData starts at IFD 0 (IFD defaults to 0), else the first Image. */
    private static Element mainImage(Document doc) {
        NodeList images = doc.getElementsByTagNameNS("*", "Image");
        for (int i = 0; i < images.getLength(); i++) {
            Element image = (Element) images.item(i);
            NodeList data = image.getElementsByTagNameNS("*", "TiffData");
            for (int j = 0; j < data.getLength(); j++) {
                String ifd = ((Element) data.item(j)).getAttribute("IFD");
                if (ifd.isEmpty() || ifd.trim().equals("0")) {
                    return image;
                }
            }
        }
        return images.getLength() > 0 ? (Element) images.item(0) : null;
    }

    private static OptionalDouble objective(Document doc, Element image) {
        Element settings = first(image, "ObjectiveSettings");
        String id = settings == null ? "" : settings.getAttribute("ID");
        NodeList objectives = doc.getElementsByTagNameNS("*", "Objective");
        for (int i = 0; i < objectives.getLength(); i++) {
            Element o = (Element) objectives.item(i);
            if (objectives.getLength() == 1 || o.getAttribute("ID").equals(id)) {
                return AperioDescription.positive(o.getAttribute("NominalMagnification"));
            }
        }
        return OptionalDouble.empty();
    }

    private static Element first(Element parent, String name) {
        NodeList list = parent.getElementsByTagNameNS("*", name);
        return list.getLength() > 0 ? (Element) list.item(0) : null;
    }

    /** A physical size in um, or empty when absent, not positive or in an unknown unit. */
    private static OptionalDouble micrometres(String size, Element pixels, String unitAttribute) {
        OptionalDouble value = AperioDescription.positive(size);
        String unit = pixels.getAttribute(unitAttribute).trim();
        double scale = umPerUnit(unit.isEmpty() ? MICRO : unit);
        if (value.isEmpty() || Double.isNaN(scale)) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(value.getAsDouble() * scale);
    }

    /**
     * @param unit an OME length unit symbol
     * @return micrometres per unit, NaN when unknown
     */
    static double umPerUnit(String unit) {
        return switch (unit.toLowerCase(Locale.ROOT)) {
            case "m" -> 1e6;
            case "cm" -> 1e4;
            case "mm" -> 1e3;
            case "µm", "μm", "um", "micron", "microns", "micrometer", "micrometre" -> 1;
            case "nm" -> 1e-3;
            case "å", "angstrom" -> 1e-4;
            default -> Double.NaN;
        };
    }
}
