// The viewer: OpenSeadragon over /api/slides/ID/slide.dzi, with the tissue outlines (SVG overlay
// from the prediction GeoJSON, level-0 pixels), one class's heatmap (a second, transparent image
// over the whole slide) and a scale bar in micrometres from the slide's um/px.
"use strict";
(function () {
  const id = decodeURIComponent(location.pathname.split("/").pop());
  const state = { tilesLoaded: 0, ready: false, heatmapLoaded: false, outlinesDrawn: false };
  window.lowmag = state;
  let viewer = null;
  let slideItem = null;
  let heatItem = null;
  let slide = null;

  function message(text) {
    document.getElementById("message").textContent = text;
  }

  function el(tag, text, cls) {
    const e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = text;
    if (cls) e.className = cls;
    return e;
  }

  function summary(s) {
    const d = document.getElementById("summary");
    document.getElementById("title").textContent = s.name;
    document.title = s.name + " - LowMag";
    if (!s.label) {
      d.append(el("p", "no prediction for this slide", "muted"));
      return;
    }
    const p = s.probabilities[s.label];
    d.append(el("p", "predicted: " + s.label + " (p = " + p.toFixed(3) + ")"));
    if (s.truth) d.append(el("p", "truth: " + s.truth + (s.correct ? " (right)" : " (wrong)"), s.correct ? "right" : "wrong"));
    d.append(el("p", s.tissue_count + " tissues; model " + (s.model || "?") + (s.magnification ? " at " + s.magnification + "x" : "")));
    if (s.slide) {
      const mpp = s.slide.mpp_x ? s.slide.mpp_x.toFixed(3) + " um/px" : "um/px unknown";
      d.append(el("p", s.slide.width_px + " x " + s.slide.height_px + " px, " + mpp + ", " + s.slide.levels + " levels", "muted"));
    }
  }

  function outlines(geo) {
    const w = slide.slide.width_px, h = slide.slide.height_px;
    const ns = "http://www.w3.org/2000/svg";
    const svg = document.createElementNS(ns, "svg");
    svg.setAttribute("viewBox", "0 0 " + w + " " + h);
    svg.setAttribute("preserveAspectRatio", "none");
    svg.style.pointerEvents = "none";
    const legend = document.getElementById("outline-legend");
    const seen = {};
    for (const f of geo.features || []) {
      const type = f.geometry ? f.geometry.type : "";
      if (type !== "Polygon" && type !== "MultiPolygon") continue;
      const c = (f.properties.classification || {}).color || [0, 0, 0];
      const name = (f.properties.classification || {}).name || "";
      const rgb = "rgb(" + c.join(",") + ")";
      const rings = type === "Polygon" ? f.geometry.coordinates : f.geometry.coordinates.flat(1);
      for (const ring of rings) {
        const poly = document.createElementNS(ns, "polygon");
        poly.setAttribute("points", ring.map((p) => p[0] + "," + p[1]).join(" "));
        poly.setAttribute("fill", rgb);
        poly.setAttribute("fill-opacity", "0.12");
        poly.setAttribute("stroke", rgb);
        poly.setAttribute("stroke-width", "3");
        poly.setAttribute("vector-effect", "non-scaling-stroke");
        const title = document.createElementNS(ns, "title");
        title.textContent = (f.properties.name || "tissue") + ": " + name;
        poly.append(title);
        svg.append(poly);
      }
      if (name && !seen[name]) {
        seen[name] = true;
        const item = el("div");
        const sw = el("span", null, "swatch");
        sw.style.background = rgb;
        item.append(sw, document.createTextNode(name));
        legend.append(item);
      }
    }
    svg.id = "outline-overlay";
    viewer.addOverlay({ element: svg, location: new OpenSeadragon.Rect(0, 0, 1, h / w) });
    state.outlinesDrawn = true;
    const box = document.getElementById("outlines");
    box.addEventListener("change", () => { svg.style.display = box.checked ? "" : "none"; });
    svg.style.display = box.checked ? "" : "none";
  }

  function heatOpacity() {
    return document.getElementById("heatmap").checked ? parseFloat(document.getElementById("opacity").value) : 0;
  }

  function showHeatmap(cls) {
    if (heatItem) {
      viewer.world.removeItem(heatItem);
      heatItem = null;
    }
    state.heatmapLoaded = false;
    const scale = slide.heatmap_scale === "STRETCH"
      ? "activation of " + cls + ", stretched to this slide's min-max (not a probability)"
      : "probability of " + cls + " (fixed scale 0 to 1)";
    document.getElementById("colourbar-caption").textContent = scale;
    viewer.addTiledImage({
      tileSource: { type: "image", url: "/api/slides/" + encodeURIComponent(slide.id) + "/heatmaps/" + encodeURIComponent(cls) },
      x: 0, y: 0, width: 1,
      opacity: heatOpacity(),
      success: (e) => { heatItem = e.item; state.heatmapLoaded = true; },
      error: (e) => message("cannot load the heatmap of " + cls + ": " + (e.message || "error")),
    });
  }

  function heatmapControls() {
    const classes = slide.heatmap_classes || [];
    const select = document.getElementById("heatmap-class");
    if (classes.length === 0) {
      document.getElementById("heatmap").disabled = true;
      select.disabled = true;
      document.getElementById("colourbar-caption").textContent = "no heatmaps (predict with --heatmap)";
      return;
    }
    for (const c of classes) select.append(new Option(c, c));
    if (classes.includes(slide.label)) select.value = slide.label;
    select.addEventListener("change", () => showHeatmap(select.value));
    const update = () => { if (heatItem) heatItem.setOpacity(heatOpacity()); };
    document.getElementById("heatmap").addEventListener("change", update);
    document.getElementById("opacity").addEventListener("input", update);
    showHeatmap(select.value);
  }

  function scaleBar() {
    const mpp = slide.slide && slide.slide.mpp_x;
    const bar = document.getElementById("scalebar");
    if (!mpp || !slideItem) { bar.style.display = "none"; return; }
    const zoom = slideItem.viewportToImageZoom(viewer.viewport.getZoom(true)); // screen px per image px
    const umPerPx = mpp / zoom;
    const target = umPerPx * 120;
    const pow = Math.pow(10, Math.floor(Math.log10(target)));
    const nice = [5, 2, 1].map((m) => m * pow).find((v) => v <= target) || pow;
    bar.querySelector(".line").style.width = Math.round(nice / umPerPx) + "px";
    bar.querySelector(".text").textContent = nice >= 1000 ? nice / 1000 + " mm" : nice + " \u00b5m";
  }

  function open(s) {
    slide = s;
    summary(s);
    if (s.error) message(s.error);
    if (!s.links.dzi) { message(s.note || "no slide file to show"); return; }
    if (!s.slide) return;
    viewer = OpenSeadragon({
      id: "osd",
      prefixUrl: "/static/vendor/openseadragon/images/",
      tileSources: s.links.dzi,
      drawer: "canvas",
      showNavigator: true,
      maxZoomPixelRatio: 2,
      animationTime: 0.4,
    });
    window.lowmagViewer = viewer;
    viewer.addHandler("tile-loaded", () => { state.tilesLoaded++; });
    viewer.addHandler("open", () => {
      slideItem = viewer.world.getItemAt(0);
      slideItem.addHandler("fully-loaded-change", (e) => { if (e.fullyLoaded) state.ready = true; });
      scaleBar();
      heatmapControls();
      if (s.links.outlines) {
        fetch(s.links.outlines).then((r) => r.json()).then(outlines)
          .catch((e) => message("cannot load the outlines: " + e));
      } else {
        document.getElementById("outlines").disabled = true;
      }
    });
    viewer.addHandler("open-failed", (e) => message("cannot open the slide: " + e.message));
    viewer.addHandler("animation", scaleBar);
    viewer.addHandler("resize", scaleBar);
  }

  fetch("/api/slides/" + encodeURIComponent(id))
    .then((r) => r.json())
    .then((s) => { if (s.error && !s.id) message(s.error); else open(s); })
    .catch((e) => message("cannot load the slide: " + e));
})();
