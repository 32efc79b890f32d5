"""The world map on the map page: Streamlit's own component API (st.components.v2) around
static/worldmap.js, which recolours the shapes of static/world.svg.

What travels with a rerun is the component's data (figures.map_data: one character per shape,
the legend's colours, labels and counts, which it draws above the map, the lines shown for
countries with something to say) and a loader of a few hundred bytes. The script and the shapes
are files the browser fetches once and keeps: a view change costs a few KB, and the page loads
no plotly.js.
"""

from __future__ import annotations

import hashlib

import streamlit as st

from partners import paths

SCRIPT = paths.MAP_SCRIPT
SHAPES = paths.WORLD_SVG


def _version(path) -> str:
    """A digest of a file in its address: a new file gets a new address, never a stale copy."""
    return hashlib.sha256(path.read_bytes()).hexdigest()[:12]


_VERSION = _version(SCRIPT)
SHAPES_URL = f"app/static/world.svg?v={_version(SHAPES)}"

# Streamlit serves static/ files as plain text, so the script is fetched and imported as a
# module from a blob; the promise is kept per tab, so it is fetched and parsed once. The shapes
# are fetched at the same time, not after the script (static/worldmap.js takes the promise).
_LOADER = """
const url = new URL("app/static/worldmap.js?v=VERSION", document.baseURI).href;
export default function (component) {
  const shapes = (window.__atlasShapes ||= new Map());
  const svg = component.data && component.data.svg;
  if (svg && !shapes.has(svg)) {
    shapes.set(svg, fetch(svg).then((r) => {
      if (!r.ok) throw new Error(`${svg}: ${r.status}`);
      return r.text();
    }));
  }
  window.__atlasWorldMapModule ||= fetch(url)
    .then((r) => r.text())
    .then((t) => import(URL.createObjectURL(new Blob([t], { type: "text/javascript" }))));
  const data = component.data;
  window.__atlasWorldMapModule.then((m) => m.render(component, data));
}
""".replace("VERSION", _VERSION)

# Not isolated in a shadow root: the shapes are part of the page, for find-in-page, screen
# readers, the accessibility checks and the tests' probes.
_COMPONENT = st.components.v2.component("atlas_world_map", js=_LOADER, isolate_styles=False)


def world_map(data: dict, *, key: str) -> str | None:
    """Draw the map; the ISO3 code of the country a reader opened (click, tap, Enter), if any."""
    result = _COMPONENT(key=key, data=data, on_open_change=lambda: None)
    return result.open if result is not None else None
