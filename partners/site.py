"""The app's pages, each defined once: script, title, icon and URL path, and links to them.

Navigation, page links and `switch_page` all read these. The app runs
in Streamlit's folder-based mode (dashboard.py is the map, pages/ the others), where a page's URL
path is its file name without `.py`; a test checks that every `url_path` here agrees.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlencode

from partners.i18n import N_, _

APP_TITLE = N_("Russia's partners: an atlas")
APP_ICON = "🌍"  # an emoji, not an image: an image favicon made Chromium ask Google for fonts


@dataclass(frozen=True)
class Page:
    """One page of the app."""

    script: str  # path relative to the repository root, as st.page_link and switch_page take it
    title: str  # in the navigation row, in English: shown through _()
    icon: str  # a Material Symbols name, as Streamlit writes it
    url_path: str  # "" for the home page

    @property
    def tab_title(self) -> str:
        """The browser tab's title, in the reader's language: the page first, then the app."""
        return _(APP_TITLE) if not self.url_path else f"{_(self.title)} · {_(APP_TITLE)}"


def country_tab_title(name: str) -> str:
    """A country page's tab title: the country first ('Iran · Russia's partners: an atlas')."""
    return f"{name} · {_(APP_TITLE)}"


MAP = Page("dashboard.py", N_("Map"), ":material/public:", "")
COUNTRY = Page("pages/country.py", N_("Countries"), ":material/flag:", "country")
COMPARE = Page("pages/compare.py", N_("Compare"), ":material/compare_arrows:", "compare")
ACTIONS = Page("pages/actions.py", N_("Votes and actions"), ":material/scatter_plot:", "actions")
ABOUT = Page("pages/about.py", N_("Sources and method"), ":material/menu_book:", "about")

PAGES: tuple[Page, ...] = (MAP, COUNTRY, COMPARE, ACTIONS, ABOUT)


def country_params(code: str) -> dict[str, str]:
    """The query parameters of a country's page (its ISO3 code), as st.page_link and
    switch_page take them."""
    return {"iso3": code}


def country_href(code: str) -> str:
    """A country page's address relative to the app's root, for a link in HTML."""
    return f"{COUNTRY.url_path}?{urlencode(country_params(code))}"
