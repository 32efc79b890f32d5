"""Streamlit glue shared by the pages: page setup and navigation, cached data, the country picker.

The only module besides the pages that imports streamlit. It lives in a sub-folder of pages/ so
that Streamlit's folder-based mode, which makes a page of every pages/*.py, does not list it.
"""

from __future__ import annotations

import os
from pathlib import Path

import plotly.graph_objects as go
import streamlit as st

from partners import catalog, figures, load, paths, present, provenance, site, views
from partners.errors import DataError


def page_setup(page: site.Page) -> None:
    """Page config and the navigation row: the first thing every page does.

    The app runs in Streamlit's folder-based mode (dashboard.py and pages/), with Streamlit's own
    sidebar navigation switched off in .streamlit/config.toml; every page draws this row instead,
    from the one list of pages in partners/site.py.
    """
    st.set_page_config(page_title=page.tab_title, page_icon=site.APP_ICON, layout="wide")
    with st.container(horizontal=True, gap="small", key="top_navigation"):
        for target in site.PAGES:
            st.page_link(target.script, label=target.title, icon=target.icon)


def _sources() -> tuple[Path, Path]:
    """Where the data is read from: the repository's own files, unless ATLAS_DATA_DIR (the CSV
    files) or ATLAS_BOUNDARIES (the shapes) name others, as tests and people checking an edited
    copy do. Read on every rerun, so it is never stale."""
    data_dir = Path(os.environ.get("ATLAS_DATA_DIR") or paths.DATA)
    boundaries = Path(os.environ.get("ATLAS_BOUNDARIES") or paths.BOUNDARIES)
    return data_dir, boundaries


def _stamp(data_dir: Path, boundaries: Path) -> tuple:
    """When each data file last changed: part of the cache key, so an edited file is reloaded."""
    files = [data_dir / p.name for p in paths.LOADED] + [boundaries]
    return tuple(_file_stamp(path) for path in files)


def _file_stamp(path: Path) -> tuple | None:
    try:
        info = path.stat()
    except OSError:
        return None
    return info.st_mtime_ns, info.st_size


@st.cache_resource(show_spinner="Loading the data…", max_entries=4)
def _load(data_dir: str, boundaries: str, stamp: tuple) -> catalog.Catalog:
    """Load and validate every data file once per process (and again when one changes).

    cache_resource hands every session the same objects without copying them. A DataError is
    not cached, so a fixed file is picked up on the next reload, with no restart.
    """
    atlas = load.load_atlas(Path(data_dir), Path(boundaries))
    return catalog.Catalog(atlas, (data_dir, boundaries, stamp))


def data() -> catalog.Catalog:
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
        st.markdown(present.problem_list(exc.problems))
        st.stop()


def package_file() -> Path:
    """datapackage.json, or the copy ATLAS_DATAPACKAGE names (tests check a changed copy)."""
    return Path(os.environ.get("ATLAS_DATAPACKAGE") or paths.DATAPACKAGE)


@st.cache_resource(show_spinner=False, max_entries=4)
def _package(path: str, stamp: tuple | None) -> provenance.Package:
    return provenance.Package.read(Path(path))


def package() -> provenance.Package:
    """datapackage.json, read once per change: the one place that says where every file comes
    from, its licence, as-of date and credit."""
    path = package_file()
    return _package(str(path), _file_stamp(path))


@st.cache_resource(max_entries=512, show_spinner=False)
def _map_view(_data: catalog.Catalog, stamp: tuple, state: views.MapState) -> views.MapView:
    """The map page's figure, table and CSV for one state of its controls, built once.

    Shared read-only by every session (the figure is never mutated: Streamlit serialises a copy).
    """
    return views.build_map_view(_data.atlas, _data.index, state)


def map_view(data: catalog.Catalog, state: views.MapState) -> views.MapView:
    return _map_view(data, data.stamp, state)


@st.cache_resource(max_entries=512, show_spinner=False)
def _locator(_data: catalog.Catalog, stamp: tuple, iso3: str) -> go.Figure:
    """The small map locating one country, built once per country."""
    entry = _data.index.loc[iso3]
    return figures.locator_map(iso3, _data.picker_options, entry["bounds"])


def locator(data: catalog.Catalog, iso3: str) -> go.Figure:
    return _locator(data, data.stamp, iso3)


def country_picker(data: catalog.Catalog, *, key: str, label: str = "Go to a country") -> None:
    """A searchable select of every country with a page; choosing one opens it.

    The choice is handed over through session state and the widget cleared, so that arriving
    on the country page (which has a picker too) does not navigate again.
    """

    def chosen() -> None:
        st.session_state["_go_to_country"] = st.session_state[key]
        st.session_state[key] = None

    st.selectbox(
        label,
        data.picker_options,
        index=None,
        format_func=data.picker_names.__getitem__,
        placeholder="Type a country's name…",
        key=key,
        on_change=chosen,
    )
    target = st.session_state.pop("_go_to_country", None)
    if target:
        open_country(target)


def open_country(iso3: str) -> None:
    """Navigate to a country's page (a new browser history entry, so Back returns)."""
    st.switch_page(site.COUNTRY.script, query_params={"iso3": iso3})


def credits() -> None:
    """The credits line under every page, built from datapackage.json."""
    st.caption(present.plain(package().credits_line()))


def resource_file(relative: str) -> Path:
    """The file behind a datapackage.json path, as this server reads it (ATLAS_DATA_DIR etc.)."""
    data_dir, boundaries = _sources()
    path = paths.ROOT / relative
    if path == paths.BOUNDARIES:
        return boundaries
    if path.parent == paths.DATA:
        return data_dir / path.name
    return path
