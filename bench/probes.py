"""Browser probes that the benchmarks and the browser tests share: the one meaning of "the map is
painted", where a country's shape is, a recorder of a page's traffic, and where screenshots go.

They live in `bench` (which tests may import) so that `bench` never imports `tests`."""

from __future__ import annotations

import collections
import json
import time

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


# A fact on Iran's page that the benchmarks wait for: the page has arrived when it shows.
IRAN_FACT = "Iran has finalised a contract to buy Russian Su-35"
_SHOWS = "t => document.body.textContent.includes(t)"


def wait_for_text(page, text: str, timeout: float = 30_000) -> None:
    """Wait until the page shows `text`, checked at every frame (sync Playwright).

    Not locator.wait_for(): Playwright retries a locator after 0, 20, 50, 100, 100 and then
    every 500 ms, so a text that arrives at 650 ms is seen at 650 or at 1150 ms, depending on
    when the first try was; the country page measured 0.75 s in some loads and 1.2 s in others.
    """
    page.wait_for_function(_SHOWS, arg=text, polling="raf", timeout=timeout)


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


class Wire:
    """What a page receives: each HTTP response's bytes as they came over the wire (Chromium's
    own count, through the DevTools protocol), the websocket's frames, and each script's
    encoding and size.

    Playwright's request.sizes() once counted 0.65-0.86 MB of a first visit of about 3 MB, some
    responses cut short; Chromium's count of what arrived is exact. Responses made in the page
    (blob: and data: URLs) are not counted: nothing is sent.
    """

    def __init__(self, context, page):
        self.http = 0
        self.ws = 0
        self.scripts: dict[str, tuple[str, int, int]] = {}  # url: (encoding, size, on the wire)
        self._pending: set[str] = set()
        self._responses: dict[str, dict] = {}
        self._sizes: collections.Counter = collections.Counter()
        devtools = context.new_cdp_session(page)
        devtools.on("Network.requestWillBeSent", lambda e: self._pending.add(e["requestId"]))
        devtools.on("Network.responseReceived", self._response)
        devtools.on("Network.dataReceived", self._data)
        devtools.on("Network.loadingFinished", self._finished)
        devtools.on("Network.loadingFailed", lambda e: self._pending.discard(e["requestId"]))
        devtools.send("Network.enable")
        page.on("websocket", lambda socket: socket.on("framereceived", self._frame))

    def _response(self, event: dict) -> None:
        self._responses[event["requestId"]] = event["response"]

    def _data(self, event: dict) -> None:
        self._sizes[event["requestId"]] += event["dataLength"]

    def _frame(self, payload) -> None:
        self.ws += len(payload)

    def _finished(self, event: dict) -> None:
        self._pending.discard(event["requestId"])
        response = self._responses.pop(event["requestId"], None)
        if not response or not response["url"].startswith("http"):
            return
        wire = int(event["encodedDataLength"])
        self.http += wire
        if response["mimeType"].endswith("javascript"):
            headers = {k.lower(): v for k, v in response["headers"].items()}
            encoding = headers.get("content-encoding", "")
            self.scripts[response["url"]] = (encoding, self._sizes[event["requestId"]], wire)

    def mark(self) -> tuple[int, int]:
        """Bytes so far: (websocket, HTTP)."""
        return self.ws, self.http

    def settle(self, page, timeout: float = 30.0) -> None:
        """Wait until the page's fonts are loaded and every response has arrived in full."""
        page.evaluate("() => document.fonts.ready.then(() => true)")
        deadline = time.monotonic() + timeout
        while self._pending and time.monotonic() < deadline:
            page.wait_for_timeout(200)
        if self._pending:
            raise TimeoutError(f"{len(self._pending)} responses still arriving after {timeout} s")


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
