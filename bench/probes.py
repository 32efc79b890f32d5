"""Browser probes that the benchmarks and the browser tests share: the one meaning of "the map is
painted", where a country's shape is, a recorder of a page's traffic, and where screenshots go.

They live in `bench` (which tests may import) so that `bench` never imports `tests`."""

from __future__ import annotations

import json

from bench import harness
from partners import paths

ARTIFACTS = harness.ROOT / "test-artifacts"

# The map's shapes, whatever draws them: the atlas's SVG map (static/worldmap.js marks each
# shape painted with its class, data-k) or, in the naive build, plotly.js's choropleth.
_SHAPES = "'.atlas-map path[data-k], .js-plotly-plot path.choroplethlocation'"
_CODE = "(p => p.dataset.iso3 || (p.__data__ && p.__data__.loc))"
# Every shape of the map, by ISO3 code, as drawn.
DRAWN = f"""() => [...document.querySelectorAll({_SHAPES})].map({_CODE}).filter(Boolean)"""
# The fill colour one country's shape is painted.
FILL = f"""code => {{ for (const p of document.querySelectorAll({_SHAPES}))
    if ({_CODE}(p) === code) return getComputedStyle(p).fill; return null; }}"""
# Every shape's fill, as one string: changes whenever the map is repainted differently.
FILLS = f"""() => JSON.stringify([...document.querySelectorAll({_SHAPES})]
    .map(p => getComputedStyle(p).fill))"""
# A point inside one country's shape on screen, to point at it or click it: the SVG map's label
# point (inside the largest part: France's is in Europe), else the middle of plotly's shape.
CENTRE = f"""code => {{ for (const p of document.querySelectorAll({_SHAPES})) {{
    if ({_CODE}(p) !== code) continue;
    if (p.dataset.p) {{ const [x, y] = p.dataset.p.split(' ').map(Number);
        const m = p.ownerSVGElement.getScreenCTM();
        return [m.a * x + m.c * y + m.e, m.b * x + m.d * y + m.f]; }}
    const r = p.getBoundingClientRect(); return [r.x + r.width / 2, r.y + r.height / 2]; }}
    return null; }}"""
_PAINTED = f"""n => document.querySelectorAll({_SHAPES}).length >= n"""


def shape_count() -> int:
    """How many shapes the map draws: every feature of the shipped boundaries file."""
    return len(json.loads(paths.BOUNDARIES.read_text(encoding="utf-8"))["features"])


def map_painted(count: int | None = None) -> tuple[str, int]:
    """The one test of "the map is painted": every shape of the boundaries file is drawn.

    Returns the script and its argument, for page.wait_for_function (sync or async Playwright).
    """
    return _PAINTED, shape_count() if count is None else count


def wait_for_map(page, timeout: float = 30_000) -> None:
    """Wait until the world map on the page is painted (sync Playwright)."""
    script, count = map_painted()
    page.wait_for_function(script, arg=count, timeout=timeout)


# On a country page, its small locator map drawn: an SVG the server draws, shown as an image,
# decoded (the page is complete, nothing still loading).
LOCATOR_PAINTED = """() => { const i = document.querySelector('img.atlas-locator');
    return !!i && i.complete && i.naturalWidth > 0; }"""


class Recorder:
    """Every request the page makes, and the bytes of every websocket frame it receives."""

    def __init__(self, page):
        self.requests: list[str] = []
        self.frames: list[int] = []
        page.on("request", lambda request: self.requests.append(request.url))
        page.on("websocket", self._socket)

    def _socket(self, socket):
        socket.on("framereceived", lambda payload: self.frames.append(len(payload)))


# Whether the page's script is running now ("running", "notRunning"), as the app marks it.
SCRIPT_STATE = """() => document.querySelector('[data-testid="stApp"]')
    ?.getAttribute('data-test-script-state')"""
# The app is idle: its last script run finished and nothing else is on its way to the page
# (Streamlit marks its root element with the run's state).
IDLE = """() => { const app = document.querySelector('[data-testid="stApp"]');
    return !!app && app.dataset.testScriptState === 'notRunning'; }"""


def wait_until_idle(page, timeout: float = 30_000) -> None:
    """Wait until the page's script run has finished (sync Playwright)."""
    page.wait_for_function(IDLE, timeout=timeout)
