// The slide list: GET /api/slides, a table sortable by column and filtered by predicted label.
"use strict";
(function () {
  let slides = [];
  let sortKey = "name";
  let ascending = true;

  function el(tag, text, cls) {
    const e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = text;
    if (cls) e.className = cls;
    return e;
  }

  function shortModel(path) {
    if (!path) return "";
    const parts = path.split(/[\\/]/).filter(Boolean);
    return parts.slice(-3).join("/");
  }

  function value(s, key) {
    if (key === "p") return s.label && s.probabilities ? s.probabilities[s.label] : -1;
    const v = s[key];
    return v === undefined || v === null ? "" : v;
  }

  function render() {
    const filter = document.getElementById("filter").value;
    const body = document.querySelector("#slides tbody");
    body.replaceChildren();
    const shown = slides
      .filter((s) => filter === "" || (filter === "(none)" ? !s.label : s.label === filter))
      .sort((a, b) => {
        const x = value(a, sortKey), y = value(b, sortKey);
        const c = typeof x === "number" && typeof y === "number" ? x - y : String(x).localeCompare(String(y));
        return ascending ? c : -c;
      });
    for (const s of shown) {
      const tr = el("tr");
      tr.dataset.id = s.id;
      const thumb = el("td");
      if (s.links.thumbnail) {
        const img = el("img");
        img.loading = "lazy";
        img.alt = s.name;
        img.src = s.links.thumbnail;
        const a = el("a");
        a.href = s.links.viewer;
        a.append(img);
        thumb.append(a);
      } else {
        thumb.append(el("span", s.note || "no slide file", "muted"));
      }
      const name = el("td");
      const link = el("a", s.name);
      link.href = s.links.viewer;
      name.append(link);
      const probs = el("td");
      for (const [k, p] of Object.entries(s.probabilities || {})) {
        const row = el("div", null, "prob");
        const bar = el("div", null, "bar");
        bar.style.width = Math.round(60 * p) + "px";
        row.append(bar, el("span", k + " " + p.toFixed(3)));
        probs.append(row);
      }
      let truth = el("td", s.truth || "", s.truth ? (s.correct ? "right" : "wrong") : "muted");
      if (!s.truth) truth.textContent = s.label ? "unknown" : "";
      tr.append(
        thumb,
        name,
        el("td", s.label || "no prediction", s.label ? "" : "muted"),
        probs,
        truth,
        el("td", s.tissue_count === undefined ? "" : String(s.tissue_count)),
        el("td", shortModel(s.model)),
        el("td", s.magnification ? s.magnification + "x" : "")
      );
      tr.lastChild.previousSibling.title = s.model || "";
      body.append(tr);
    }
    document.getElementById("count").textContent = shown.length + " of " + slides.length + " slides";
    for (const th of document.querySelectorAll("th.sortable")) {
      th.classList.toggle("sorted-asc", th.dataset.key === sortKey && ascending);
      th.classList.toggle("sorted-desc", th.dataset.key === sortKey && !ascending);
    }
  }

  for (const th of document.querySelectorAll("th.sortable")) {
    th.addEventListener("click", () => {
      ascending = th.dataset.key === sortKey ? !ascending : true;
      sortKey = th.dataset.key;
      render();
    });
  }
  document.getElementById("filter").addEventListener("change", render);

  fetch("/api/slides")
    .then((r) => r.json())
    .then((data) => {
      slides = data.slides;
      const labels = [...new Set(slides.map((s) => s.label).filter(Boolean))].sort();
      const select = document.getElementById("filter");
      for (const l of labels) select.append(new Option(l, l));
      if (slides.some((s) => !s.label)) select.append(new Option("(no prediction)", "(none)"));
      render();
      document.body.dataset.loaded = "true";
    })
    .catch((e) => {
      document.getElementById("message").textContent = "cannot list slides: " + e;
    });
})();
