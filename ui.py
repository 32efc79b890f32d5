"""Streamlit glue shared by the pages: cached data and views, error display, the country picker."""

from __future__ import annotations

import os
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from partners import figures, load, paths, present, profile, views
from partners.errors import DataError

COUNTRY_PAGE = "app_pages/country.py"
CREDITS = (
    "Data as of March 2023. Facts: tvn24.pl article of about 21 March 2023, summarised by us. "
    "UN votes: United Nations (DGACM). Boundaries: Made with Natural Earth."
)


def source_files() -> list[Path]:
    """The data files the app reads, for the downloads on the about page."""
    data_dir, boundaries = _sources()
    names = (paths.FACTS, paths.VOTES, paths.RESOLUTIONS, paths.COUNTRIES)
    return [data_dir / p.name for p in names] + [boundaries, paths.DATAPACKAGE]


def _sources() -> tuple[Path, Path]:
    """Where the data is read from: the repository's own files, unless ATLAS_DATA_DIR (the CSV
    files) or ATLAS_BOUNDARIES (the shapes) name others, as tests and people checking an edited
    copy do. Read on every rerun, so it is never stale."""
    data_dir = Path(os.environ.get("ATLAS_DATA_DIR") or paths.DATA)
    boundaries = Path(os.environ.get("ATLAS_BOUNDARIES") or paths.BOUNDARIES)
    return data_dir, boundaries


def _stamp(data_dir: Path, boundaries: Path) -> tuple:
    """When each data file last changed: part of the cache key, so an edited file is reloaded."""
    stamps = []
    for name in (paths.COUNTRIES, paths.RESOLUTIONS, paths.VOTES, paths.FACTS):
        stamps.append(_file_stamp(data_dir / name.name))
    stamps.append(_file_stamp(boundaries))
    return tuple(stamps)


def _file_stamp(path: Path) -> tuple | None:
    try:
        info = path.stat()
    except OSError:
        return None
    return info.st_mtime_ns, info.st_size


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


@st.cache_resource(show_spinner="Loading the data…", max_entries=4)
def _load(data_dir: str, boundaries: str, stamp: tuple) -> Data:
    """Load and validate every data file once per process (and again when one changes).

    cache_resource hands every session the same objects without copying them. A DataError is
    not cached, so a fixed file is picked up on the next reload, with no restart.
    """
    return Data(load.load_atlas(Path(data_dir), Path(boundaries)), (data_dir, boundaries, stamp))


def data() -> Data:
    """The data, or a clear error page (and stop) when a data file is broken."""
    try:
        data_dir, boundaries = _sources()
        return _load(str(data_dir), str(boundaries), _stamp(data_dir, boundaries))
    except DataError as exc:
        st.error(
            "The atlas cannot show its data: a data file has problems. "
            "Fix them and reload the page.",
            icon=":material/error:",
        )
        st.markdown(problem_list(exc))
        st.stop()


def problem_list(error: DataError, limit: int = 50) -> str:
    """The problems as a markdown bullet list of plain text, the first `limit` of them."""
    lines = [f"- {present.plain(problem)}" for problem in error.problems[:limit]]
    if len(error.problems) > limit:
        lines.append(f"- … and {len(error.problems) - limit} more")
    return (
        f"**{len(error.problems)} problem{'s' if len(error.problems) != 1 else ''}:**\n\n"
        + "\n".join(lines)
    )


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
