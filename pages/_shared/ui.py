"""Streamlit glue shared by the pages: page setup and navigation, cached data, the country picker.

The only module besides the pages that imports streamlit. It lives in a sub-folder of pages/ so
that Streamlit's folder-based mode, which makes a page of every pages/*.py, does not list it.
"""

from __future__ import annotations

import html
import os
from pathlib import Path
from urllib.parse import urlencode

import streamlit as st

from partners import (
    actions,
    catalog,
    figures,
    load,
    paths,
    present,
    provenance,
    site,
    stance,
    urlstate,
    views,
)
from partners import locator as locator_svg
from partners.errors import DataError

# The map's controls keep their values under these session keys; the last view is remembered
# under _MAP_MEMORY so that returning to the map (Back, the Map link, a country page's way back)
# shows the view the reader left, whatever Streamlit does to the address on a page switch.
_MAP_MEMORY = "_map_view_left"
_MAP_WRITTEN = "_map_params_written"
_PAGE, _PREVIOUS_PAGE = "_page_now", "_page_before"
MAP_WIDGETS = {
    "view": "view",
    "res": "symbol",
    "per": "period",
    "cat": "categories",
    "dir": "directions",
    "ev": "evidence",
}


def page_setup(page: site.Page) -> None:
    """Page config and the navigation row: the first thing every page does.

    The app runs in Streamlit's folder-based mode (dashboard.py and pages/), with Streamlit's own
    sidebar navigation switched off in .streamlit/config.toml; every page draws this row instead,
    from the one list of pages in partners/site.py.
    """
    st.set_page_config(page_title=page.tab_title, page_icon=site.APP_ICON, layout="wide")
    # Which page the session's previous run showed: the map reads its address afresh only when
    # the reader arrives on it, not while they work its controls.
    previous = st.session_state[_PREVIOUS_PAGE] = st.session_state.get(_PAGE)
    st.session_state[_PAGE] = page.url_path
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


def screen() -> str:
    """'phone' when the browser says it is a phone's (its user agent names Mobile), else 'wide'.

    The server cannot see the screen's width; the user agent is what it has. A phone held
    sideways gets the phone's map too, which still fits.
    """
    agent = st.context.headers.get("User-Agent", "") if st.context.headers else ""
    return "phone" if "Mobile" in agent else "wide"


@st.cache_resource(max_entries=1024, show_spinner=False)
def _map_view(
    _data: catalog.Catalog, stamp: tuple, state: urlstate.MapState, as_of: str, size: str
) -> views.MapView:
    """The map page's figure, legend, texts, table and CSV for one view and screen, built
    once. Shared read-only by every session (Streamlit serialises a copy of the figure).
    """
    return views.build_map_view(
        _data.atlas,
        _data.index,
        state,
        facts_as_of=as_of,
        screen=size,
        everything=_data.profile,
        tallies=_data.tallies,
    )


def map_view(data: catalog.Catalog, state: urlstate.MapState) -> views.MapView:
    as_of = provenance.as_of_text(package().resource("facts")["as_of"])
    return _map_view(data, data.stamp, state, as_of, screen())


@st.cache_resource(max_entries=16, show_spinner=False)
def _votes_actions(_data: catalog.Catalog, stamp: tuple, period: str):
    return actions.frame(_data, period)


def votes_actions(data: catalog.Catalog, period: str):
    """Every member's votes in a period beside its documented support (partners.actions)."""
    return _votes_actions(data, data.stamp, period)


def plot_config() -> dict:
    """plotly.js options: offline base map, no toolbar over the map (the page has downloads),
    and a chart that follows its container's size (a phone gets a map as wide as the screen)."""
    return figures.PLOT_CONFIG | {"displayModeBar": False, "responsive": True}


_STYLE = """<style>
.atlas-legend { display: flex; flex-wrap: wrap; gap: .25rem 1rem; margin: 0 0 .25rem;
  font-size: .875rem; line-height: 1.4; }
.atlas-legend span.item { display: inline-flex; align-items: center; gap: .4rem; }
.atlas-legend span.swatch { width: .9rem; height: .9rem; border-radius: 2px; flex: none;
  border: 1px solid rgba(128, 128, 128, .7); }
@media (max-width: 700px) { h1 { font-size: 1.75rem !important; } }
</style>"""


def legend(entries: figures.Legend) -> None:
    """The map's legend as text beside colour squares: readable at any width, in both themes."""
    items = "".join(
        f'<span class="item" role="listitem"><span class="swatch" aria-hidden="true" '
        f'style="background:{colour}"></span>{html.escape(label)} ({count})</span>'
        for label, colour, count in zip(
            entries.labels, entries.colours, entries.counts, strict=True
        )
    )
    st.html(f'{_STYLE}<div class="atlas-legend" role="list" aria-label="Legend">{items}</div>')


def share_link(params: dict[str, list[str]]) -> str:
    """The full address of this page with these parameters, as a reader would paste it."""
    base = (st.context.url or "").split("?")[0]
    query = urlencode(params, doseq=True)
    return f"{base}?{query}" if query else base


@st.cache_resource(max_entries=4, show_spinner=False)
def _projected(_data: catalog.Catalog, stamp: tuple):
    """The shapes in the picture's projection, once per process and data version."""
    from partners import export  # matplotlib loads when a reader first asks for a picture

    return export.project(_data.atlas.shapes)


def picture(data: catalog.Catalog, shown: views.MapView, kind: str) -> bytes:
    """The map as a PNG or SVG picture for an article (see partners/export.py)."""
    from partners import export

    return export.picture(
        _projected(data, data.stamp),
        shown.fills,
        title=shown.title,
        subtitle=shown.subtitle,
        legend=shown.legend,
        credits=package().credits_line(),
        marks=shown.marks,
        kind=kind,
    )


def map_actions(data: catalog.Catalog, shown: views.MapView, params: dict) -> None:
    """Under the map: the downloads of what it shows, and a link to share or embed the view."""
    with st.container(horizontal=True, gap="small", key="map_actions"):
        st.download_button(
            shown.csv_label,
            # A callable is only run when the reader clicks: nothing is stored per rerun.
            lambda: shown.csv,
            on_click="ignore",
            file_name=f"{shown.file_stem}.csv",
            mime="text/csv",
            icon=":material/download:",
        )
        for kind in ("png", "svg"):
            st.download_button(
                f"Download the map ({kind.upper()})",
                lambda kind=kind: picture(data, shown, kind),  # drawn when clicked
                on_click="ignore",
                file_name=f"{shown.file_stem}-map.{kind}",
                mime="image/png" if kind == "png" else "image/svg+xml",
                icon=":material/image:",
                help="1200 px wide on white, with the title, the selection, the dates and the "
                "credits in the picture.",
            )
        with st.popover("Share or embed this view", icon=":material/share:"):
            link = share_link(params)
            st.markdown("**Link to this view** (the copy button is at the right of the box):")
            st.code(link, language=None, wrap_lines=True)
            embed = share_link(params | {"embed": ["true"]})
            st.markdown("**Embed it** in a web page:")
            st.code(
                f'<iframe src="{embed}" width="100%" height="720" '
                'title="Russia\'s partners: an atlas"></iframe>',
                language="html",
                wrap_lines=True,
            )


@st.cache_resource(max_entries=512, show_spinner=False)
def _locator(_data: catalog.Catalog, stamp: tuple, iso3: str) -> str:
    """The small map locating one country, as SVG, built once per country."""
    entry = _data.index.loc[iso3]
    drawn = locator_svg.locator_svg(
        iso3,
        entry["name"],
        _data.atlas.shapes,
        entry["bounds"],
        colour=_data.map_colour(iso3),
        grey=figures.PALETTE.no_support,
        border=figures.PALETTE.border,
        point=entry["point"],
    )
    return locator_svg.as_image(drawn, entry["name"])


def locator(data: catalog.Catalog, iso3: str) -> None:
    """Draw the small map locating a country: an SVG made on the server (no plotly.js), as an
    image with its text alternative (st.html's sanitiser drops inline SVG; an image with a
    data URL passes it)."""
    st.html(_locator(data, data.stamp, iso3))


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
        data.picker_texts,
        index=None,
        placeholder="Type a name or a code…",  # fits the side panel; short names work too
        key=key,
        on_change=chosen,
        filter_mode="contains",  # an alias is found wherever it stands in its option
    )
    target = st.session_state.pop("_go_to_country", None)
    if target:
        open_country(data.picker_targets[target])


def open_country(iso3: str) -> None:
    """Navigate to a country's page (a new browser history entry, so Back returns)."""
    st.switch_page(site.COUNTRY.script, query_params={"iso3": iso3})


def dates() -> None:
    """Which date is which, on a page that shows both the facts and the votes."""
    st.caption(present.plain(package().dates_line()))


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


def seed_map_controls(symbols: list[str]) -> bool:
    """Seed the map's controls with the view it opens with; True when the link had parts that
    were not understood.

    The address is read when the reader arrives on the map (a link, Back, Forward, the Map link)
    or when it changed under the page; while the reader works the controls, they are the truth.
    Arriving with no view in the address (Streamlit drops it when switching pages) restores the
    view the reader left.
    """
    params = {key: st.query_params.get_all(key) for key in st.query_params}
    in_address = {k: v for k, v in params.items() if k != "iso3"}  # iso3: left by a country page
    arriving = st.session_state.get(_PREVIOUS_PAGE) != site.MAP.url_path
    changed = in_address != st.session_state.get(_MAP_WRITTEN, in_address)
    remembered = st.session_state.get(_MAP_MEMORY)
    state, unusable = urlstate.parse(in_address, symbols)
    asks_a_view = any(key in urlstate.KEYS for key in in_address)
    # Keep the view while the reader works the controls, and when they come back to the map
    # from another page with no view in the address.
    if remembered and (not (arriving or changed) or (arriving and not asks_a_view)):
        state, unusable = remembered, False
    for key, field in MAP_WIDGETS.items():
        value = getattr(state, field)
        value = list(value) if isinstance(value, tuple) else value
        # Seed a control when the view comes from the address or memory, or when Streamlit
        # dropped its value because it was hidden (the vote view hides the support filters).
        if arriving or changed or key not in st.session_state:
            st.session_state[key] = value
    return unusable


def period_control(label: str, key: str = "per") -> str:
    """The choice of one of the periods compared (stance.PERIODS), by its address code."""
    return st.segmented_control(
        label,
        [period.code for period in stance.PERIODS],
        required=True,
        format_func=lambda code: stance.find_period(code).label,
        key=key,
    )


def seed_from_address(key: str, param: str, parse) -> bool:
    """Seed one control (session key `key`) from the address parameter `param`, for a page whose
    view is that one control; True when the address had parts that were not understood.

    parse takes the parameter's values and returns (value, unusable). As on the map, the address
    is read when the reader arrives or when it changed under the page (Back, Forward, a pasted
    link); arriving with nothing in the address restores what the reader left.
    """
    values = st.query_params.get_all(param)
    arriving = st.session_state.get(_PREVIOUS_PAGE) != st.session_state.get(_PAGE)
    if key in st.session_state and not arriving and values == st.session_state.get(f"_w_{key}"):
        return False  # the reader is working the control: it is the truth
    remembered = st.session_state.get(f"_left_{key}")
    if arriving and not values and remembered is not None:
        st.session_state[key] = remembered
        return False
    value, unusable = parse(values)
    st.session_state[key] = list(value) if isinstance(value, tuple) else value
    return unusable


def keep_in_address(params: dict[str, list[str]]) -> dict[str, list[str]]:
    """Write a page's view into the address, with Streamlit's embedding parameters kept.

    Written when it differs from the server's copy, and on every run that stays on the same
    page: a link to the page the reader is on (the country index's links, the compare page's
    example) runs the page with its parameters but leaves the browser's address without them,
    and only a write puts them back. A run that arrives from another page does not write what
    the address already holds: a late write there could land on the page the reader has gone
    back to.
    """
    kept = {k: st.query_params.get_all(k) for k in urlstate.PASSTHROUGH if k in st.query_params}
    wanted = params | kept
    current = {k: st.query_params.get_all(k) for k in st.query_params}
    same_page = st.session_state.get(_PREVIOUS_PAGE) == st.session_state.get(_PAGE)
    if current != wanted or same_page:
        st.query_params.from_dict(wanted)
    return wanted


def write_address(key: str, param: str, params: dict[str, list[str]]) -> None:
    """Put a page's one-control view into the address and remember it for the reader's
    return."""
    wanted = keep_in_address(params)
    st.session_state[f"_w_{key}"] = wanted.get(param, [])
    value = st.session_state.get(key)
    st.session_state[f"_left_{key}"] = list(value) if isinstance(value, list) else value


def remember_map_state(state: urlstate.MapState, symbols: list[str]) -> dict[str, list[str]]:
    """Write the view into the address (short codes, defaults left out) and remember it."""
    params = urlstate.to_params(state, symbols)
    kept = {k: st.query_params.get_all(k) for k in urlstate.PASSTHROUGH if k in st.query_params}
    wanted = params | kept
    current = {key: st.query_params.get_all(key) for key in st.query_params}
    if current != wanted:
        st.query_params.from_dict(wanted)
    st.session_state[_MAP_WRITTEN] = wanted
    st.session_state[_MAP_MEMORY] = state
    return params
