"""Streamlit glue shared by the pages: the cached data, error display and the country picker."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from partners import load, present
from partners.errors import DataError

COUNTRY_PAGE = "pages/country.py"
CREDITS = (
    "Data as of March 2023. Facts: tvn24.pl article of about 21 March 2023, summarised by us. "
    "UN votes: United Nations (DGACM). Boundaries: Made with Natural Earth."
)


@st.cache_resource(show_spinner="Loading the data…")
def _atlas() -> tuple[load.Atlas, pd.DataFrame]:
    """Load and validate every data file once per server process; treat the result as read-only.

    cache_resource (not cache_data) hands every session the same objects without copying them.
    A DataError is not cached, so a fixed file is picked up on the next reload.
    """
    atlas = load.load_atlas()
    return atlas, present.country_index(atlas.countries, atlas.shapes)


def data() -> tuple[load.Atlas, pd.DataFrame]:
    """The atlas and the country index, or a clear error page (and stop) when data is broken."""
    try:
        return _atlas()
    except DataError as exc:
        st.error(
            "The atlas cannot show its data: a data file has problems. "
            "Fix them and reload the page.",
            icon=":material/error:",
        )
        st.code(str(exc), language=None, wrap_lines=True)
        st.stop()


def country_picker(index: pd.DataFrame, *, key: str, label: str = "Go to a country") -> None:
    """A searchable select of every country with a page; choosing one opens it.

    The choice is handed over through session state and the widget cleared, so that arriving
    on the country page (which has a picker too) does not navigate again.
    """
    names = index["name"].to_dict()

    def chosen() -> None:
        st.session_state["_go_to_country"] = st.session_state[key]
        st.session_state[key] = None

    st.selectbox(
        label,
        list(index.index),
        index=None,
        format_func=names.__getitem__,
        placeholder="Type a country's name…",
        key=key,
        on_change=chosen,
    )
    target = st.session_state.pop("_go_to_country", None)
    if target:
        open_country(target)


def open_country(iso3: str) -> None:
    """Navigate to a country's page (a new browser history entry, so Back returns)."""
    st.switch_page(COUNTRY_PAGE, query_params={"iso3": iso3})


def credits() -> None:
    st.caption(CREDITS)
