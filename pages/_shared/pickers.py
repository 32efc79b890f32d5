"""Choosing a country or a period: the searchable country picker, opening a country's page, and
the period control that the map and Votes and actions share."""

from __future__ import annotations

import streamlit as st

from pages._shared import chrome
from partners import catalog, site, stance, vocab
from partners.i18n import _


def country_picker(
    data: catalog.Catalog, *, key: str, label: str | None = None, folded: bool = False
) -> None:
    """A searchable select of every country with a page; choosing one opens it.

    folded: behind a button of the same name, the select drawn only while it is open (a rerun
    when it opens). Its 800 names (in seven languages) cost a page's first paint about 0.2 s on
    a desktop and a second on a phone (bench); folded, a page pays for a button.

    The choice is handed over through session state and the widget cleared, so that arriving
    on the country page (which has a picker too) does not navigate again.
    """
    label = label or _("Go to a country")
    target = st.session_state.pop("_go_to_country", None)
    if target:
        open_country(data.picker_targets[target])

    def chosen() -> None:
        st.session_state["_go_to_country"] = st.session_state[key]
        st.session_state[key] = None

    def select() -> None:
        st.selectbox(
            label,
            data.picker_texts,
            index=None,
            placeholder=_("Type a name or a code…"),  # fits the side panel; short names work too
            key=key,
            on_change=chosen,
            filter_mode="prefix",  # a name typed from its start; see partners/names.py
        )

    if not folded:
        select()
        return
    if box := chrome.folded(st.popover, label, key=f"{key}_box", icon=":material/search:"):
        with box:
            select()


def open_country(iso3: str) -> None:
    """Navigate to a country's page (a new browser history entry, so Back returns)."""
    st.switch_page(site.COUNTRY.script, query_params=site.country_params(iso3))


def one_of(label: str, vocabulary, key: str, **options) -> str:
    """The choice of one term of a vocabulary, by its code, shown by its label; always one
    chosen, and kept for the session when the page is left (persist_state)."""
    return st.segmented_control(
        label,
        vocab.codes(vocabulary),
        required=True,
        format_func=vocab.labels(vocabulary).get,
        key=key,
        persist_state="session",
        **options,
    )


def period_control(label: str, key: str) -> str:
    """The choice of one of the periods compared (stance.PERIODS), by its address code; kept for
    the session when the page is left (persist_state), as every control of a view is."""
    return st.segmented_control(
        label,
        [period.code for period in stance.PERIODS],
        required=True,
        format_func=lambda code: stance.find_period(code).label,
        key=key,
        persist_state="session",
    )
