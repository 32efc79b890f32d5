"""The interface is ready for translation: every word a reader sees goes through gettext.

The proof is a pseudo-translation (scripts/messages.py): every message of the template written
in accented look-alike letters. A real Streamlit server reads it (ATLAS_LOCALEDIR), Chromium asks
for its language (en-XA), and on every page, wide and light and on a phone in dark mode, no
plain English word may be left on screen but the data's own text (names, summaries, titles).
"""

from __future__ import annotations

import re

import pytest

from bench.probes import ARTIFACTS, wait_for_map, wait_until_idle
from partners import provenance, site

pytestmark = pytest.mark.browser
messages = pytest.importorskip("scripts.messages", reason="Babel is in the dev group")

PAGES = (
    "/",
    "/?view=vote",
    "/?view=period",
    "/country",
    "/country?iso3=PRK",
    "/country?iso3=ZAF",
    "/compare?countries=CHN,IND,PRK",
    "/actions",
    "/about",
)
# Every visible text on the page, with where it is, but for what Streamlit itself writes (its
# toolbar and the canvas tables' hidden copy), the map's own SVG, and code boxes (share links).
VISIBLE_TEXT = """() => {
    const skip = '[data-testid="stHeader"], [data-testid="stToolbar"], .js-plotly-plot, '
        + '[data-testid="stDataFrame"], [data-testid="stCode"], [data-testid="stIconMaterial"], '
        + 'script, style';
    const out = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent.trim();
        const parent = node.parentElement;
        if (!text || !parent || parent.closest(skip)) continue;
        if (!parent.checkVisibility({ visibilityProperty: true })) continue;
        out.push(text);
    }
    for (const el of document.querySelectorAll('[aria-label], [title], [placeholder]')) {
        if (el.closest(skip) || !el.checkVisibility()) continue;
        for (const a of ['aria-label', 'title', 'placeholder'])
            if (el.getAttribute(a)) out.push(el.getAttribute(a));
    }
    out.push(document.title);
    return out; }"""
# What Streamlit itself writes around the app, in English only: out of the atlas's reach (a
# Streamlit without translations), and not the atlas's words.
STREAMLIT_OWN = {
    "Collapse sidebar",
    "Expand sidebar",
    "Link to heading",
    "Skip to main content",
    "Open",
}
_ICON_NAME = re.compile(r"^\w+ icon$")  # how Streamlit names a Material icon to screen readers
_WORD = re.compile(r"[A-Za-z]*[a-z][A-Za-z]*")  # a word in plain letters, acronyms left out
# A run of plain text: where an untranslated message, or a piece of the data, would be.
_RUN = re.compile(r"[A-Za-z0-9][A-Za-z0-9 ,.;:!?'’\"“”()&/-]*")
# Addresses, host names and paths: data, whatever the language.
_EDGES = " ,.;:()'’\"“”"
_ADDRESS = re.compile(r"https?://\S+|\S+@\S+|(?:[\w-]+\.)+[a-z]{2,}\b\S*|\S*/\S+")


def _strings(value) -> set[str]:
    """Every string in a JSON-like value (datapackage.json's titles, credits and notes)."""
    if isinstance(value, str):
        return {value}
    if isinstance(value, dict):
        value = list(value.values())
    if isinstance(value, list):
        return set().union(*map(_strings, value)) if value else set()
    return set()


def _normal(text: str) -> str:
    """Text as the check compares it: without present.plain's word joiners, addresses, host
    names and paths (data in any language), in one case (a title may be lowered in a
    sentence)."""
    return _ADDRESS.sub(" ", text.replace("\u2060", "")).casefold()


def _data_text(atlas, catalog) -> list[str]:
    """Every text the data holds, normalised, longest first: a page may show any of it, or a
    piece of it (markup splits a text into pieces), untranslated."""
    texts = set(catalog.index["name"]) | set(catalog.index["display"])
    texts |= _strings(provenance.Package.read().descriptor)
    texts |= set(catalog.short_names.values())
    tables = (atlas.facts, atlas.sources, atlas.outlets, atlas.denials, atlas.resolutions)
    for table in (*tables, atlas.blocked, atlas.names, atlas.countries):
        for column in table.columns:
            texts |= {v for v in table[column] if isinstance(v, str)}
    normal = {_normal(t).strip(_EDGES) for t in texts}
    return sorted((t for t in normal if len(t) > 2), key=len, reverse=True)


def _english(run: str) -> bool:
    return any(len(w) > 2 for w in _WORD.findall(run))


def untranslated(texts: list[str], data: list[str]) -> set[str]:
    """The texts that hold a run of plain English that is neither the data's own text nor a
    piece of it."""
    blob = "\n".join(data)
    left = set()
    for text in texts:
        if text in STREAMLIT_OWN or _ICON_NAME.match(text) or not _english(text):
            continue
        for run in _RUN.findall(_normal(text)):
            run = run.strip(_EDGES)
            if not _english(run) or run in blob:
                continue
            # A run may join pieces of data and the interface's punctuation: take the data out,
            # and whatever is left must be no English but pieces of the data.
            for known in data:
                if known in run:
                    run = run.replace(known, " ")
            pieces = (r.strip(_EDGES) for r in _RUN.findall(run))
            if any(_english(r) and r not in blob for r in pieces):
                left.add(text)
                break
    return left


@pytest.fixture(scope="module")
def pseudo_server(tmp_path_factory):
    from bench import harness

    folder = tmp_path_factory.mktemp("locales")
    messages.write_pseudo(folder)
    with harness.streamlit_server(env={"ATLAS_LOCALEDIR": str(folder)}) as base:
        yield base


def _visit(page, url: str) -> list[str]:
    page.goto(url)
    if "/country" not in url or "iso3" in url:
        page.locator("[data-testid='stMain'] h1").first.wait_for()
    if url.split("?")[0].endswith("/"):
        wait_for_map(page)
    wait_until_idle(page)
    return page.evaluate(VISIBLE_TEXT)


@pytest.mark.parametrize(
    ("width", "scheme"), [(1366, "light"), (390, "dark")], ids=["wide-light", "phone-dark"]
)
def test_every_word_of_the_interface_goes_through_the_translation_catalogue(
    pseudo_server, browser, atlas, catalog, width, scheme
):
    """In the pseudo-language, each page at 1366 px (light) and 390 px (dark) shows no plain
    English but the data's own: the navigation, titles, controls, captions, legends, tables'
    headings, messages and the tab's title all come from the catalogue."""
    from tests.test_readers import _phone

    options = {"locale": "en-XA", "color_scheme": scheme}
    if width == 390:
        context = _phone(browser, **options)
    else:
        context = browser.new_context(viewport={"width": 1366, "height": 768}, **options)
    page = context.new_page()
    data = _data_text(atlas, catalog)
    found = {}
    for path in PAGES:
        left = untranslated(_visit(page, pseudo_server + path), data)
        if left:
            found[path] = sorted(left)
    page.goto(pseudo_server + "/")
    wait_for_map(page)
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=ARTIFACTS / f"translation-pseudo-{width}-{scheme}.png")
    nav = page.locator(".st-key-top_navigation a").first.inner_text()
    context.close()
    assert not found, found
    assert nav.strip().endswith(messages.pseudo(site.MAP.title)), nav


def test_an_english_browser_gets_the_english_interface_from_the_same_server(pseudo_server, page):
    """The catalogue is chosen per reader: a browser asking for English on the server with the
    pseudo-translation sees the source text."""
    page.goto(pseudo_server + "/about")
    page.locator("[data-testid='stMain'] h1").first.wait_for()
    assert page.title() == site.ABOUT.tab_title


def test_the_downloads_are_in_the_readers_language(pseudo_server, browser):
    """A download is written when the reader clicks, outside the page's run: the facts' CSV
    (its labels) and the map's SVG (its line naming the atlas) are still in the reader's
    language, not the source's."""
    import csv as csv_module
    import io
    from pathlib import Path

    from partners import vocab

    context = browser.new_context(viewport={"width": 1366, "height": 900}, locale="en-XA")
    page = context.new_page()
    page.goto(pseudo_server + "/")
    wait_for_map(page)
    wait_until_idle(page)
    buttons = page.locator("[data-testid='stMain'] [data-testid='stDownloadButton'] button:visible")
    files = []
    for k in (0, 2):  # the facts' CSV, then the map's PNG and SVG
        with page.expect_download() as pending:
            buttons.nth(k).click()
        files.append(Path(pending.value.path()).read_text(encoding="utf-8"))
    context.close()
    csv, svg = files
    label = next(csv_module.DictReader(io.StringIO(csv)))["category_label"]
    translated = {messages.pseudo(text) for text in vocab.labels(vocab.CATEGORIES).values()}
    assert label in translated, label
    assert messages.pseudo(site.APP_TITLE) in svg.replace("&#x27;", "'").replace("&apos;", "'")
