"""Streamlit glue shared by the pages: cached data and views, error display, the country picker."""

from __future__ import annotations

import os
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from partners import figures, load, paths, present, profile, views
from partners.errors import DataError

COUNTRY_PAGE = "pages/country.py"
CREDITS = (
    "Data as of March 2023. Facts: tvn24.pl article of about 21 March 2023, summarised by us. "
    "UN votes: United Nations (DGACM). Boundaries: Made with Natural Earth."
)
# Where the data is read from; the defaults are the repository's own files. Tests and people
# checking an edited copy point these elsewhere.
DATA_DIR = Path(os.environ.get("ATLAS_DATA_DIR", paths.DATA))
BOUNDARIES = Path(os.environ.get("ATLAS_BOUNDARIES", paths.BOUNDARIES))
_FILES = [DATA_DIR / p.name for p in (paths.COUNTRIES, paths.RESOLUTIONS, paths.VOTES, paths.FACTS)]


def _stamp() -> tuple:
    """When each data file last changed: part of the cache key, so an edited file is reloaded."""
    stamps = []
    for path in [*_FILES, BOUNDARIES]:
        try:
            info = path.stat()
            stamps.append((info.st_mtime_ns, info.st_size))
        except OSError:
            stamps.append(None)
    return tuple(stamps)


class Data:
    """The loaded atlas and what every page derives from it; shared by all sessions, read-only."""

    def __init__(self, atlas: load.Atlas, stamp: tuple):
        self.atlas = atlas
        self.stamp = stamp
        self.index = present.country_index(atlas.countries, atlas.shapes)
        self.profile = profile.build_profile(
            atlas.facts, atlas.countries, atlas.votes, atlas.resolutions
        )
        # Per-country lookups, so a country page is plain Python, not DataFrame filtering.
        self.facts_by_country: dict[str, list] = {}
        for fact in atlas.facts.itertuples(index=False):
            self.facts_by_country.setdefault(fact.iso3, []).append(fact)
        self.votes_by_country: dict[str, dict[str, str]] = {}
        for vote in atlas.votes.itertuples(index=False):
            self.votes_by_country.setdefault(vote.iso3, {})[vote.symbol] = vote.vote
        self.resolutions = list(atlas.resolutions.itertuples(index=False))  # adoption order
        self.resolution_labels = {
            r.symbol: f"{r.adopted} · {r.short_title} ({r.symbol})" for r in self.resolutions
        }


@st.cache_resource(show_spinner="Loading the data…", max_entries=2)
def _load(stamp: tuple) -> Data:
    """Load and validate every data file once per process (and again when one changes).

    cache_resource hands every session the same objects without copying them. A DataError is
    not cached, so a fixed file is picked up on the next reload, with no restart.
    """
    return Data(load.load_atlas(DATA_DIR, BOUNDARIES), stamp)


def data() -> Data:
    """The data, or a clear error page (and stop) when a data file is broken."""
    try:
        return _load(_stamp())
    except DataError as exc:
        st.error(
            "The atlas cannot show its data: a data file has problems. "
            "Fix them and reload the page.",
            icon=":material/error:",
        )
        st.code(str(exc), language=None, wrap_lines=True)
        st.stop()


@st.cache_resource(max_entries=512, show_spinner=False)
def _map_view(_data: Data, stamp: tuple, state: views.MapState) -> views.MapView:
    """The map page's figure, table and CSV for one state of its controls, built once.

    Shared read-only by every session (the figure is never mutated: Streamlit serialises a copy).
    A first visit to a state costs about 25 ms; every later rerun of it only a lookup.
    """
    return views.build_map_view(_data.atlas, _data.index, state)


def map_view(data: Data, state: views.MapState) -> views.MapView:
    return _map_view(data, data.stamp, state)


@st.cache_resource(max_entries=512, show_spinner=False)
def _locator(_data: Data, stamp: tuple, iso3: str) -> go.Figure:
    """The small map locating one country, built once per country."""
    entry = _data.index.loc[iso3]
    return figures.locator_map(iso3, list(_data.index.index), entry["bounds"])


def locator(data: Data, iso3: str) -> go.Figure:
    return _locator(data, data.stamp, iso3)


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
