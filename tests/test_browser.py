"""The real server in Debian's Chromium: what only a browser shows.

The map draws every member, a click navigates, filters repaint, deep links restore the view, and
not one request leaves the machine. Screenshots go to test-artifacts/.
"""

from __future__ import annotations

import json
import time
from urllib.parse import quote_plus, urlsplit

import pytest

from bench.probes import (
    ARTIFACTS,
    CENTRE,
    DRAWN,
    FILL,
    FILLS,
    LOCATOR_PAINTED,
    wait_for_map,
    wait_until_idle,
)
from tests import apptest

pytest.importorskip("playwright.sync_api")
pytestmark = pytest.mark.browser

MEASURED: dict[str, object] = {}


@pytest.fixture(scope="module", autouse=True)
def _record_measurements():
    """After the module: what the tests measured, for a reader of the artifacts."""
    yield
    ARTIFACTS.mkdir(exist_ok=True)
    record = ARTIFACTS / "browser-measurements.json"
    earlier = json.loads(record.read_text()) if record.exists() else {}
    record.write_text(json.dumps(earlier | MEASURED, indent=2))


def test_the_map_draws_a_shape_for_every_un_member(server, page, atlas):
    started = time.perf_counter()
    page.goto(server + "/")
    wait_for_map(page)
    MEASURED["first_map_seconds"] = round(time.perf_counter() - started, 3)
    drawn = set(page.evaluate(DRAWN))
    members = set(atlas.countries["iso3"])
    assert drawn >= members, sorted(members - drawn)
    page.screenshot(path=ARTIFACTS / "map.png")


def test_a_warm_browser_paints_the_map_quickly(server, page):
    page.goto(server + "/")
    wait_for_map(page)
    times = []
    for _ in range(5):
        started = time.perf_counter()
        page.reload()
        wait_for_map(page)
        times.append(time.perf_counter() - started)
    MEASURED["warm_map_seconds"] = sorted(round(t, 3) for t in times)
    assert sorted(times)[2] < 10


def _hosts(urls: list[str]) -> set[str]:
    return {
        urlsplit(u).hostname for u in urls if urlsplit(u).scheme in ("http", "https", "ws", "wss")
    }


def test_not_one_request_leaves_the_machine(server, page):
    for path in ("/", "/country?iso3=IRN", "/about", "/country?iso3=zz"):
        page.goto(server + path)
        page.wait_for_load_state("networkidle")
        if path == "/":
            wait_for_map(page)
        if path == "/country?iso3=IRN":
            page.wait_for_function(LOCATOR_PAINTED)
    assert _hosts(page.recorder.requests) == {"127.0.0.1"}
    assert any("/app/static/world.svg?v=" in u for u in page.recorder.requests)


def test_the_map_page_loads_no_plotly_and_fetches_its_shapes_and_script_once(server, page):
    """The SVG map: plotly.js (a 4.7 MB chunk) is not loaded; the shapes and the map's script
    are fetched once and kept, however often the view changes."""
    page.goto(server + "/")
    wait_for_map(page)
    wait_until_idle(page)
    for label in ("Diplomatic cover", "Economic ties", "Diplomatic cover"):
        before = page.evaluate(FILLS)
        page.get_by_role("button", name=label, exact=True).click()
        page.wait_for_function(f"b => ({FILLS})() !== b", arg=before)
    wait_until_idle(page)
    requests = page.recorder.requests
    assert not [u for u in requests if "PlotlyChart" in u or "plotly" in u.lower()]
    assert len([u for u in requests if "/app/static/world.svg" in u]) == 1
    assert len([u for u in requests if "/app/static/worldmap.js" in u]) == 1


@pytest.mark.parametrize(
    "address, code, lines",
    [
        ("/", "CHN", ["China", "Weapons and munitions"]),
        ("/", "GRL", ["Greenland", "Part of Denmark"]),
        # A member's line is its vote (the title names the resolution); a territory says whose.
        ("/?view=vote&res=ES-11%2F1", "IND", ["India", "Abstain"]),
        ("/?view=vote&res=ES-11%2F1", "GRL", ["Greenland", "its vote on A/RES/ES-11/1: Yes"]),
    ],
)
def test_hovering_a_country_shows_its_name_from_the_shapes_and_the_view_lines(
    server, page, address, code, lines
):
    page.goto(server + address)
    wait_for_map(page)
    # Aimed once the page has settled: on a busy machine an element above the map whose code
    # is still on its way can be drawn after the map, moving it down (Greenland, at the map's
    # top, was missed so in a CI run).
    wait_until_idle(page)
    page.mouse.move(*page.evaluate(CENTRE, code))
    label = page.locator(".atlas-map-tip")
    label.wait_for()
    text = label.text_content()
    assert all(line in text for line in lines), text


def test_changing_a_filter_recolours_the_same_map_with_a_small_update(server, page):
    """The first filter change of a visit recolours the map already drawn (the same element),
    sends a small update and fetches the shapes no second time."""
    page.goto(server + "/")
    wait_for_map(page)
    wait_until_idle(page)
    page.evaluate("() => { window.__drawnMap = document.querySelector('.atlas-map'); }")
    before = page.evaluate(FILL, "ERI")  # Eritrea: diplomatic cover only
    received = len(page.recorder.frames)
    started = time.perf_counter()
    page.get_by_role("button", name="Diplomatic cover").click()
    page.wait_for_function(f"([code, fill]) => ({FILL})(code) !== fill", arg=["ERI", before])
    MEASURED["filter_to_repaint_seconds"] = round(time.perf_counter() - started, 3)
    wait_until_idle(page)
    sent = sum(page.recorder.frames[received:])
    MEASURED["bytes_per_filter_change"] = sent
    assert sent < 50_000
    assert "Diplomatic+cover" not in page.url and "cat=" in page.url
    shapes = [u for u in page.recorder.requests if "/app/static/world.svg" in u]
    assert len(shapes) == 1
    assert page.evaluate("() => window.__drawnMap === document.querySelector('.atlas-map')")


def test_a_filter_change_sends_the_elements_that_did_not_change_as_references(server, browser):
    """From the second filter change on, the browser already holds most of the page (the
    navigation, the other filters, the credits): the server names them by their hash and sends
    in full only what changed, the map's data among them (.streamlit/config.toml). The first
    change re-sends the filters: the first run had set their values from the address."""
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    frames: list[bytes] = []
    page.on("websocket", lambda ws: ws.on("framereceived", lambda frame: frames.append(frame)))
    page.goto(server + "/")
    wait_for_map(page)
    wait_until_idle(page)
    for pill in ("Diplomatic cover", "Weapons and munitions"):
        frames.clear()
        before, address = page.evaluate(FILLS), page.url
        page.get_by_role("button", name=pill, exact=True).click()
        page.wait_for_function(f"b => ({FILLS})() !== b", arg=before)
        wait_until_idle(page)
        assert page.url != address, "the address did not follow the filter"
    messages = [ForwardMsg.FromString(frame) for frame in frames if isinstance(frame, bytes)]
    context.close()
    full = [
        m.delta.new_element.WhichOneof("type")
        for m in messages
        if m.WhichOneof("type") == "delta" and m.delta.WhichOneof("type") == "new_element"
    ]
    references = sum(m.WhichOneof("type") == "ref_hash" for m in messages)
    assert "bidi_component" in full, f"the map's new data was not sent in full: {full}"
    assert references >= len(full), f"{references} elements sent as references; in full: {full}"
    MEASURED["second_filter_change_elements_in_full_and_as_references"] = [len(full), references]


def test_a_pasted_deep_link_restores_the_view(server, page):
    option = apptest.resolution_option("A/RES/ES-11/3")
    page.goto(f"{server}/?view=UN+vote&res={quote_plus(option)}&dir=To+Russia&dir=From+Russia")
    wait_for_map(page)
    page.get_by_text("Yes (93)").wait_for()
    assert page.get_by_text("No (24)").is_visible()
    page.screenshot(path=ARTIFACTS / "deep-link-vote.png")


def test_a_pasted_country_link_opens_in_a_new_tab(server, browser):
    context = browser.new_context()
    page = context.new_page()
    page.goto(server + "/country?iso3=prk")
    page.get_by_text("Pyongyang denies it").wait_for()
    assert page.get_by_text("Denied by North Korea").first.is_visible()
    context.close()


def test_a_hostile_code_gets_the_friendly_page(server, page):
    page.goto(server + "/country?iso3=" + quote_plus("<img src=x onerror=alert(1)>"))
    page.get_by_text("does not name a country").wait_for()
    assert page.locator("img[src=x]").count() == 0


def test_the_map_draws_when_the_shapes_are_slow_to_arrive(server, page):
    """A slow link (here 6 s for the shapes) still gets the map, with no error on the way
    (plotly.js once gave up after 5 s)."""
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))

    def slow(route):
        response = route.fetch()
        time.sleep(6)
        route.fulfill(response=response)

    page.route("**/world.svg*", slow)
    page.goto(server + "/")
    wait_for_map(page, timeout=60_000)
    wait_until_idle(page)
    assert errors == []


def test_a_country_page_locates_its_country_without_plotly_or_the_worlds_shapes(server, page):
    """The locator is an SVG drawn on the server: the page fetches no shapes and no plotly.js."""
    page.goto(server + "/country?iso3=IRN")
    image = page.locator("img.atlas-locator")
    image.wait_for()
    alt = image.get_attribute("alt")
    assert alt == "Where Iran (Islamic Republic of) is: a map of it and its neighbours"
    page.wait_for_function(f"() => ({LOCATOR_PAINTED})()")
    wait_until_idle(page)
    page.wait_for_load_state("networkidle")
    fetched = page.recorder.requests
    assert not [u for u in fetched if "boundaries.geojson" in u or "PlotlyChart" in u]
    assert image.bounding_box()["width"] > 200
