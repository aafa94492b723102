package org.lowmag.serve;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lowmag.slide.SlideMetadata;

/** The JSON trees of the API ({@code /api/...}); field names in {@code docs/serve.md}. */
final class SlideApi {

    private final SlideCatalog catalog;
    private final TileService tiles;

    SlideApi(SlideCatalog catalog, TileService tiles) {
        this.catalog = catalog;
        this.tiles = tiles;
    }

    /** {@code GET /api/slides}: every slide's summary. */
    Map<String, Object> list() {
        List<Map<String, Object>> slides = new ArrayList<>();
        for (SlideEntry e : catalog.entries()) {
            slides.add(summary(e));
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("slides", slides);
        return m;
    }

    /** One slide's summary: its prediction and links. */
    Map<String, Object> summary(SlideEntry e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", e.id());
        m.put("name", e.name());
        m.put("has_slide", e.slide().isPresent());
        if (!e.note().isEmpty()) {
            m.put("note", e.note());
        }
        e.prediction()
                .ifPresent(
                        p -> {
                            m.put("label", p.label());
                            m.put("probabilities", p.probabilities());
                            m.put("truth", p.truth().isEmpty() ? null : p.truth());
                            m.put(
                                    "correct",
                                    p.truth().isEmpty() ? null : p.truth().equals(p.label()));
                            m.put("tissue_count", p.tissueCount());
                            m.put("model", p.model());
                            m.put(
                                    "magnification",
                                    Double.isNaN(p.magnification()) ? null : p.magnification());
                            m.put("classes", p.classes());
                            m.put("heatmap_classes", List.copyOf(p.heatmaps().keySet()));
                            m.put("heatmap_scale", p.heatmapScale());
                            m.put("has_outlines", p.geoJson().isPresent());
                        });
        Map<String, String> links = new LinkedHashMap<>();
        String base = "/api/slides/" + e.id();
        links.put("viewer", "/slides/" + e.id());
        links.put("self", base);
        if (e.slide().isPresent()) {
            links.put("thumbnail", base + "/thumbnail");
            links.put("dzi", base + "/slide.dzi");
        }
        if (e.prediction().isPresent()) {
            links.put("prediction", base + "/prediction");
            if (e.prediction().get().geoJson().isPresent()) {
                links.put("outlines", base + "/outlines");
            }
        }
        m.put("links", links);
        return m;
    }

    /**
     * {@code GET /api/slides/{id}}: the summary and the slide's metadata (or why it is missing).
     */
    Map<String, Object> detail(SlideEntry e) {
        Map<String, Object> m = summary(e);
        if (e.slide().isEmpty()) {
            return m;
        }
        try {
            SlideMetadata md = tiles.metadata(e.slide().get());
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("width_px", md.widthPx());
            s.put("height_px", md.heightPx());
            s.put("mpp_x", md.mppX().isPresent() ? md.mppX().getAsDouble() : null);
            s.put("mpp_y", md.mppY().isPresent() ? md.mppY().getAsDouble() : null);
            s.put(
                    "objective_power",
                    md.objectivePower().isPresent() ? md.objectivePower().getAsDouble() : null);
            s.put("vendor", md.vendor());
            s.put("levels", md.levelCount());
            s.put("level_downsamples", md.downsamples());
            s.put("tile_size_px", TileService.TILE_SIZE_PX);
            m.put("slide", s);
        } catch (IOException | RuntimeException ex) {
            // The page shows why the slide cannot be read; the server goes on.
            m.put("error", "cannot read slide: " + ex.getMessage());
        }
        return m;
    }

    /** {@code GET /api/health}: liveness and cache figures. */
    Map<String, Object> health() {
        Map<String, Object> m = new LinkedHashMap<>();
        ByteCache c = tiles.cache();
        m.put("status", "ok");
        m.put("slides", catalog.entries().size());
        m.put("cache_entries", c.size());
        m.put("cache_bytes", c.bytes());
        m.put("cache_max_bytes", c.maxBytes());
        m.put("cache_hits", c.hits());
        m.put("cache_misses", c.misses());
        return m;
    }
}
