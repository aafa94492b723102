package org.lowmag.tissue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The {@code tissues.json} that {@code lowmag tissue} writes: a detection with the slide it was
 * made on, as a map whose keys come in a fixed order (unknown values are null). Boxes are in
 * level-0 pixels; areas in analysis pixels, level-0 pixels, um^2 and mm^2.
 */
public final class TissueJson {

    /**
     * The slide a detection was made on.
     *
     * @param path the slide file
     * @param backend the reader that opened it
     * @param widthPx level-0 width
     * @param heightPx level-0 height
     * @param mppX micrometres per level-0 pixel across, when recorded
     * @param mppY micrometres per level-0 pixel down, when recorded
     */
    public record Slide(
            String path,
            String backend,
            long widthPx,
            long heightPx,
            OptionalDouble mppX,
            OptionalDouble mppY) {}

    private TissueJson() {}

    /**
     * @param d the detection
     * @param slide the slide it was made on
     * @return the {@code tissues.json} tree
     */
    public static Map<String, Object> of(TissueDetection d, Slide slide) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("slide", slide.path());
        m.put("backend", slide.backend());
        m.put("slide_width_px", slide.widthPx());
        m.put("slide_height_px", slide.heightPx());
        m.put("mpp_x", optional(slide.mppX()));
        m.put("mpp_y", optional(slide.mppY()));
        m.put("analysis_width_px", d.mask().widthPx());
        m.put("analysis_height_px", d.mask().heightPx());
        m.put("analysis_downsample_x", d.mask().downsampleX());
        m.put("analysis_downsample_y", d.mask().downsampleY());
        m.put("params", d.params());
        m.put("threshold_used", Double.isNaN(d.thresholdUsed()) ? null : d.thresholdUsed());
        m.put("summary", d.summary());
        m.put("tissue_count", d.boxes().size());
        m.put("tissues", d.boxes().stream().map(TissueJson::box).toList());
        m.put("coordinates", "boxes in level-0 pixels; areas: analysis px, level-0 px, um^2, mm^2");
        return m;
    }

    private static Map<String, Object> box(TissueBox b) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", b.id());
        m.put("x", b.x());
        m.put("y", b.y());
        m.put("width", b.width());
        m.put("height", b.height());
        m.put(
                "analysis_box",
                List.of(b.analysisX(), b.analysisY(), b.analysisWidth(), b.analysisHeight()));
        m.put("area_analysis_px", b.areaPx());
        m.put("area_level0_px", b.areaL0Px());
        m.put("area_um2", optional(b.areaUm2()));
        m.put("area_mm2", optional(b.areaMm2()));
        return m;
    }

    private static Double optional(OptionalDouble v) {
        return v.isPresent() ? v.getAsDouble() : null;
    }
}
