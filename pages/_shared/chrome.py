"""What every page draws around its content: page setup, the navigation row, focus after a
page switch, the dates line and the credits; and which kind of screen the reader has."""

from __future__ import annotations

import streamlit as st

from pages._shared import address, store
from partners import present, site


def page_setup(page: site.Page) -> None:
    """Page config and the navigation row: the first thing every page does.

    The app runs in Streamlit's folder-based mode (dashboard.py and pages/), with Streamlit's own
    sidebar navigation switched off in .streamlit/config.toml; every page draws this row instead,
    from the one list of pages in partners/site.py.
    """
    st.set_page_config(page_title=page.tab_title, page_icon=site.APP_ICON, layout="wide")
    previous = address.arrive(page.url_path)
    with st.container(horizontal=True, gap="small", key="top_navigation"):
        for target in site.PAGES:
            st.page_link(target.script, label=target.title, icon=target.icon)
    # After a page switch the browser leaves keyboard focus on <body>: a keyboard or screen
    # reader user then starts from the top of the document. Move it to the page's heading,
    # unless the reader is already on a control. Only after a switch: on a first visit, Tab
    # should start at the top (skip link, side panel), as the browser has it.
    if previous is None or previous == page.url_path:
        return
    st.html(
        '<style>h1[tabindex="-1"]:focus { outline: none; }</style>'
        f"<script>/* atlas-focus: {page.url_path or 'map'} */ setTimeout(() => {{"
        "const h = document.querySelector('[data-testid=\"stMain\"] h1');"
        "if (h && document.activeElement === document.body) {"
        "h.setAttribute('tabindex', '-1'); h.focus({preventScroll: true}); }}, 400);</script>",
        unsafe_allow_javascript=True,
    )


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
