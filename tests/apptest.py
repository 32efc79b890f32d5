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
    """The map legend's entries, 'Label (count)', as the map component draws them."""
    drawn = map_data(app)
    pairs = zip(drawn["labels"], drawn["counts"], strict=True)
    return [f"{label} ({count})" for label, count in pairs]


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


def html_tables(app: AppTest) -> list[str]:
    """The page's HTML tables (partners.markup.html_table), each as its element's HTML."""
    bodies = [str(e.proto.body) for e in app.get("html")]
    return [body for body in bodies if 'class="atlas-compare' in body]


def map_table(app: AppTest):
    """The map page's table as the page shows it (an HTML table: partners.markup.frame_table):
    a DataFrame of its cells' texts under its headings, and each row's link, in order."""
    from html.parser import HTMLParser

    import pandas as pd

    tables = html_tables(app)
    assert len(tables) == 1, "one table on the map page"

    class Cells(HTMLParser):
        def __init__(self):
            super().__init__()
            self.head, self.rows, self.links, self.cell = [], [], [], None

        def handle_starttag(self, tag, attrs):
            if tag == "tr":
                self.row = []
            elif tag in ("th", "td"):
                self.cell = ""
            elif tag == "a":
                self.links.append(dict(attrs)["href"])

        def handle_data(self, data):
            if self.cell is not None:
                self.cell += data

        def handle_endtag(self, tag):
            if tag in ("th", "td"):
                self.row.append(self.cell)
                self.cell = None
            elif tag == "tr":
                (self.rows if self.head else self.head).append(self.row)

    cells = Cells()
    cells.feed(tables[0])
    frame = pd.DataFrame(cells.rows, columns=cells.head[0])
    return frame, cells.links
