// The world map of the map page and its legend: the shapes of static/world.svg (drawn once on
// the server, fetched once, kept by the browser) recoloured for each view from a few KB of data.
// Loaded by the small component in pages/_shared/worldmap.py, which hands every render here.
//
// What a reader can do:
// - point at or focus a country: its name and the view's lines for it, in a label;
// - click or tap it, or press Enter on it: its page opens (a trigger value back to Python);
// - Tab onto the map, then arrow keys (in the legend's order), Home and End, or type a name;
// - zoom with the + and - buttons or a pinch (a double click on the sea too); drag to pan.

const STYLE = `
.atlas-map { position: relative; }
.atlas-map-frame { position: relative; overflow: hidden; touch-action: pan-y; }
.atlas-map-frame.zoomed { touch-action: none; cursor: grab; }
.atlas-map svg { display: block; width: 100%; height: auto; }
.atlas-map path { stroke: #8b949e99; stroke-width: .4px; vector-effect: non-scaling-stroke;
  cursor: pointer; outline: none; }
/* A coloured country is outlined in the page's text colour (light on a dark page, dark on a light
   one, following the theme without a repaint): even the darkest class stands out on either. */
.atlas-map path.coloured { stroke: currentColor; stroke-opacity: .6; stroke-width: .8px; }
.atlas-map circle.hit { fill: transparent; cursor: pointer; }
.atlas-map .dots circle { stroke: #0e1117b3; stroke-width: .75px;
  vector-effect: non-scaling-stroke; pointer-events: none; }
.atlas-map .ring { fill: none; pointer-events: none; vector-effect: non-scaling-stroke; }
.atlas-map .ring.outer { stroke: #ffffff; stroke-width: 4px; }
.atlas-map .ring.inner { stroke: #0e1117; stroke-width: 2px; }
.atlas-map .mark circle { fill: #fde68a; stroke: #111111; stroke-width: 1px;
  vector-effect: non-scaling-stroke; }
.atlas-map .mark text { fill: #111111; font-size: 11px; text-anchor: middle;
  dominant-baseline: central; }
.atlas-map .mark { pointer-events: none; }
.atlas-map-tip { position: absolute; z-index: 2; max-width: min(22rem, 90%); padding: .35rem .55rem;
  border-radius: .35rem; font-size: .85rem; line-height: 1.35; white-space: pre-line;
  pointer-events: none; background: #0e1117; color: #ffffff; box-shadow: 0 2px 6px #0005;
  border: 1px solid #8b949e; }
.atlas-map-tip b { display: block; }
.atlas-map-bar { display: flex; align-items: center; justify-content: space-between;
  gap: .75rem; margin-top: .25rem; }
.atlas-map-tools { display: flex; gap: .25rem; flex: none; }
.atlas-map-tools button { width: 2.75rem; height: 2.75rem; font-size: 1.25rem; line-height: 1;
  border-radius: .4rem; border: 1px solid #8b949e; background: #ffffffe6; color: #0e1117;
  cursor: pointer; }
.atlas-map-tools button:focus-visible { outline: 2px solid #0e1117; outline-offset: 2px;
  box-shadow: 0 0 0 5px #ffffff; }
.atlas-map-help { font-size: .8rem; margin: 0; line-height: 1.35; }
/* The legend, as pages/_shared/world.py draws a chart's: its style is here, injected before it
   is drawn, so that nothing under it moves once the map is painted. */
.atlas-legend { display: flex; flex-wrap: wrap; gap: .25rem 1rem; margin: 0 0 .25rem;
  font-size: .875rem; line-height: 1.4; }
.atlas-legend-title { font-size: .875rem; font-weight: 600; margin: 0 0 .2rem; }
.atlas-legend span.item { display: inline-flex; align-items: center; gap: .4rem; }
.atlas-legend span.swatch { width: .9rem; height: .9rem; border-radius: 2px; flex: none;
  border: 1px solid rgba(128, 128, 128, .7); }
@media (max-width: 700px) { h1 { font-size: 1.75rem !important; } }
@media (max-width: 640px) {
  .atlas-map-bar { flex-direction: column-reverse; align-items: flex-end; }
  .atlas-map-help { align-self: stretch; }
}
`;

const WIDE = 1000; // the SVG's width in its own units (partners/worldsvg.py)
const TAP = 12; // px: the radius a small country's tap disc has on screen, at least
const DOT = 3.5; // px: the radius of the dot that shows a small coloured country
// address -> promise of the SVG's text, once per tab; shared with the loader
// (pages/_shared/worldmap.py), which starts the fetch while this script is still on its way.
const SVG_CACHE = (window.__atlasShapes ||= new Map());

function svgText(url) {
  if (!SVG_CACHE.has(url)) {
    SVG_CACHE.set(url, fetch(url).then((r) => {
      if (!r.ok) throw new Error(`${url}: ${r.status}`);
      return r.text();
    }));
  }
  return SVG_CACHE.get(url);
}

// The page's stylesheets (static/atlas.css, linked once per tab, sizes the navigation row on a
// phone): the map is first painted once they have arrived or failed, so that nothing above it
// moves after a reader can aim at a country.
function stylesheets() {
  const pending = [...document.querySelectorAll('link[rel="stylesheet"]')].filter((l) => !l.sheet);
  return Promise.all(pending.map((link) => new Promise((done) => {
    link.addEventListener("load", done, { once: true });
    link.addEventListener("error", done, { once: true });
  })));
}

function plain(text) {
  return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
}

function injectStyle() {
  if (document.getElementById("atlas-map-style")) return;
  const style = document.createElement("style");
  style.id = "atlas-map-style";
  style.textContent = STYLE;
  document.head.appendChild(style);
}

class WorldMap {
  constructor(host) {
    injectStyle();
    this.host = host;
    this.root = document.createElement("div");
    this.root.className = "atlas-map";
    // The legend first: it is drawn from the data, before the shapes arrive.
    this.root.innerHTML = `<p class="atlas-legend-title" hidden></p>
      <div class="atlas-legend" role="list"></div><div class="atlas-map-frame"></div>
      <div class="atlas-map-tip" hidden></div>
      <div class="atlas-map-bar"><p class="atlas-map-help"></p>
      <div class="atlas-map-tools"><button type="button" data-zoom="in">+</button>
      <button type="button" data-zoom="out">&minus;</button>
      <button type="button" data-zoom="reset">&#x27F2;</button></div></div>`;
    host.appendChild(this.root);
    this.frame = this.root.querySelector(".atlas-map-frame");
    this.tip = this.root.querySelector(".atlas-map-tip");
    this.help = this.root.querySelector(".atlas-map-help");
    this.legendTitle = this.root.querySelector(".atlas-legend-title");
    this.legend = this.root.querySelector(".atlas-legend");
    this.help.id = `atlas-map-help-${Math.random().toString(36).slice(2)}`;
    this.svg = null;
    this.url = null;
    this.data = null;
    this.current = null; // the shape that has the roving tab stop
    this.typed = "";
    this.typedAt = 0;
    this.pointers = new Map();
    this.moved = false;
    for (const button of this.root.querySelectorAll("[data-zoom]")) {
      button.addEventListener("click", () => this.zoomButton(button.dataset.zoom));
    }
  }

  update(data, open) {
    this.data = data;
    this.open = open;
    this.root.setAttribute("aria-label", data.name);
    this.root.setAttribute("role", "group");
    this.help.textContent = data.help;
    this.drawLegend(data);
    const labels = data.buttons;
    for (const button of this.root.querySelectorAll("[data-zoom]")) {
      const label = labels[button.dataset.zoom];
      button.setAttribute("aria-label", label);
      button.title = label;
    }
    if (this.url === data.svg && this.svg) {
      this.paint();
      return Promise.resolve();
    }
    return Promise.all([svgText(data.svg), stylesheets()]).then(([text]) => {
      if (this.url !== data.svg) {
        this.url = data.svg;
        this.install(text);
      }
      this.paint();
    });
  }

  // The legend: each class's colour as a square beside its label and how many countries it
  // has, as text (readable at any width, in both themes), under what the colour says.
  drawLegend(d) {
    this.legendTitle.textContent = d.legend || "";
    this.legendTitle.hidden = !d.legend;
    this.legend.setAttribute("aria-label", d.legend || d.legend_name);
    this.legend.replaceChildren(...d.labels.map((label, k) => {
      const item = document.createElement("span");
      item.className = "item";
      item.setAttribute("role", "listitem");
      const swatch = document.createElement("span");
      swatch.className = "swatch";
      swatch.setAttribute("aria-hidden", "true");
      swatch.style.background = d.colours[k];
      item.append(swatch, `${label} (${d.counts[k]})`);
      return item;
    }));
  }

  install(text) {
    this.frame.innerHTML = text;
    const svg = this.frame.querySelector("svg");
    this.svg = svg;
    svg.setAttribute("role", "presentation");
    const [, , w, h] = svg.getAttribute("viewBox").split(" ").map(Number);
    this.full = { x: 0, y: 0, w, h };
    this.view = { ...this.full };
    this.shapes = [...svg.querySelectorAll("path[data-iso3]")];
    this.byCode = new Map(this.shapes.map((p) => [p.dataset.iso3, p]));
    this.hits = [...svg.querySelectorAll("circle.hit")];
    for (const path of this.shapes) {
      path.setAttribute("role", "link");
      path.setAttribute("tabindex", "-1");
      path.setAttribute("aria-describedby", this.help.id);
    }
    const ns = "http://www.w3.org/2000/svg";
    this.marks = document.createElementNS(ns, "g");
    this.marks.setAttribute("class", "marks");
    this.rings = document.createElementNS(ns, "g");
    // The ring round the country pointed at or focused: copies of its outline on top (a <use>
    // would clone its tabindex too, and put a second tab stop in the map).
    for (const kind of ["outer", "inner"]) {
      const ring = document.createElementNS(ns, "path");
      ring.setAttribute("class", `ring ${kind}`);
      ring.setAttribute("aria-hidden", "true");
      this.rings.appendChild(ring);
    }
    this.rings.style.display = "none";
    // A small coloured country also shows as a dot over its shape, so that it can be seen.
    this.dots = document.createElementNS(ns, "g");
    this.dots.setAttribute("class", "dots");
    for (const hit of this.hits) {
      if (!hit.classList.contains("tiny")) continue;
      const dot = document.createElementNS(ns, "circle");
      dot.setAttribute("cx", hit.getAttribute("cx"));
      dot.setAttribute("cy", hit.getAttribute("cy"));
      dot.dataset.iso3 = hit.dataset.iso3;
      this.dots.appendChild(dot);
    }
    svg.append(this.dots, this.marks, this.rings);
    this.listen();
  }

  shapeOf(target) {
    const code = target && target.dataset ? target.dataset.iso3 : null;
    return code ? this.byCode.get(code) : null;
  }

  paint() {
    const d = this.data;
    const colours = d.colours;
    // Measured once, before anything changes: each measure after a change forces a layout.
    const ppu = this.pixelsPerUnit();
    this.shapes.forEach((path, i) => {
      const k = d.classes.charCodeAt(i) - 48;
      path.dataset.k = String(k);
      path.style.fill = colours[k];
      const tip = d.tips[path.dataset.iso3] || d.labels[k];
      path.dataset.tip = tip;
      path.setAttribute("aria-label", `${path.dataset.name}: ${tip.replace(/\n/g, ". ")}`);
    });
    const dotted = new Set(d.dots);
    for (const path of this.shapes) path.classList.toggle("coloured", dotted.has(+path.dataset.k));
    for (const dot of this.dots.children) {
      const k = Number(this.byCode.get(dot.dataset.iso3).dataset.k);
      dot.style.display = dotted.has(k) ? "" : "none";
      dot.style.fill = colours[k];
    }
    // The keyboard's order: the legend's (strongest class first), then by name.
    this.order = [...this.shapes].sort(
      (a, b) => a.dataset.k - b.dataset.k || a.dataset.name.localeCompare(b.dataset.name),
    );
    if (!this.current || !this.byCode.has(this.current.dataset.iso3)) this.current = this.order[0];
    for (const path of this.shapes) path.setAttribute("tabindex", path === this.current ? "0" : "-1");
    this.drawMarks(ppu);
    this.sizeDiscs(ppu);
    this.root.dataset.dots = d.dots.join(",");
    this.root.dataset.painted = String(this.shapes.length);
    if (this.shown) this.show(this.shown, false);
  }

  point(path) {
    const [x, y] = (path.dataset.p || "0 0").split(" ").map(Number);
    return { x, y };
  }

  drawMarks(ppu) {
    const ns = "http://www.w3.org/2000/svg";
    this.marks.replaceChildren();
    for (const code of this.data.marks) {
      const path = this.byCode.get(code);
      if (!path) continue;
      const { x, y } = this.point(path);
      const g = document.createElementNS(ns, "g");
      g.setAttribute("class", "mark");
      g.dataset.iso3 = code;
      const circle = document.createElementNS(ns, "circle");
      circle.setAttribute("cx", x);
      circle.setAttribute("cy", y);
      const text = document.createElementNS(ns, "text");
      text.setAttribute("x", x);
      text.setAttribute("y", y);
      text.textContent = "\u26A0";
      g.append(circle, text);
      this.marks.appendChild(g);
    }
    this.sizeMarks(ppu);
  }

  pixelsPerUnit() {
    return (this.svg.getBoundingClientRect().width || WIDE) / this.view.w;
  }

  sizeDiscs(ppu = this.pixelsPerUnit()) {
    for (const hit of this.hits) hit.setAttribute("r", TAP / ppu);
    for (const dot of this.dots.children) dot.setAttribute("r", DOT / ppu);
    this.sizeMarks(ppu);
  }

  sizeMarks(ppu = this.pixelsPerUnit()) {
    for (const g of this.marks.children) {
      g.querySelector("circle").setAttribute("r", 8.5 / ppu);
      g.querySelector("text").style.fontSize = `${11 / ppu}px`;
    }
  }

  listen() {
    const svg = this.svg;
    svg.addEventListener("pointerover", (e) => {
      const path = this.shapeOf(e.target);
      if (path && e.pointerType === "mouse") this.show(path, false);
    });
    svg.addEventListener("pointerleave", () => {
      if (document.activeElement && this.byCode.get(document.activeElement.dataset?.iso3)) {
        this.show(document.activeElement, false);
      } else this.hide();
    });
    svg.addEventListener("click", (e) => {
      if (this.moved) return;
      const path = this.shapeOf(e.target);
      if (path) this.open(path.dataset.iso3);
    });
    svg.addEventListener("focusin", (e) => {
      const path = this.shapeOf(e.target);
      if (path) this.show(path, true);
    });
    svg.addEventListener("focusout", () => this.hide());
    svg.addEventListener("keydown", (e) => this.key(e));
    svg.addEventListener("dblclick", (e) => {
      e.preventDefault();
      this.zoomAt(this.unitsAt(e.clientX, e.clientY), 2);
    });
    this.frame.addEventListener("pointerdown", (e) => this.down(e));
    this.frame.addEventListener("pointermove", (e) => this.move(e));
    for (const end of ["pointerup", "pointercancel"]) {
      this.frame.addEventListener(end, (e) => this.up(e));
    }
    new ResizeObserver(() => this.sizeDiscs()).observe(this.frame);
  }

  key(e) {
    const path = this.shapeOf(e.target);
    if (!path) return;
    const i = this.order.indexOf(path);
    let next = null;
    if (e.key === "ArrowRight" || e.key === "ArrowDown") next = this.order[(i + 1) % this.order.length];
    else if (e.key === "ArrowLeft" || e.key === "ArrowUp") next = this.order[(i - 1 + this.order.length) % this.order.length];
    else if (e.key === "Home") next = this.order[0];
    else if (e.key === "End") next = this.order[this.order.length - 1];
    else if (e.key === "Enter" || e.key === " ") {
      e.preventDefault();
      this.open(path.dataset.iso3);
      return;
    } else if (e.key === "Escape") {
      this.hide();
      return;
    } else if (e.key.length === 1 && /\S/.test(e.key) && !e.ctrlKey && !e.metaKey && !e.altKey) {
      const now = Date.now();
      this.typed = (now - this.typedAt > 800 ? "" : this.typed) + plain(e.key);
      this.typedAt = now;
      const names = this.order.map((p) => plain(p.dataset.name));
      const start = this.typed.length === 1 ? i + 1 : i;
      for (let step = 0; step < names.length; step++) {
        const j = (start + step) % names.length;
        if (names[j].startsWith(this.typed)) {
          next = this.order[j];
          break;
        }
      }
      if (!next) return;
    } else return;
    e.preventDefault();
    this.focus(next);
  }

  focus(path) {
    this.current.setAttribute("tabindex", "-1");
    this.current = path;
    path.setAttribute("tabindex", "0");
    path.focus();
    this.reveal(path);
  }

  show(path, focused) {
    this.shown = path;
    for (const ring of this.rings.children) ring.setAttribute("d", path.getAttribute("d"));
    this.rings.style.display = "";
    this.tip.replaceChildren();
    const name = document.createElement("b");
    name.textContent = path.dataset.name;
    this.tip.append(name, document.createTextNode(path.dataset.tip));
    this.tip.hidden = false;
    // Beside the shape's label point, kept inside the frame.
    const box = this.frame.getBoundingClientRect();
    const { x, y } = this.screenOf(this.point(path));
    const tip = this.tip.getBoundingClientRect();
    let left = x - box.left + 12;
    if (left + tip.width > box.width) left = Math.max(0, x - box.left - tip.width - 12);
    let top = y - box.top + 12;
    if (top + tip.height > box.height) top = Math.max(0, y - box.top - tip.height - 12);
    this.tip.style.left = `${left}px`;
    this.tip.style.top = `${top}px`;
    if (focused && path !== this.current) {
      this.current.setAttribute("tabindex", "-1");
      this.current = path;
      path.setAttribute("tabindex", "0");
    }
  }

  hide() {
    this.shown = null;
    this.tip.hidden = true;
    this.rings.style.display = "none";
  }

  // Zoom and pan: the SVG's viewBox, kept inside the world.
  setView(view) {
    const f = this.full;
    const w = Math.min(f.w, Math.max(f.w / 16, view.w));
    const h = (w * f.h) / f.w;
    const x = Math.min(f.w - w, Math.max(0, view.x));
    const y = Math.min(f.h - h, Math.max(0, view.y));
    this.view = { x, y, w, h };
    this.svg.setAttribute("viewBox", `${x} ${y} ${w} ${h}`);
    this.frame.classList.toggle("zoomed", w < f.w);
    this.root.dataset.zoom = (f.w / w).toFixed(2);
    this.sizeDiscs();
    if (this.shown) this.show(this.shown, false);
  }

  zoomAt(centre, factor) {
    const w = this.view.w / factor;
    const h = (w * this.full.h) / this.full.w;
    const rx = (centre.x - this.view.x) / this.view.w;
    const ry = (centre.y - this.view.y) / this.view.h;
    this.setView({ x: centre.x - rx * w, y: centre.y - ry * h, w, h });
  }

  zoomButton(kind) {
    if (!this.svg) return;
    const centre = { x: this.view.x + this.view.w / 2, y: this.view.y + this.view.h / 2 };
    if (kind === "reset") this.setView({ ...this.full });
    else this.zoomAt(centre, kind === "in" ? 2 : 0.5);
  }

  reveal(path) {
    const { x, y } = this.point(path);
    const v = this.view;
    if (x < v.x || x > v.x + v.w || y < v.y || y > v.y + v.h) {
      this.setView({ x: x - v.w / 2, y: y - v.h / 2, w: v.w, h: v.h });
    }
  }

  unitsAt(clientX, clientY) {
    const box = this.svg.getBoundingClientRect();
    return {
      x: this.view.x + ((clientX - box.left) / box.width) * this.view.w,
      y: this.view.y + ((clientY - box.top) / box.height) * this.view.h,
    };
  }

  screenOf({ x, y }) {
    const box = this.svg.getBoundingClientRect();
    return {
      x: box.left + ((x - this.view.x) / this.view.w) * box.width,
      y: box.top + ((y - this.view.y) / this.view.h) * box.height,
    };
  }

  down(e) {
    if (!this.svg) return;
    this.pointers.set(e.pointerId, { x: e.clientX, y: e.clientY });
    if (this.pointers.size === 1) {
      this.moved = false;
      this.start = { x: e.clientX, y: e.clientY, view: { ...this.view } };
    }
    if (this.pointers.size === 2) this.pinch = this.spread();
  }

  spread() {
    const [a, b] = [...this.pointers.values()];
    return {
      distance: Math.hypot(a.x - b.x, a.y - b.y) || 1,
      centre: this.unitsAt((a.x + b.x) / 2, (a.y + b.y) / 2),
      view: { ...this.view },
    };
  }

  move(e) {
    if (!this.pointers.has(e.pointerId)) return;
    this.pointers.set(e.pointerId, { x: e.clientX, y: e.clientY });
    if (this.pointers.size === 2 && this.pinch) {
      const [a, b] = [...this.pointers.values()];
      const factor = Math.hypot(a.x - b.x, a.y - b.y) / this.pinch.distance;
      const p = this.pinch;
      const w = p.view.w / factor;
      const rx = (p.centre.x - p.view.x) / p.view.w;
      const ry = (p.centre.y - p.view.y) / p.view.h;
      const h = (w * this.full.h) / this.full.w;
      this.setView({ x: p.centre.x - rx * w, y: p.centre.y - ry * h, w, h });
      this.moved = true;
      e.preventDefault();
    } else if (this.pointers.size === 1 && this.view.w < this.full.w) {
      const dx = e.clientX - this.start.x;
      const dy = e.clientY - this.start.y;
      if (Math.hypot(dx, dy) > 6) this.moved = true;
      if (!this.moved) return;
      const ppu = this.pixelsPerUnit();
      const v = this.start.view;
      this.setView({ x: v.x - dx / ppu, y: v.y - dy / ppu, w: v.w, h: v.h });
      e.preventDefault();
    }
  }

  up(e) {
    this.pointers.delete(e.pointerId);
    if (this.pointers.size < 2) this.pinch = null;
    if (this.pointers.size === 0) setTimeout(() => { this.moved = false; }, 0);
  }
}

export function render(component, data) {
  const host = component.parentElement;
  let map = host.__atlasWorldMap;
  if (!map) {
    map = new WorldMap(host);
    host.__atlasWorldMap = map;
  }
  const open = data.outside
    ? (code) => window.open(new URL(`country?iso3=${code}`, data.outside).href, "_blank", "noopener")
    : (code) => component.setTriggerValue("open", code);
  map.update(data, open).catch((error) => {
    map.help.textContent = `${data.failed} (${error.message})`;
  });
}
