"""What every page draws around its content: page setup, the navigation row, focus after a
page switch, the dates line and the credits; and which kind of screen the reader has."""

from __future__ import annotations

import contextvars
import json
from collections.abc import Callable
from typing import TypeVar

import streamlit as st

from pages._shared import address, store
from partners import i18n, paths, present, site
from partners.i18n import _

# What every page needs once per browser tab, run on the session's first run (a new tab, or a
# reload) and kept by the browser for as long as the tab is open, so no rerun re-sends it:
# - The page-wide stylesheet, static/atlas.css (focus rings, the copy buttons, 44 px navigation
#   targets on a phone), linked into the document's head.
# - Landmarks a screen reader jumps between: the navigation row is the "Pages" navigation, and
#   the side panel is named for what it holds ("Filters and country picker", not Streamlit's
#   "Sidebar"); kept as Streamlit redraws them.
# - One history entry per country opened. Streamlit 1.67's switch_page from one page to another
#   with query parameters adds two: the parameters on the page being left (`/?iso3=CHN`), then
#   the new page (`/country?iso3=CHN`). One Back then lands on the first, which the map rewrites
#   to the view left, and seems to do nothing. The script makes that second step replace the
#   first: a change of page that follows, within a second, a change of the address to the same
#   `?iso3=` alone. Nothing else the atlas or the reader does matches it (no page but the country
#   page writes `iso3`).
_ONCE_PER_TAB = (
    r"""<script>/* atlas-once */ (() => {
  if (window.atlasOnce) return;
  window.atlasOnce = true;
  document.documentElement.lang = LANGUAGE;
  const css = document.createElement("link");
  css.rel = "stylesheet";
  css.href = new URL("STYLESHEET_URL", document.baseURI).href;
  document.head.appendChild(css);
  const name = () => {
    const side = document.querySelector('[data-testid="stSidebar"]');
    if (side && side.getAttribute("aria-label") !== SIDE_LABEL)
      side.setAttribute("aria-label", SIDE_LABEL);
    const row = document.querySelector(".st-key-top_navigation");
    if (row && row.getAttribute("role") !== "navigation") {
      row.setAttribute("role", "navigation");
      row.setAttribute("aria-label", PAGES_LABEL);
    }
  };
  // A popover's content is drawn when it opens (after a rerun: the country picker, the share
  // box): focus goes into it, to its first field or button, as into a dialog; Streamlit leaves
  // it on the button, and Tab from there skips the popover.
  const intoPopover = () => {
    const body = document.querySelector('[data-testid="stPopoverBody"]');
    const opener = document.activeElement;
    if (!body || body.dataset.atlasFocused || opener?.getAttribute("aria-expanded") !== "true")
      return;
    const first = body.querySelector("input, textarea, button, a[href], [tabindex='0']");
    if (first) {
      body.dataset.atlasFocused = "true";
      first.focus();
    }
  };
  // A sortable table's heading (partners/markup.py): a click sorts its rows by that column,
  // numbers largest first and text from A, a second click the other way; empty cells last.
  document.addEventListener("click", (event) => {
    const button = event.target.closest?.(".atlas-compare th > button.atlas-sort");
    if (!button) return;
    const heading = button.parentElement;
    const body = heading.closest("table").tBodies[0];
    const numeric = heading.dataset.sort === "num";
    const now = heading.getAttribute("aria-sort");
    const up = now ? now === "descending" : !numeric;
    for (const other of heading.parentElement.children) other.removeAttribute("aria-sort");
    heading.setAttribute("aria-sort", up ? "ascending" : "descending");
    const collator = new Intl.Collator(document.documentElement.lang || undefined,
                                       { numeric: true, sensitivity: "base" });
    const text = (row) => row.cells[heading.cellIndex]?.textContent.trim() ?? "";
    const rows = [...body.rows].sort((a, b) => {
      const x = text(a), y = text(b);
      if (!x || !y) return !x - !y;
      const order = numeric ? Number(x) - Number(y) : collator.compare(x, y);
      return up ? order : -order;
    });
    body.append(...rows);
  });
  name();
  new MutationObserver(() => { name(); intoPopover(); })
    .observe(document.body, { childList: true, subtree: true });
  // The page's background as a CSS variable, for what must paint it over other text (a long
  // table's heading row); kept when the reader switches the theme (the app's class changes).
  const app = document.querySelector(".stApp");
  const background = () => document.documentElement.style.setProperty(
    "--atlas-bg", getComputedStyle(app).backgroundColor);
  if (app) {
    setTimeout(background, 1500); // after the first paint: reading a style forces a layout
    new MutationObserver(background).observe(app, { attributes: true, attributeFilter: ["class"] });
  }
  const push = history.pushState;
  let last = { search: null, at: 0 };
  history.pushState = function (state, title, url) {
    const to = new URL(url, location.href);
    const sameSwitch = to.pathname !== location.pathname && to.search === location.search
      && last.search === to.search && Date.now() - last.at < 1000;
    const queryOnly = to.pathname === location.pathname && /^\?iso3=[A-Z]{3}$/.test(to.search);
    last = queryOnly ? { search: to.search, at: Date.now() } : { search: null, at: 0 };
    return sameSwitch ? history.replaceState(state, title, url)
                      : push.call(history, state, title, url);
  };
})();</script>"""
).replace("STYLESHEET_URL", paths.STYLESHEET_URL)


def _once_per_tab() -> str:
    """The once-per-tab script, its words (and the document's language) in the reader's."""
    words = {
        "LANGUAGE": i18n.language().replace("_", "-"),
        "SIDE_LABEL": _("Filters and country picker"),
        "PAGES_LABEL": _("Pages"),
    }
    script = _ONCE_PER_TAB
    for name, text in words.items():
        script = script.replace(name, json.dumps(text))
    return script


def embedded() -> bool:
    """True in Streamlit's embedding mode (?embed=true): the page is in someone else's frame.
    (Streamlit keeps `embed` out of st.query_params; the browser tells it in st.context.)"""
    return bool(st.context.is_embedded)


def embed_controls() -> bool:
    """True when an embed asks for its controls too (?embed=true&controls=true)."""
    return any(v.lower() == "true" for v in st.query_params.get_all("controls"))


def page_setup(page: site.Page) -> None:
    """Page config and the navigation row: the first thing every page does.

    The app runs in Streamlit's folder-based mode (dashboard.py and pages/), with Streamlit's own
    sidebar navigation switched off in .streamlit/config.toml; every page draws this row instead,
    from the one list of pages in partners/site.py.
    """
    # The reader's language first: everything drawn after this is in it (partners/i18n.py).
    i18n.use(st.context.locale)
    st.set_page_config(page_title=page.tab_title, page_icon=site.APP_ICON, layout="wide")
    previous = address.arrive(page.url_path)
    if embedded():  # in another page's frame: its content first, no navigation row
        st.html(
            "<style>/* atlas-embed */ h1 { font-size: 1.6rem !important; padding-top: 0 "
            "!important; } [data-testid='stMainBlockContainer'] { padding-top: 1rem "
            "!important; }</style>"
        )
    else:
        with st.container(horizontal=True, gap="small", key="top_navigation"):
            for target in site.PAGES:
                st.page_link(target.script, label=_(target.title), icon=target.icon)
    # After a page switch the browser leaves keyboard focus on <body>: a keyboard or screen
    # reader user then starts from the top of the document. Move it to the page's heading,
    # unless the reader is already on a control. Only after a switch: on a first visit, Tab
    # should start at the top (skip link, side panel), as the browser has it.
    # Both scripts go into one slot drawn on every run, full or empty: an element drawn on some
    # runs only would shift the place of everything after it, and Streamlit would then mount the
    # page's elements again on the next run (the map repainted from nothing, an opened picker's
    # button replaced and the focus lost with it).
    slot = st.empty().container()
    if previous is None:  # the session's first run: a new tab, or a reload
        with slot:
            st.html(_once_per_tab(), unsafe_allow_javascript=True)
    if previous is None or previous == page.url_path:
        return
    slot.html(
        '<style>h1[tabindex="-1"]:focus { outline: none; }</style>'
        f"<script>/* atlas-focus: {page.url_path or 'map'} */ setTimeout(() => {{"
        "const h = document.querySelector('[data-testid=\"stMain\"] h1');"
        "if (h && document.activeElement === document.body) {"
        "h.setAttribute('tabindex', '-1'); h.focus({preventScroll: true}); }}, 400);</script>",
        unsafe_allow_javascript=True,
    )


def folded(container, label: str, *, key: str, **options):
    """A section drawn only while the reader has it open: `container` is st.popover or
    st.expander, which reruns the page when it opens or closes; closed, this returns None and
    the page draws nothing into it, so that it costs a button until opened (the country pickers'
    800 names, the share box, a phone's controls and table; bench: a phone's map 3.2 -> 1.9 s).
    The focus goes into an opened popover (the once-per-tab script)."""
    box = container(label, key=key, on_change="rerun", **options)
    return box if box.open else None


def screen() -> str:
    """'phone' when the browser says it is a phone's (its user agent names Mobile), else 'wide'.

    The server cannot see the screen's width; the user agent is what it has. A phone held
    sideways gets the phone's map too, which still fits.
    """
    agent = st.context.headers.get("User-Agent", "") if st.context.headers else ""
    return "phone" if "Mobile" in agent else "wide"


def dates() -> None:
    """Which date is which, on a page that shows both the facts and the votes."""
    st.caption(present.plain(store.package().dates_line()))


def credits() -> None:
    """The credits line under every page, built from datapackage.json."""
    st.caption(present.plain(store.package().credits_line()))


T = TypeVar("T")


def when_clicked(make: Callable[[], T]) -> Callable[[], T]:
    """`make` for a download button, run when the reader clicks: Streamlit runs it outside the
    page's run, so it runs in a copy of this run's context, where the reader's language is set
    (partners/i18n.py); else a CSV's labels or a picture's credits would be in English."""
    context = contextvars.copy_context()
    return lambda: context.copy().run(make)
