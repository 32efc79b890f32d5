"""The data every page reads, cached per process: the tables, datapackage.json, and the views
built from them. A broken file gets the friendly error page (file, line, column), never a traceback.

Where the data is read from follows ATLAS_DATA_DIR (the CSV files), ATLAS_BOUNDARIES (the
shapes) and ATLAS_DATAPACKAGE (datapackage.json), read on every rerun and part of every cache key,
so that tests and people checking an edited copy see their copy.
"""

from __future__ import annotations

import os
from pathlib import Path

import streamlit as st

from partners import actions, catalog, i18n, load, paths, present, provenance, urlstate, views
from partners.errors import DataError
from partners.i18n import _


def _stop_with(exc: DataError) -> None:
    """The error page for broken data: what is wrong, where, and that a reload picks up a fix."""
    st.error(
        _(
            "The atlas cannot show its data: a data file has problems. Fix them and reload the "
            "page."
        ),
        icon=":material/error:",
    )
    st.markdown(present.problem_list(exc.problems))
    st.stop()


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


@st.cache_resource(show_spinner=False, max_entries=4)
def _load(data_dir: str, boundaries: str, stamp: tuple) -> load.Atlas:
    """Load and validate every data file once per process (and again when one changes).

    cache_resource hands every session the same objects without copying them. A DataError is
    not cached, so a fixed file is picked up on the next reload, with no restart.
    """
    return load.load_atlas(Path(data_dir), Path(boundaries))


@st.cache_resource(show_spinner=False, max_entries=8)
def _catalog(data_dir: str, boundaries: str, stamp: tuple, language: str) -> catalog.Catalog:
    """The lookups and texts the pages read, worked out once per data version and language
    (the catalogue's sentences are in the reader's language, partners/i18n.py); the data under
    it is loaded once for every language. One cache lookup per run."""
    return catalog.Catalog(_load(data_dir, boundaries, stamp), (data_dir, boundaries, stamp))


# The catalogs this process has built: a run that finds its catalog here shows no spinner, so
# an ordinary rerun sends nothing for it.
_BUILT: set[tuple] = set()


def data() -> catalog.Catalog:
    """The data, or a clear error page (and stop) when a data file, or datapackage.json, is
    broken: checked before any page draws its controls."""
    package()
    try:
        data_dir, boundaries = _sources()
        key = (str(data_dir), str(boundaries), _stamp(data_dir, boundaries), i18n.language())
        if key in _BUILT:
            return _catalog(*key)
        with st.spinner(_("Loading the data…")):
            built = _catalog(*key)
        _BUILT.add(key)
        return built
    except DataError as exc:
        _stop_with(exc)


def package_file() -> Path:
    """datapackage.json, or the copy ATLAS_DATAPACKAGE names (tests check a changed copy)."""
    return Path(os.environ.get("ATLAS_DATAPACKAGE") or paths.DATAPACKAGE)


@st.cache_resource(show_spinner=False, max_entries=4)
def _package(path: str, stamp: tuple | None) -> provenance.Package:
    return provenance.Package.read(Path(path))


def package() -> provenance.Package:
    """datapackage.json, read once per change: the one place that says where every file comes
    from, its licence, as-of date and credit; the error page when it is broken."""
    path = package_file()
    try:
        return _package(str(path), _file_stamp(path))
    except DataError as exc:
        _stop_with(exc)


@st.cache_resource(max_entries=1024, show_spinner=False)
def _map_view(
    _data: catalog.Catalog,
    stamp: tuple,
    state: urlstate.MapState,
    as_of: str,
    language: str,
) -> views.MapView:
    """The map page's data, legend, texts, table and CSV for one view, built once. Shared
    read-only by every session.
    """
    return views.build_map_view(
        _data.atlas,
        _data.index,
        state,
        facts_as_of=as_of,
        everything=_data.profile,
        tallies=_data.tallies,
    )


def map_view(data: catalog.Catalog, state: urlstate.MapState) -> views.MapView:
    """One view of the map in the reader's language, built once per process."""
    return _map_view(data, data.stamp, state, package().facts_as_of, i18n.language())


@st.cache_resource(max_entries=16, show_spinner=False)
def _votes_actions(_data: catalog.Catalog, stamp: tuple, period: str, language: str):
    return actions.frame(_data, period)


def votes_actions(data: catalog.Catalog, period: str):
    """Every member's votes in a period beside its documented support (partners.actions)."""
    return _votes_actions(data, data.stamp, period, i18n.language())


def resource_file(relative: str) -> Path:
    """The file behind a datapackage.json path, as this server reads it (ATLAS_DATA_DIR etc.)."""
    data_dir, boundaries = _sources()
    path = paths.ROOT / relative
    if path == paths.BOUNDARIES:
        return boundaries
    if path.parent == paths.DATA:
        return data_dir / path.name
    return path
