"""Run the dashboard through Streamlit's AppTest, on one page with given URL parameters."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from partners import paths

ENTRY = str(paths.ROOT / "dashboard.py")
TEXT_ELEMENTS = ("title", "header", "subheader", "markdown", "caption", "warning", "info", "error")


def run(page: str | None = None, params: dict | None = None) -> AppTest:
    """The app after one run of `page` (the map when None) with `params` in its address."""
    app = AppTest.from_file(ENTRY, default_timeout=60)
    for key, value in (params or {}).items():
        app.query_params[key] = value
    if page:
        app.switch_page(page)
    return app.run()


def rendered(app: AppTest) -> list[str]:
    """Every text the page renders as markdown (titles, text, captions, notices)."""
    return [str(e.value) for kind in TEXT_ELEMENTS for e in app.get(kind)]


def resolution_option(symbol: str) -> str:
    """The resolution picker's option for a symbol, as a shared link carries it."""
    from partners import load, present

    row = load.load_resolutions().set_index("symbol").loc[symbol]
    return present.resolution_label(symbol, row["adopted"], row["short_title"])


def legend(app: AppTest) -> list[str]:
    """The map legend's entries, 'Label (count)', as the page's legend element lists them."""
    import html
    import re

    blocks = [str(e.proto.body) for e in app.get("html") if "atlas-legend" in e.proto.body]
    assert len(blocks) == 1, "one legend"
    return [html.unescape(item) for item in re.findall(r"</span>([^<]+)</span>", blocks[0])]


# The app's own HTML: the legend, the script that moves focus, a country's vote strip.
OUR_HTML = (
    "atlas-legend",
    "atlas-focus",
    "atlas-once",
    "vote-strip",
    "atlas-compare",
    "atlas-chips",
    "atlas-locator",
)


def foreign_html(app: AppTest) -> list[str]:
    """HTML elements other than the app's own: there must be none."""
    bodies = [str(e.proto.body) for e in app.get("html")]
    return [body for body in bodies if not any(mark in body for mark in OUR_HTML)]


def vote_cells(app: AppTest) -> int:
    """How many votes the country page's strip shows."""
    strips = [str(e.proto.body) for e in app.get("html") if "vote-strip" in e.proto.body]
    return sum(body.count("<li ") for body in strips)


def map_data(app: AppTest) -> dict:
    """What the page hands the world map component (partners.figures.map_data and its words)."""
    import json

    maps = [e for e in app.get("bidi_component") if e.proto.component_name == "atlas_world_map"]
    assert len(maps) == 1, "one world map"
    return json.loads(maps[0].proto.json)
