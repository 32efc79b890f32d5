"""The atlas as its readers use it, in Debian's Chromium: seven readers' tasks, Back and Forward
after every way of opening a country, embedding, and an accessibility audit (axe-core).

Each test is one reader's path and asserts what they must see; screenshots go to
test-artifacts/readers-*.png for review.
"""

from __future__ import annotations

import io
import re
import struct
from pathlib import Path
from urllib.parse import parse_qs, quote, urlsplit

import pytest

from bench import harness
from bench.probes import ARTIFACTS, CENTRE, FILL, FILLS, wait_for_map, wait_until_idle
from partners import figures, provenance, site, stance, vocab

expect = pytest.importorskip("playwright.sync_api").expect  # assertions that wait and retry
pytestmark = pytest.mark.browser

PHONE_AGENT = harness.PHONE_AGENT
# The horizontal extent of every shape drawn: how wide the world is on the screen.
WORLD_SPAN = """() => { let l = Infinity, r = -Infinity;
    for (const p of document.querySelectorAll('.atlas-map path[data-k]')) {
        const b = p.getBoundingClientRect(); if (b.width === 0) continue;
        l = Math.min(l, b.left); r = Math.max(r, b.right); }
    return [l, r]; }"""
AS_OF = provenance.Package.read().facts_as_of  # the facts' date, as datapackage.json gives it
# How light the page's background is, 0 (black) to 1 (white).
BACKGROUND_LUMINANCE = """() => {
    const [r, g, b] = getComputedStyle(document.querySelector('.stApp')).backgroundColor
        .match(/\\d+/g).map(Number);
    return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255; }"""
GREYS = {"rgba(139, 148, 158, 0.5)"}  # "no support documented", as the browser computes it


def _rgb(hex_colour: str) -> str:
    r, g, b = (int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgb({r}, {g}, {b})"


def _shot(page, name: str, full: bool = False) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=ARTIFACTS / f"readers-{name}.png", full_page=full)


def _params(url: str) -> dict[str, list[str]]:
    return parse_qs(urlsplit(url).query, keep_blank_values=True)


def _phone(browser, **options):
    """A browser context as a mid-range phone has it: 390x844, touch, a phone's user agent."""
    return browser.new_context(**harness.PHONE, **options)


def _only_weapons(page) -> None:
    """Leave only 'Weapons and munitions' selected, by clicking the other kinds off."""
    for label in (t.label for t in vocab.CATEGORIES if t.code != "arms"):
        before = page.url
        page.get_by_role("button", name=label, exact=True).click()
        page.wait_for_function("b => location.href !== b", arg=before)


def _weapons_to_russia(atlas) -> tuple[set[str], set[str]]:
    """Who the data says arms Russia to date, and the other documented countries (grey under
    'weapons')."""
    support = atlas.support[atlas.support["ended_by"].isna()]
    facts = support[support["direction"] == "to_russia"]
    armed = set(facts.loc[facts["category"] == "arms", "iso3"])
    return armed, set(facts["iso3"]) - armed - {"RUS"}


def test_journalist_weapons_map_pictures_link_and_sources(server, page, atlas):
    armed, unarmed = _weapons_to_russia(atlas)
    assert armed and unarmed, "the data has countries on both sides of the filter"
    page.goto(server + "/")
    wait_for_map(page)
    _only_weapons(page)
    assert _params(page.url) == {"cat": ["arms"]}, "the address holds short codes"
    # Each click off is its own rerun and repaint: wait for the last one, when every
    # unarmed country is grey (an earlier repaint greys some and leaves the last kind's).
    page.wait_for_function(
        f"([cs, g]) => cs.every(c => g.includes(({FILL})(c)))",
        arg=[sorted(unarmed), sorted(GREYS)],
    )
    assert [c for c in sorted(armed) if page.evaluate(FILL, c) in GREYS] == []
    _shot(page, "journalist-weapons")

    pictures = {}
    for kind in ("PNG", "SVG"):
        with page.expect_download() as pending:
            page.get_by_role("button", name=f"Download the map ({kind})").click()
        pictures[kind] = Path(pending.value.path()).read_bytes()
    width, height = struct.unpack(">II", pictures["PNG"][16:24])
    assert pictures["PNG"][:8] == b"\x89PNG\r\n\x1a\n" and width == 1200
    svg = pictures["SVG"].decode("utf-8")
    texts = " ".join(re.findall(r">([^<>]+)</text>", svg)) or svg
    for wanted in (
        "Who supports Russia",
        "Weapons and munitions",
        f"as of {AS_OF}",
        "Made with Natural Earth",
        "United Nations (DGACM)",
    ):
        assert wanted in texts.replace("&#39;", "'"), wanted

    page.get_by_role("button", name="Share or embed this view").click()
    link = page.locator("[data-testid='stPopoverBody'] [data-testid='stCode'] code").first
    shared = link.inner_text().strip()
    assert _params(shared) == {"cat": ["arms"]}
    other = page.context.browser.new_page()
    other.goto(shared)
    wait_for_map(other)
    assert [c for c in sorted(unarmed) if other.evaluate(FILL, c) not in GREYS] == []
    assert other.evaluate(FILL, sorted(armed)[0]) not in GREYS
    other.close()

    page.goto(server + "/about")
    page.get_by_role("heading", name="Cite this atlas").wait_for()
    bibtex = page.locator("[data-testid='stCode']").filter(has_text="@misc{russia_partners_atlas")
    bibtex.wait_for()
    assert bibtex.count() == 1
    _shot(page, "journalist-sources", full=True)


@pytest.mark.parametrize("code", ["CHN", "IND", "ZAF"])
def test_student_reads_a_countrys_votes_beside_its_facts(server, page, atlas, code):
    page.goto(server + f"/country?iso3={code}")
    page.get_by_role("heading", name="UN General Assembly votes").wait_for()
    votes = page.locator(".vote-strip li")
    votes.nth(len(atlas.resolutions) - 1).wait_for()
    assert votes.count() == len(atlas.resolutions)
    # plain() puts an invisible word joiner before every colon (so no text becomes a link).
    assert page.get_by_text(re.compile("^2019–2021\u2060?: ")).count() == 1, "the change, in words"
    first = atlas.facts[atlas.facts["iso3"] == code]["summary"].iloc[0]
    page.get_by_text(first).wait_for()
    _shot(page, f"student-{code}", full=True)


def test_analyst_downloads_the_facts_the_votes_and_the_data_package(server, page, atlas):
    page.goto(server + "/")
    wait_for_map(page)
    media = [u for u in page.recorder.requests if urlsplit(u).path.startswith("/media/")]
    assert media == [], "nothing is stored or fetched for a download until it is clicked"
    with page.expect_download() as pending:
        page.get_by_role("button", name=re.compile(r"Download these \d+ facts")).click()
    facts = Path(pending.value.path()).read_text(encoding="utf-8").strip().splitlines()
    assert facts[0].startswith("fact_id,country,iso3,category")
    support = atlas.support
    assert (
        len(facts) == 1 + ((support["direction"] == "to_russia") & support["ended_by"].isna()).sum()
    )
    page.goto(server + "/?view=vote&res=ES-11/1")
    wait_for_map(page)
    with page.expect_download() as pending:
        page.get_by_role("button", name="Download the 193 votes on A/RES/ES-11/1 (CSV)").click()
    votes = Path(pending.value.path()).read_text(encoding="utf-8").strip().splitlines()
    assert votes[0] == "symbol,iso3,country,vote" and len(votes) == 194
    assert sum(line.endswith(",yes") for line in votes) == 141
    page.goto(server + "/about")
    with page.expect_download() as pending:
        page.get_by_role("button", name=re.compile("^datapackage.json")).click()
    assert b'"resources"' in Path(pending.value.path()).read_bytes()


def test_phone_reader_sees_the_map_first_screen_and_the_controls_one_tap_away(server, browser):
    context = _phone(browser)
    page = context.new_page()
    page.goto(server + "/")
    wait_for_map(page)
    wait_until_idle(page)
    chart = page.locator(".atlas-map svg").first.bounding_box()
    left, right = page.evaluate(WORLD_SPAN)
    legend = page.locator(".atlas-legend").bounding_box()
    _shot(page, "phone")
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 390, "no sideways scroll"
    assert chart["x"] >= 0 and chart["x"] + chart["width"] <= 390
    assert chart["y"] < 844, "the map starts in the first screen"
    assert right - left >= 0.9 * 390, f"the world is {right - left:.0f} px wide"
    assert legend["y"] + legend["height"] < 844 and legend["width"] <= 390
    # The controls and the table are folded on the page, and not drawn until opened: the
    # phone's first paint is the title, the legend and the map (no side panel to cover it).
    expect(page.get_by_test_id("stSidebar")).to_have_count(0)
    expect(page.get_by_text("Kinds of support", exact=True)).to_have_count(0)
    expect(page.get_by_text("Facts from", exact=True)).to_have_count(0)
    expect(page.locator(".atlas-compare")).to_have_count(0)
    controls = page.get_by_test_id("stExpander").filter(has_text="Filters and country picker")
    assert controls.bounding_box()["y"] < chart["y"], "the folded controls are above the map"
    controls.get_by_text("Filters and country picker").tap()
    page.get_by_role("button", name="Weapons and munitions").wait_for(state="visible")
    expect(controls.get_by_text("Facts from", exact=True)).to_be_visible()  # heads the filters
    _shot(page, "phone-controls")
    before = page.evaluate(FILLS)
    page.get_by_role("button", name="Diplomatic cover").tap()
    page.wait_for_function(f"b => ({FILLS})() !== b", arg=before)
    wait_until_idle(page)
    expect(page.get_by_role("button", name="Weapons and munitions")).to_be_visible()  # still open
    page.get_by_text("The table, the downloads and a link to this view").tap()
    expect(page.locator(".atlas-compare tbody tr").first).to_be_visible()
    # The picker is folded behind its button until opened (its 800 names cost a phone's first
    # paint); opened, it takes the typing at once.
    expect(controls.get_by_role("combobox")).to_have_count(0)
    controls.get_by_role("button", name="Go to a country").tap()
    expect(page.get_by_role("combobox", name="Go to a country")).to_be_focused()
    page.keyboard.type("Chiny")
    page.keyboard.press("Enter")
    page.wait_for_url("**/country?iso3=CHN")
    context.close()


def _open_picker(page, name: str = "Go to a country") -> None:
    """Open a folded country picker by its button; the select inside takes the focus."""
    page.get_by_role("button", name=name).click()
    expect(page.get_by_role("combobox", name=name)).to_be_focused()


def _luminance_at(page, code: str) -> float:
    """How light the screen is at a country's centre (0 black, 1 white), from a screenshot."""
    from PIL import Image

    x, y = page.evaluate(CENTRE, code)
    shot = page.screenshot(clip={"x": x - 1, "y": y - 1, "width": 3, "height": 3})
    r, g, b = Image.open(io.BytesIO(shot)).convert("RGB").getpixel((1, 1))
    return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255


# The outline a country's shape is drawn with, and the page's text colour.
OUTLINE = """c => getComputedStyle(document.querySelector(
    `.atlas-map path[data-iso3="${c}"]`)).stroke"""
TEXT_COLOUR = "() => getComputedStyle(document.querySelector('.atlas-map')).color"


def test_dark_mode_reader_gets_quiet_greys_and_a_theme_switch_that_repaints(server, browser):
    context = browser.new_context(viewport={"width": 1366, "height": 768}, color_scheme="dark")
    page = context.new_page()
    page.goto(server + "/")
    wait_for_map(page)
    wait_until_idle(page)
    assert page.evaluate(BACKGROUND_LUMINANCE) < 0.25, "the page follows the dark scheme"
    dark = {code: _luminance_at(page, code) for code in ("DEU", "ESH", "CHN")}
    _shot(page, "dark")
    # On a dark page the greys are dark, the disputed area the darkest; partners stand out:
    # in colour, and outlined in the page's light text colour (the darkest classes are dark).
    assert dark["ESH"] < dark["DEU"] < 0.45, dark
    assert abs(dark["CHN"] - dark["DEU"]) > 0.1 or page.evaluate(FILL, "CHN") not in GREYS
    assert page.evaluate(OUTLINE, "CHN") == page.evaluate(TEXT_COLOUR)
    assert page.evaluate(OUTLINE, "DEU") != page.evaluate(TEXT_COLOUR)
    page.get_by_test_id("stMainMenu").click()  # the ⋮ menu holds the theme switch
    menu = page.get_by_test_id("stMainMenuList")
    menu.get_by_text("Dark").first.wait_for()
    menu.get_by_text("Light").first.click()
    page.keyboard.press("Escape")
    page.wait_for_function(f"() => ({BACKGROUND_LUMINANCE})() > 0.9")
    light = {code: _luminance_at(page, code) for code in ("DEU", "ESH")}
    _shot(page, "dark-switched-to-light")
    assert light["ESH"] > light["DEU"] > 0.6, light
    assert page.evaluate(OUTLINE, "CHN") == page.evaluate(TEXT_COLOUR), "the outline follows"
    context.close()


def test_keyboard_reader_finds_holland_and_lands_on_the_heading(server, page):
    page.goto(server + "/")
    wait_for_map(page)
    button = page.get_by_role("button", name="Go to a country")
    for _ in range(40):  # Tab through the page until the picker's button has the focus
        page.keyboard.press("Tab")
        if button.evaluate("b => b === document.activeElement"):
            break
    page.keyboard.press("Enter")  # opens the picker, and the focus goes into it
    expect(page.get_by_role("combobox", name="Go to a country")).to_be_focused()
    page.keyboard.type("Holland")
    page.keyboard.press("Enter")
    page.wait_for_url("**/country?iso3=NLD")
    page.get_by_role("heading", name="Netherlands").first.wait_for()
    page.wait_for_function("() => document.activeElement.tagName === 'H1'")
    _shot(page, "keyboard-netherlands")


def test_first_time_visitor_sees_legend_and_dates_in_the_first_screen(server, browser):
    context = browser.new_context(viewport={"width": 1366, "height": 768})
    page = context.new_page()
    page.goto(server + "/")
    wait_for_map(page)
    assert page.evaluate(BACKGROUND_LUMINANCE) > 0.9, "the page follows the light scheme"
    legend = page.locator(".atlas-legend").bounding_box()
    assert legend["y"] + legend["height"] < 768
    # The facts' span: from the article's date to the latest source's, in the subtitle.
    assert page.get_by_text(f"March 2023 to {AS_OF}").first.bounding_box()["y"] < 768
    wait_until_idle(page)  # settled before aiming at a country
    x, y = page.evaluate(CENTRE, "FRA")
    page.mouse.move(x, y)
    page.get_by_text("No support documented in these sources").last.wait_for()
    _shot(page, "first-visit")
    context.close()


TABLE_COLUMN = """n => [...document.querySelectorAll('.atlas-compare tbody tr')]
    .map(row => row.cells[n].textContent.trim())"""


def test_a_reader_sorts_the_map_table_by_a_column_and_back_by_mouse_and_keyboard(server, page):
    """A heading of the table under the map sorts it, as st.dataframe did: a count largest
    first, then smallest first; the country names from A by the keyboard (Enter on the
    heading); the sorted column says so to screen readers."""
    import unicodedata

    page.goto(server + "/")
    wait_for_map(page)
    table = page.locator(".atlas-compare")
    headings = table.locator("thead th")
    names = [headings.nth(i).inner_text().strip(" ↕") for i in range(headings.count())]
    column = names.index("All facts")
    count = lambda: [int(n) for n in page.evaluate(TABLE_COLUMN, column)]  # noqa: E731
    assert count() != sorted(count(), reverse=True)  # the shown order is not already it
    button = table.get_by_role("button", name="All facts")
    button.click()
    assert count() == sorted(count(), reverse=True)
    expect(headings.nth(column)).to_have_attribute("aria-sort", "descending")
    button.click()
    assert count() == sorted(count())
    expect(headings.nth(column)).to_have_attribute("aria-sort", "ascending")
    table.get_by_role("button", name="Country").focus()
    page.keyboard.press("Enter")
    shown = page.evaluate(TABLE_COLUMN, 0)
    bare = lambda name: unicodedata.normalize("NFKD", name).encode("ascii", "ignore").lower()  # noqa: E731
    assert shown == sorted(shown, key=bare) and len(shown) > 5
    expect(headings.nth(column)).not_to_have_attribute("aria-sort", re.compile("."))
    expect(headings.nth(0)).to_have_attribute("aria-sort", "ascending")


@pytest.mark.parametrize("how", ["click", "picker", "table"])
def test_one_back_restores_the_view_however_a_country_was_opened_and_forward_returns(
    server, page, how
):
    page.goto(server + "/?cat=exercises&dir=mutual")
    wait_for_map(page)
    # The view the reader leaves: joint exercises, both ways (China is painted, France not).
    page.wait_for_function(f"() => ({FILL})('CHN') !== ({FILL})('FRA')")
    wait_until_idle(page)  # settled: nothing else is on its way to the page
    left_url, left_fills = page.url, page.evaluate(FILLS)
    entries = page.evaluate("history.length")
    if how == "click":
        x, y = page.evaluate(CENTRE, "CHN")
        page.mouse.click(x, y)
    elif how == "picker":
        _open_picker(page)
        page.keyboard.type("China")
        page.keyboard.press("Enter")
    else:  # the first country's name in the table under the map: a link to its page
        page.locator(".atlas-compare tbody th a").first.click()
    page.wait_for_url(re.compile(r"/country\?iso3=[A-Z]{3}$"))
    page.get_by_role("heading", level=1).first.wait_for()
    # One entry for the country, so one Back returns (Streamlit's switch adds two by itself).
    assert page.evaluate("history.length") == entries + 1
    for step in ("back", "forward", "back again"):
        if step == "forward":
            page.go_forward()
            page.wait_for_url(re.compile(r"/country\?iso3=[A-Z]{3}$"))
            continue
        page.go_back()
        wait_for_map(page, timeout=60_000)
        page.wait_for_function(f"b => ({FILLS})() === b", arg=left_fills, timeout=60_000)
        assert _params(page.url) == _params(left_url), (step, page.url)


EMBED_WIDTH, EMBED_HEIGHT = 720, 720


def test_an_embedded_view_is_map_first_in_a_720_pixel_frame(server, browser):
    """In another page's 720 px frame: the title, the legend, the whole map, the credits and a
    link to the full atlas, all in view without scrolling; no navigation row, no controls."""
    from bench.probes import map_painted

    context = browser.new_context(viewport={"width": 1000, "height": 900})
    page = context.new_page()
    link = server + "/?view=vote&res=ES-11/1&embed=true"
    page.set_content(
        f'<iframe src="{link}" width="{EMBED_WIDTH}" height="{EMBED_HEIGHT}" '
        'title="Atlas" style="border:0"></iframe>'
    )
    frame = page.frame_locator("iframe")
    inner = next(f for f in page.frames if f.url.startswith(server))
    script, count = map_painted()
    inner.wait_for_function(script, arg=count, timeout=30_000)
    frame.get_by_text("Yes (141)").wait_for()
    frame.get_by_text("Made with Natural Earth").first.wait_for()
    back = frame.get_by_role("link", name=re.compile("full atlas"))
    back.wait_for()
    top = page.locator("iframe").bounding_box()["y"]
    for part in (
        frame.locator("h1").first,
        frame.locator(".atlas-legend"),
        frame.locator(".atlas-map svg"),
        back,
    ):
        box = part.bounding_box()
        assert box["y"] + box["height"] <= top + EMBED_HEIGHT, "in view without scrolling"
    assert frame.locator(".st-key-top_navigation").count() == 0
    assert frame.get_by_text("Colour the map by").count() == 0
    assert "embed" not in (back.get_attribute("href") or "")
    page.screenshot(path=ARTIFACTS / "readers-embedded.png")
    # Asked for, the controls come too.
    page.set_content(f'<iframe src="{link}&controls=true" width="720" height="720"></iframe>')
    page.frame_locator("iframe").get_by_text("Colour the map by").first.wait_for()
    context.close()


def test_the_resolution_slider_moves_through_time_and_repaints_the_map(server, page, atlas):
    in_order = list(atlas.resolutions.sort_values("adopted")["symbol"])
    latest, before = in_order[-1], in_order[-2]
    votes = atlas.votes.pivot(index="iso3", columns="symbol", values="vote")
    changed = votes.index[votes[latest] != votes[before]][0]
    page.goto(server + "/?view=vote")
    wait_for_map(page)
    page.get_by_test_id("stSliderThumbValue").get_by_text("Dec 2025 · 80/223").wait_for()
    old = page.evaluate(FILL, changed)
    assert old == _rgb(figures.VOTE_COLOURS[votes.loc[changed, latest]])
    page.get_by_role("slider").focus()
    page.keyboard.press("ArrowLeft")
    short = before.removeprefix("A/RES/")
    page.wait_for_function("s => location.search.includes(s)", arg=f"res={quote(short, safe='')}")
    page.wait_for_function(f"([c, f]) => ({FILL})(c) !== f", arg=[changed, old])
    assert page.evaluate(FILL, changed) == _rgb(figures.VOTE_COLOURS[votes.loc[changed, before]])
    assert _params(page.url)["res"] == [short]
    page.get_by_text(f"({before})").first.wait_for()
    _shot(page, "slider")


def test_after_a_burst_of_arrow_presses_slider_map_title_legend_and_address_agree(
    server, page, atlas
):
    """Ten ArrowLeft presses 0.15 s apart, twice: each time the slider, the address, the title,
    the legend and the map end on the resolution ten steps back, as a fresh page shows it."""
    in_order = [
        s.removeprefix("A/RES/") for s in atlas.resolutions.sort_values("adopted")["symbol"]
    ]
    page.goto(server + "/?view=vote")
    wait_for_map(page)
    wait_until_idle(page)
    latest = page.evaluate(FILLS)
    slider = page.get_by_role("slider")
    at = len(in_order) - 1
    for _ in range(2):
        slider.focus()
        for _ in range(10):
            page.keyboard.press("ArrowLeft")
            page.wait_for_timeout(150)
        at = max(at - 10, 0)
        wanted = in_order[at]
        fresh = page.context.new_page()
        fresh.goto(server + "/?view=vote&res=" + quote(wanted, safe=""))
        wait_for_map(fresh)
        title = fresh.locator("h1").first.inner_text()
        legend = fresh.locator(".atlas-legend").inner_text()
        fills = fresh.evaluate(FILLS)
        fresh.close()
        page.wait_for_function(f"f => ({FILLS})() === f", arg=fills, timeout=15_000)
        wait_until_idle(page)
        assert _params(page.url)["res"] == [wanted]
        assert wanted in (slider.get_attribute("aria-valuetext") or "")
        assert page.locator("h1").first.inner_text() == title
        assert page.locator(".atlas-legend").inner_text() == legend
        assert page.evaluate(FILLS) == fills, "the map stayed on the last resolution chosen"
        slider.press("End")  # back to the latest for the second burst
        page.wait_for_function(f"f => ({FILLS})() === f", arg=latest, timeout=15_000)
        wait_until_idle(page)
        at = len(in_order) - 1
    _shot(page, "slider-burst")


def test_the_period_view_colours_members_by_class_and_keeps_the_period_in_the_address(
    server, page, catalog
):
    page.goto(server + "/?view=period")
    wait_for_map(page)
    page.get_by_role("radio", name="2019–2021").click()
    page.wait_for_function("() => location.search.includes('per=2019-2021')")
    page.get_by_role("heading", name=re.compile("2019–2021")).wait_for()
    wait_for_map(page)
    for code in ("CHN", "UKR", "ZAF"):
        expected = figures.STANCE_COLOURS[catalog.tallies[code][0].code]
        page.wait_for_function(f"([c, f]) => ({FILL})(c) === f", arg=[code, _rgb(expected)])
    _shot(page, "period")


def test_compare_china_india_south_africa_side_by_side(server, page, catalog):
    codes = ["CHN", "IND", "ZAF"]
    page.goto(server + "/compare?countries=" + ",".join(codes))
    votes = page.get_by_role("region", name="UN General Assembly votes of the countries compared")
    votes.wait_for()
    header = votes.locator("thead th").all_inner_texts()
    assert header == ["Resolution", "China", "India", "South Africa"]
    labels = {"yes": "Yes", "no": "No", "abstain": "Abstain", "absent": "Absent"}
    for column, code in enumerate(codes, start=2):
        cells = votes.locator(f"tbody tr:not(.period) td:nth-child({column})").all_inner_texts()
        assert cells == [labels[vote] for _, vote in catalog.votes_of(code)], code
    support = page.get_by_role("region", name=re.compile("Documented support"))
    totals = support.locator("tr", has_text="All kinds").locator("td").all_inner_texts()
    assert [t.split(" (")[0] for t in totals] == [
        f"{len(catalog.facts_by_country[c])} facts" for c in codes
    ]
    _shot(page, "compare", full=True)
    # Taking India out writes the smaller selection into the address.
    page.get_by_role("button", name=re.compile("India")).filter(
        has=page.locator("svg")
    ).first.click()
    page.wait_for_function("() => location.search.includes('countries=CHN%2CZAF')")
    # The address is written early in the run and the table late: wait for the table to follow.
    expect(votes.locator("thead th")).to_have_text(["Resolution", "China", "South Africa"])
    page.go_back()  # Back returns to the three
    page.wait_for_function("() => location.search.includes('IND')")
    expect(votes.locator("thead th")).to_have_text(["Resolution", "China", "India", "South Africa"])


@pytest.mark.parametrize(
    "start, link, address, shown",
    [
        ("/country", "Iran (Islamic Republic of)", "iso3=IRN", "Iran has finalised a contract"),
        (
            "/compare",
            "Try China, India and South Africa",
            "countries=CHN%2CIND%2CZAF",
            "Documented support, by kind",
        ),
    ],
)
def test_a_link_to_the_page_one_is_on_puts_its_view_in_the_address(
    server, page, start, link, address, shown
):
    """Streamlit runs a same-page link with its parameters but leaves the address bare: the
    page writes them back, so the view can be shared, reloaded, and left with Back."""
    page.goto(server + start)
    page.get_by_role("link", name=link).first.click()
    page.wait_for_function("a => location.search.includes(a)", arg=address)
    page.reload()
    page.wait_for_function("a => location.search.includes(a)", arg=address)
    page.locator("h1").first.wait_for()
    assert page.locator("h1").first.inner_text() in (
        "Iran (Islamic Republic of)",
        "Compare countries",
    )
    page.go_back()
    page.wait_for_function("a => !location.search.includes(a)", arg=address)


def test_votes_and_actions_names_every_country_with_facts_in_the_period(server, page, catalog):
    page.goto(server + "/actions")
    page.locator(".js-plotly-plot .textpoint").first.wait_for()
    labels = " ".join(page.locator(".js-plotly-plot .textpoint").all_text_contents())
    period = stance.PERIODS[-1]  # the page's first period
    support = catalog.atlas.support
    ten = sorted(set(support.loc[support["period"] == period.code, "iso3"]) - {"RUS"})
    assert ten, "the data documents some country"
    voted = [c for c in ten if catalog.tallies[c][-1].present]
    missing = [c for c in voted if catalog.short_names[c] not in labels]
    assert missing == []
    name = re.compile(f"Members with support documented in {period.label}")
    table = page.get_by_role("region", name=name)
    rows = table.locator("tbody th").all_inner_texts()
    assert sorted(rows) == sorted(catalog.index.loc[ten, "name"])
    # The chart's colours have a legend, as the map's do.
    legend = page.locator(".atlas-legend").get_by_text(f"No support documented in {period.label}")
    expect(legend).to_be_visible()
    page.get_by_text("What this shows, and what it cannot").wait_for()
    page.get_by_role("radio", name="2022–2023").click()
    page.wait_for_function("() => location.search.includes('per=2022-2023')")
    _shot(page, "votes-and-actions", full=True)


# Each label of the chart that is not wholly inside the plot area (plotly clips it there).
LABELS_CUT = """() => { const area = document.querySelector('.js-plotly-plot .nsewdrag')
    .getBoundingClientRect();
  return [...document.querySelectorAll('.js-plotly-plot .textpoint text')].filter(t => {
    const b = t.getBoundingClientRect();
    return b.top < area.top - 1 || b.bottom > area.bottom + 1
      || b.left < area.left - 1 || b.right > area.right + 1; }).map(t => t.textContent); }"""


def test_votes_and_actions_shows_every_name_whole_on_a_phone(server, browser):
    context = _phone(browser)
    page = context.new_page()
    for period in stance.PERIODS:
        page.goto(f"{server}/actions?per={period.code}")
        page.wait_for_function(
            "l => document.querySelector('.js-plotly-plot .xtitle')?.textContent.includes(l)",
            arg=period.label,
        )
        page.locator(".js-plotly-plot .textpoint").first.wait_for()
        wait_until_idle(page)
        assert page.evaluate(LABELS_CUT) == [], period.code
    _shot(page, "votes-and-actions-phone")
    context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [1366, 390])
def test_axe_finds_no_serious_violation_on_any_page(server, browser, scheme, width):
    from axe_playwright_python.sync_playwright import Axe

    context = browser.new_context(viewport={"width": width, "height": 900}, color_scheme=scheme)
    page = context.new_page()
    found = {}
    for target, path in (
        (site.MAP, "/"),
        (site.COUNTRY, "/country?iso3=IRN"),
        (site.COUNTRY, "/country"),
        (site.COMPARE, "/compare?countries=CHN,IND,ZAF"),
        (site.ACTIONS, "/actions"),
        (site.ABOUT, "/about"),
    ):
        page.goto(server + path)
        title = site.country_tab_title("Iran") if path.endswith("IRN") else target.tab_title
        page.wait_for_function("t => document.title === t", arg=title)
        if target is site.MAP:
            wait_for_map(page)
        wait_until_idle(page)
        results = Axe().run(page).response["violations"]
        serious = [v["id"] for v in results if v["impact"] in ("critical", "serious")]
        if serious:
            found[path] = serious
    context.close()
    assert found == {}


def test_a_reader_moves_through_time_to_a_timeline_and_back(server, page, catalog):
    """The map to date, then 2022–2023, then the article's own view: each paints from its own
    facts and puts its view in the address. Syria (support ended December 2024) is grey to date
    and painted in 2022–2023; Laos (a 2025 fact) is painted to date, grey in the article's view.
    North Korea's page is a timeline by period with each denial beside its claim; Back and
    Forward step through all of it."""
    grey = lambda code: page.evaluate(FILL, code) == page.evaluate(FILL, "FRA")  # noqa: E731
    page.goto(server + "/")
    wait_for_map(page)
    wait_until_idle(page)
    assert grey("SYR") and not grey("LAO")
    page.get_by_role("radio", name="2022–2023").click()
    page.wait_for_function("() => location.search.includes('when=2022-2023')")
    page.get_by_role("heading", name=re.compile("2022–2023")).first.wait_for()
    page.wait_for_function(f"() => ({FILL})('SYR') !== ({FILL})('FRA')")
    _shot(page, "period-2022-2023")
    page.get_by_role("radio", name="The article (March 2023)").click()
    page.wait_for_function("() => location.search.includes('when=article')")
    page.get_by_text("in the tvn24.pl article alone").first.wait_for()
    page.wait_for_function(f"() => ({FILL})('LAO') === ({FILL})('FRA')")
    article_fills = page.evaluate(FILLS)
    _shot(page, "article-view")
    # A country's timeline: its periods as headings, a denial in the card of the claim it answers.
    page.goto(server + "/country?iso3=PRK")
    facts = catalog.facts_by_country["PRK"]
    for period in stance.PERIODS:
        n = sum(f.period == period.code for f in facts)
        if n:
            page.get_by_role("heading", name=f"{period.label}: {n} facts of support").wait_for()
    claim = catalog.atlas.facts.set_index("fact_id").loc["prk-07", "summary"]
    # A card is the innermost block that holds both its summary and its caption.
    card = (
        page.locator("[data-testid='stVerticalBlock']", has_text=claim)
        .filter(has=page.get_by_text(re.compile(r"prk-07 ·")))
        .last
    )
    expect(card).to_contain_text("Denied by North Korea's representative at the UN")
    expect(card).to_contain_text(re.compile(r"Who says so\W+another government"))
    _shot(page, "timeline-prk", full=True)
    page.go_back()
    wait_for_map(page, timeout=60_000)
    page.wait_for_function(f"b => ({FILLS})() === b", arg=article_fills, timeout=60_000)
    assert _params(page.url) == {"when": ["article"]}
    page.go_back()
    page.wait_for_function("() => location.search.includes('when=2022-2023')")
    page.wait_for_function(f"() => ({FILL})('SYR') !== ({FILL})('FRA')")
    page.go_forward()
    page.wait_for_function("() => location.search.includes('when=article')")
    page.wait_for_function(f"b => ({FILLS})() === b", arg=article_fills, timeout=60_000)


def test_a_country_page_names_its_tab_and_says_where_its_facts_come_from_first(
    server, browser, catalog
):
    """Two country pages open side by side read 'Iran · …' and 'China · …' in their tabs, and
    the first screen of a 1366x768 laptop says how many sources, of which dates, the facts
    come from, before any fact."""
    context = browser.new_context(viewport={"width": 1366, "height": 768})
    for code in ("IRN", "CHN"):
        page = context.new_page()
        page.goto(f"{server}/country?iso3={code}")
        title = site.country_tab_title(catalog.short_names[code])
        page.wait_for_function("t => document.title === t", arg=title)
        span = catalog.source_spans[code]
        line = page.get_by_text(re.compile(re.escape(span.split(" published ")[0])))
        expect(line.first).to_be_visible()
        assert line.first.bounding_box()["y"] < 768, code
    _shot(page, "country-first-screen")
    context.close()


def test_a_shared_vote_view_names_its_resolution_so_it_stays_pinned(server, page, atlas):
    """A reader on `?view=vote` (the latest resolution, by default) shares the view: the link
    names the resolution, so it keeps showing that vote when a newer one is added."""
    latest = atlas.resolutions.sort_values("adopted")["symbol"].iloc[-1]
    page.goto(server + "/?view=vote")
    wait_for_map(page)
    page.get_by_role("button", name="Share or embed this view").click()
    codes = page.locator("[data-testid='stPopoverBody'] [data-testid='stCode'] code")
    expect(codes.first).to_contain_text("res=")
    link, embed = codes.nth(0).inner_text().strip(), codes.nth(1).inner_text()
    assert _params(link) == {"view": ["vote"], "res": [latest.removeprefix("A/RES/")]}
    assert "res=" in embed and "embed=true" in embed
    assert "res" not in _params(page.url), "the page's own address stays bare: the latest"


def test_the_compare_picker_adds_exactly_the_country_typed(server, page):
    """Typing a name and Enter adds that country and no other ('India' is not Indonesia, no
    'select all matches' on top), and the names readers use are found: Turkey, North Korea."""
    page.goto(server + "/compare")
    box = page.get_by_role("combobox", name=re.compile("Countries to compare"))
    chosen = []
    for typed, code in (("India", "IND"), ("Turkey", "TUR"), ("North Korea", "PRK")):
        box.click()
        page.keyboard.type(typed)
        page.keyboard.press("Enter")
        chosen.append(code)
        wanted = "%2C".join(chosen)
        page.wait_for_function("w => location.search.endsWith('countries=' + w)", arg=wanted)
        page.keyboard.press("Escape")
    assert _params(page.url) == {"countries": [",".join(chosen)]}


def test_a_fact_checker_sees_each_kinds_own_evidence_not_one_grade_for_all(server, page, catalog):
    """North Korea's and China's summaries (the country index, their pages, Compare) give the
    strongest evidence of each kind of support in each direction, as the data has it."""
    kinds = {t.code: t.label for t in vocab.CATEGORIES}
    grades = {t.code: t.label.lower() for t in vocab.EVIDENCE}
    page.goto(server + "/country")
    page.get_by_role("heading", name="Countries with documented support").wait_for()
    for code in ("PRK", "CHN"):
        entries = catalog.profile.loc[code, "evidence_by_kind"]
        arms = [g for way, kind, g in entries if (way, kind) == ("to_russia", "arms")]
        assert arms, f"the data has {code}'s weapons to Russia"
        wanted = f"{kinds['arms']} ({grades[arms[0]]})"
        line = re.compile("Gives Russia\u2060?: [^\\n]*" + re.escape(wanted))
        expect(page.get_by_test_id("stMarkdownContainer").get_by_text(line).first).to_be_visible()
    expect(page.get_by_text("strongest evidence:")).to_have_count(0)

    page.goto(server + "/country?iso3=PRK")
    page.get_by_role("heading", level=1).first.wait_for()
    for way, kind, grade in catalog.profile.loc["PRK", "evidence_by_kind"]:
        assert page.get_by_text(f"{kinds[kind]} ({grades[grade]})").count() >= 1, (way, kind)

    page.goto(server + "/compare?countries=CHN,PRK")
    table = page.locator("table").filter(has_text="Documented support").first
    table.wait_for()
    text = table.inner_text()
    assert "Strongest evidence" not in text
    for code in ("CHN", "PRK"):
        for way, kind, grade in catalog.profile.loc[code, "evidence_by_kind"]:
            label = dict((t.code, t.label[0].lower() + t.label[1:]) for t in vocab.DIRECTIONS)
            assert f"{label[way]}: {grade and grades[grade]}" in text, (code, way, kind)
    table.screenshot(path=ARTIFACTS / "readers-evidence-per-kind.png")


@pytest.mark.parametrize(
    ("typed", "code"),
    [("Chiny", "CHN"), ("Białoruś", "BLR"), ("Китай", "CHN"), ("Weißrussland", "BLR")],
)
def test_a_reader_finds_a_country_by_its_name_in_their_language_in_every_picker(
    server, page, typed, code
):
    """Polish, Ukrainian and German names open the country from the map's picker, and add it in
    Compare as the same country (its code in the address, its English name on the chip)."""
    page.goto(server + "/")
    wait_for_map(page)
    _open_picker(page)
    page.keyboard.type(typed)
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/country?iso3={code}")

    page.goto(server + "/compare?countries=USA")
    box = page.get_by_role("combobox", name=re.compile("Countries to compare"))
    box.click()
    page.keyboard.type(typed)
    page.keyboard.press("Enter")
    page.wait_for_function("w => location.search.endsWith('countries=' + w)", arg=f"USA%2C{code}")
    page.keyboard.press("Escape")
    chips = page.locator(".st-key-compare [data-tag]")
    expect(chips).to_have_count(2)
    expect(chips.nth(1)).to_contain_text(f"({code})")
    expect(chips.nth(1)).not_to_contain_text(typed)


def test_a_keyboard_reader_opens_a_country_pages_folded_picker_and_goes_to_another(server, page):
    """On a country page the picker is a button until opened; Enter opens it, the focus goes
    into it, and a name in another language opens that country."""
    page.goto(server + "/country?iso3=IRN")
    button = page.get_by_role("button", name="Another country")
    expect(page.get_by_role("combobox", name="Another country")).to_have_count(0)
    button.focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("combobox", name="Another country")).to_be_focused()
    page.keyboard.type("Białoruś")
    page.keyboard.press("Enter")
    page.wait_for_url("**/country?iso3=BLR")


def test_former_unaccented_and_short_names_open_their_own_country(server, page):
    """Soviet-era and colonial names (Kirghizia, Zaire, Ceylon), a name typed without its
    accents (Turkiye), and names others start with (Sudan is not South Sudan)."""
    typed_names = (
        ("Kirghizia", "KGZ"),
        ("Zaire", "COD"),
        ("Ceylon", "LKA"),
        ("Turkiye", "TUR"),
        ("Sudan", "SDN"),
        ("India", "IND"),
    )
    for typed, code in typed_names:
        page.goto(server + "/country")
        page.get_by_role("combobox", name="Go to a country").click()
        page.keyboard.type(typed)
        page.keyboard.press("Enter")
        page.wait_for_url(f"**/country?iso3={code}")


# What the focused element shows: a ring of its own (outline) or Streamlit's (box shadow); for
# a select's text input, the colour of its box's border (Streamlit's sign of focus there); for a
# country on the map, the map's ring drawn round that country's outline.
FOCUS_SHOWN = """() => { const e = document.activeElement; const cs = getComputedStyle(e);
    const mapRing = !!e.dataset?.iso3 && [...e.ownerSVGElement.querySelectorAll('.ring')].some(
        r => r.getAttribute('d') === e.getAttribute('d') && r.checkVisibility());
    const ring = mapRing || cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) > 0;
    const r = e.getBoundingClientRect();
    const box = e.closest('[data-testid="stSelectbox"]') && e.tagName === 'INPUT' ? e : null;
    return [e.tagName, e.getAttribute('data-testid') || e.closest('[data-testid]')
        ?.getAttribute('data-testid') || '', ring || cs.boxShadow !== 'none', r.width > 0,
        box ? getComputedStyle(box.parentElement).borderColor : null];
}"""
SELECT_BORDER = """() => {
    const input = document.querySelector('[data-testid="stSelectbox"] input');
    return input ? getComputedStyle(input.parentElement).borderColor : null; }"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_stop_of_the_keyboard_path_shows_where_the_focus_is(server, browser, scheme):
    """Tab through the map page, the side panel, the navigation row, the controls, the table and
    its tools: every element that takes the focus shows a ring (WCAG 2.4.7)."""
    context = browser.new_context(viewport={"width": 1366, "height": 900}, color_scheme=scheme)
    page = context.new_page()
    page.goto(server + "/")
    wait_for_map(page)
    wait_until_idle(page)
    resting = page.evaluate(SELECT_BORDER)
    stops, unseen = [], []
    for _ in range(32):
        page.keyboard.press("Tab")
        tag, where, shown, sized, border = page.evaluate(FOCUS_SHOWN)
        if tag == "BODY":
            break
        stops.append(where)
        if sized and not shown and not (border and border != resting):
            unseen.append((tag, where))
    assert "stPageLink-NavLink" in stops and "stMain" in stops, stops
    assert unseen == [], unseen
    context.close()


def test_a_phone_reader_gets_44_pixel_navigation_targets_and_a_visible_copy_button(server, browser):
    context = _phone(browser)
    page = context.new_page()
    page.goto(server + "/country?iso3=IRN")
    links = page.locator(".st-key-top_navigation [data-testid='stPageLink-NavLink']")
    links.first.wait_for()
    page.wait_for_function(
        "() => [...document.styleSheets].some(s => (s.href || '').endsWith('atlas.css'))"
    )
    heights = [links.nth(i).bounding_box()["height"] for i in range(links.count())]
    assert min(heights) >= 44, heights
    page.goto(server + "/about")
    page.get_by_role("heading", name="Cite this atlas").wait_for()
    copy = page.locator("[data-testid='stCode']").first.get_by_role(
        "button", name="Copy to clipboard"
    )
    copy.scroll_into_view_if_needed()
    expect(copy).to_be_visible()  # shown without a hover, which a phone does not have
    _shot(page, "phone-copy-button")
    context.close()


def test_a_phone_reader_reads_each_resolution_of_a_vote_strip_by_a_tap(server, browser, atlas):
    """The strip names resolutions on hover only; a tap opens them as text, each with the vote."""
    latest = atlas.resolutions.sort_values("adopted").iloc[-1]
    vote = atlas.votes.set_index(["iso3", "symbol"]).loc[("IRN", latest["symbol"]), "vote"]
    context = _phone(browser)
    page = context.new_page()
    page.goto(server + "/country?iso3=IRN")
    names = page.locator(".vote-names")
    names.wait_for()
    item = names.locator("li").filter(has_text=latest["symbol"]).filter(has_text=latest["title"])
    expect(item).to_be_hidden()
    names.locator("summary").tap()
    expect(item).to_be_visible()
    expect(item).to_contain_text(vocab.labels(vocab.VOTES)[vote])
    assert names.locator("li").count() == atlas.resolutions.shape[0]
    _shot(page, "phone-vote-names")
    context.close()


def test_a_phone_reader_compares_three_countries_without_scrolling_sideways(server, browser):
    context = _phone(browser)
    page = context.new_page()
    page.goto(server + "/compare?countries=CHN,IND,ZAF")
    tables = page.locator(".atlas-compare")
    tables.nth(1).wait_for()
    expect(tables).to_have_count(2)
    overflow = page.evaluate(
        "() => [...document.querySelectorAll('.atlas-compare')]"
        ".map(w => w.scrollWidth - w.clientWidth)"
    )
    assert overflow == [0, 0], overflow
    context.close()


def test_a_phone_reader_sees_the_map_change_while_sliding_through_resolutions(server, browser):
    """On a phone the resolution slider is on the page just above the map, not in the side
    panel that covers it: slider and map fit one screen, and the map repaints as it moves."""
    context = _phone(browser)
    page = context.new_page()
    page.goto(server + "/?view=vote")
    wait_for_map(page)
    slider = page.get_by_role("slider")
    assert slider.count() == 1
    assert page.get_by_test_id("stSidebar").get_by_role("slider").count() == 0
    top = slider.bounding_box()["y"]
    chart = page.locator(".atlas-map svg").first.bounding_box()
    assert chart["y"] > top and chart["y"] + chart["height"] - top < 844, (top, chart)
    before = page.evaluate(FILLS)
    slider.focus()
    page.keyboard.press("ArrowLeft")
    page.wait_for_function(f"b => ({FILLS})() !== b", arg=before)
    _shot(page, "phone-slider")
    context.close()


def test_a_screen_reader_finds_the_pages_and_the_filters_as_landmarks(server, page):
    page.goto(server + "/")
    wait_for_map(page)
    filters = page.get_by_role("region", name="Filters and country picker")
    expect(filters).to_have_count(1)
    expect(filters.get_by_role("button", name="Go to a country")).to_have_count(1)
    pages = page.get_by_role("navigation", name="Pages")
    expect(pages.get_by_role("link")).to_have_count(len(site.PAGES))
    pages.get_by_role("link", name=re.compile("Compare")).click()
    page.wait_for_url("**/compare")
    expect(page.get_by_role("navigation", name="Pages").get_by_role("link")).to_have_count(
        len(site.PAGES)
    )
