"""The world map on the map page with its surroundings: the legend, the downloads (CSV, PNG,
SVG) and the share box; and the country page's locator map."""

from __future__ import annotations

import html

import streamlit as st

from pages._shared import address, chrome, store, worldmap
from partners import catalog, figures, i18n, markup, paths, site, views
from partners import locator as locator_svg
from partners import picture as pictures
from partners.i18n import _


def world_map(shown: views.MapView, *, key: str, outside: str | None = None) -> str | None:
    """The world map of one view; the code of the country a reader opened from it, if any.

    outside: the full atlas's address of this view, when the map is embedded in another page;
    a country then opens there, in a new tab."""
    data = shown.map_data | {
        "outside": outside,
        "svg": worldmap.SHAPES_URL,
        "name": _("World map: {title}").format(title=shown.title),
        "legend_name": _("Legend"),
        "help": _(
            "Tab onto the map, then move between countries with the arrow keys (in the "
            "legend's order) or type a country's name; Enter opens its page. Zoom with + and "
            "− or a pinch; drag to move the zoomed map."
        ),
        "buttons": {
            "in": _("Zoom in"),
            "out": _("Zoom out"),
            "reset": _("Show the whole world"),
        },
        "failed": _("The map could not be drawn; the table below lists every country."),
    }
    return worldmap.world_map(data, key=key)


# The legend's style comes with it: a style that arrived later (static/atlas.css is linked once
# per tab) would move what is under the legend after it was drawn. The world map's component
# draws the same legend with the same style (static/worldmap.js).
_STYLE = """<style>
.atlas-legend { display: flex; flex-wrap: wrap; gap: .25rem 1rem; margin: 0 0 .25rem;
  font-size: .875rem; line-height: 1.4; }
.atlas-legend-title { font-size: .875rem; font-weight: 600; margin: 0 0 .2rem; }
.atlas-legend span.item { display: inline-flex; align-items: center; gap: .4rem; }
.atlas-legend span.swatch { width: .9rem; height: .9rem; border-radius: 2px; flex: none;
  border: 1px solid rgba(128, 128, 128, .7); }
@media (max-width: 700px) { h1 { font-size: 1.75rem !important; } }
</style>"""


def legend(entries: figures.Legend) -> None:
    """A chart's legend as text beside colour squares: readable at any width, in both themes."""
    items = "".join(
        f'<span class="item" role="listitem"><span class="swatch" aria-hidden="true" '
        f'style="background:{colour}"></span>{html.escape(label)} ({count})</span>'
        for label, colour, count in zip(
            entries.labels, entries.colours, entries.counts, strict=True
        )
    )
    name = html.escape(entries.title or _("Legend"), quote=True)
    title = (
        f'<p class="atlas-legend-title">{html.escape(entries.title)}</p>' if entries.title else ""
    )
    st.html(
        f'{_STYLE}{title}<div class="atlas-legend" role="list" aria-label="{name}">{items}</div>'
    )


@st.cache_resource(max_entries=2, show_spinner=False)
def _shapes(address: str) -> pictures.Shapes:
    """The map's shapes for pictures, read once per version of static/world.svg."""
    return pictures.read_shapes(paths.WORLD_SVG.read_text(encoding="utf-8"))


def picture(shown: views.MapView, kind: str, link: str) -> bytes:
    """The map as a PNG or SVG picture for an article (partners/picture.py): the same shapes and
    colours as the page's map, with the view's texts, the legend, the credits and `link`."""
    drawn = pictures.picture_svg(
        _shapes(worldmap.SHAPES_URL),
        shown.fills,
        title=shown.title,
        subtitle=shown.subtitle,
        legend=shown.legend,
        credits=store.package().credits_line(),
        site=f"{_(site.APP_TITLE)} · {link}",
        marked=shown.map_data["marks"],
    )
    return drawn.encode("utf-8") if kind == "svg" else pictures.png(drawn)


def map_table(shown: views.MapView) -> None:
    """What the map shows as a table, each country's name a link to its page: an HTML table,
    so that its text is in the page (partners/markup.py)."""
    links = {code: site.country_href(code) for code in shown.table.index}
    st.html(markup.frame_table(_("What the map shows"), shown.table, links))


def map_actions(shown: views.MapView, params: dict) -> None:
    """Under the map: the downloads of what it shows, and a link to share or embed the view
    (params: the view's parameters as a shared link carries them, urlstate.pinned_params)."""
    with st.container(horizontal=True, gap="small", key="map_actions"):
        st.download_button(
            shown.csv_label,
            # A callable is only run when the reader clicks: nothing is stored per rerun.
            chrome.when_clicked(lambda: shown.csv),
            on_click="ignore",
            file_name=f"{shown.file_stem}.csv",
            mime="text/csv",
            icon=":material/download:",
        )
        link = address.share_link(params)
        for kind in ("png", "svg"):
            st.download_button(
                _("Download the map ({kind})").format(kind=kind.upper()),
                chrome.when_clicked(lambda kind=kind: picture(shown, kind, link)),
                on_click="ignore",
                file_name=f"{shown.file_stem}-map.{kind}",
                mime="image/png" if kind == "png" else "image/svg+xml",
                icon=":material/image:",
                help=_(
                    "1200 px wide on white: the map as drawn here, with the title, the "
                    "selection and its sources, the legend, the credits and this view's address."
                ),
            )
        # Drawn only while open: a filter change does not re-send it.
        share = chrome.folded(
            st.popover, _("Share or embed this view"), key="share", icon=":material/share:"
        )
        if share is None:
            return
        with share:
            st.markdown(_("**Link to this view** (the copy button is at the right of the box):"))
            st.code(link, language=None, wrap_lines=True)
            embed = address.share_link(params | {"embed": ["true"]})
            st.markdown(_("**Embed it** in a web page:"))
            title = html.escape(_(site.APP_TITLE), quote=True)
            st.code(
                f'<iframe src="{embed}" width="100%" height="720" title="{title}"></iframe>',
                language="html",
                wrap_lines=True,
            )


@st.cache_resource(max_entries=512, show_spinner=False)
def _locator(_data: catalog.Catalog, stamp: tuple, iso3: str, language: str) -> str:
    """The small map locating one country, as SVG, built once per country and language (its
    text alternative is in words)."""
    entry = _data.index.loc[iso3]
    drawn = locator_svg.locator_svg(
        iso3,
        entry["name"],
        _data.atlas.shapes,
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
    st.html(_locator(data, data.stamp, iso3, i18n.language()))
