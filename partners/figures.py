"""The world map's colours, legends and hover lines, and its plotly figure (one choropleth for
every view: support, one vote, a period). The locator map is drawn in partners/locator.py, the
Votes and actions chart in partners/scatter.py.

Shapes are never embedded in a figure: the figure names the GeoJSON by URL, the browser fetches
it once, and plotly.js keeps it in memory for every later redraw. A figure is then a few KB of
codes and colours, which is what Streamlit re-sends on each filter change.
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go

from partners import stance, vocab, words
from partners.i18n import N_, _

# Relative to the page, so the app also works under a base URL path (server.baseUrlPath).
# Streamlit serves static/ at app/static/ when server.enableStaticServing is on.
GEOJSON_URL = "app/static/boundaries.geojson"
# The world drawn here is about twice as wide as tall. plotly.js fits it to the chart's width,
# so a fixed height leaves empty bands on a narrow screen: phones get a shorter chart.
MAP_HEIGHTS = {"wide": 480, "phone": 235}
# plotly.js fetches "<topojsonURL>world_110m.json" for every geo map, even with its base map
# hidden and a GeoJSON of its own (plotly.js src/plots/geo/geo.js); the default URL is its CDN,
# so with no network the map stays blank. We serve a minimal empty topology from the app.
TOPOJSON_URL = "app/static/topojson/"
PLOT_CONFIG = {"topojsonURL": TOPOJSON_URL, "displaylogo": False, "scrollZoom": False}

# ColorBrewer YlOrRd: sequential and colour-blind safe; one step per number of kinds documented.
SUPPORT_COLOURS = ("#fed976", "#feb24c", "#fd8d3c", "#fc4e2a", "#e31a1c", "#bd0026", "#800026")
# ColorBrewer RdYlBu end points and middle, colour-blind safe; absent in grey.
VOTE_COLOURS = {"yes": "#2c7bb6", "abstain": "#fdae61", "no": "#d7191c", "absent": "#9aa3ad"}
# A period's classes in the vote map's colours; "mixed" takes RdYlBu's pale middle.
STANCE_COLOURS = {
    "with": VOTE_COLOURS["no"],
    "abstained": VOTE_COLOURS["abstain"],
    "against": VOTE_COLOURS["yes"],
    "absent": VOTE_COLOURS["absent"],
    "mixed": "#ffffbf",
}
# Streamlit badge colours (st.badge, :color-badge[...]) on the country page.
EVIDENCE_BADGES = {
    "public_record": "green",
    "official_statement": "blue",
    "media_report": "gray",
    "disputed": "orange",
}
NO_SUPPORT_LABEL = N_("No support documented in these sources")
NOT_MEMBER_LABEL = N_("Disputed area or state outside the UN")
_SUBJECT_LINE = N_("Russia: the country the atlas is about")


@dataclass(frozen=True)
class Palette:
    """The colours around the data scales: the same in the light and the dark theme."""

    no_support: str  # members with nothing documented: quiet, never read as "does not support"
    not_member: str  # the quietest: disputed areas and states outside the UN
    subject: str  # Russia, outside the support scale
    border: str  # between countries
    mark: str  # the ⚠ sign on countries with disputed facts
    mark_badge: str  # the disc behind it, so that it shows on land, sea, light and dark
    marker: str  # a country the locator shows that the map paints grey


# The greys are one grey at two opacities, so the page's own background shows through: pale on
# a light page, dark on a dark one, and never the brightest thing on either. Switching the theme
# in the menu then needs no new figure. Russia's purple is light enough for a dark page and dark
# enough for a light one (BuPu; about 4:1 against both backgrounds).
PALETTE = Palette(
    no_support="#8b949e80",
    not_member="#8b949e33",
    subject="#8c6bb1",
    border="#8b949e99",
    mark="#111111",
    mark_badge="#fde68a",
    marker="#6b7280",
)


@dataclass(frozen=True)
class Legend:
    """The classes of a map in legend order: code, label, colour and how many countries."""

    codes: tuple[str, ...]
    labels: tuple[str, ...]
    colours: tuple[str, ...]
    counts: tuple[int, ...]


def support_class(row: pd.Series) -> str:
    """Russia, none, or the number of selected categories documented (as a string, '1'..'7')."""
    if row["is_subject"]:
        return "subject"
    return str(row["n_categories"]) if row["n_categories"] else "none"


def support_legend(profile: pd.DataFrame, palette: Palette = PALETTE) -> tuple[pd.Series, Legend]:
    """Class per UN member for the support map, and its legend (empty classes left out)."""
    classes = profile.apply(support_class, axis=1)
    counts = classes.value_counts()
    most = len(SUPPORT_COLOURS)
    order = ["subject", *[str(n) for n in range(most, 0, -1)], "none"]
    label = {
        "subject": _("Russia"),
        "none": _(NO_SUPPORT_LABEL),
        **{str(n): words.kinds_of_support(n) for n in range(1, most + 1)},
    }
    colour = {"subject": palette.subject, "none": palette.no_support}
    colour |= {str(n): SUPPORT_COLOURS[n - 1] for n in range(1, most + 1)}
    shown = [c for c in order if counts.get(c, 0) or c in ("subject", "none")]
    return classes, Legend(
        tuple(shown),
        tuple(label[c] for c in shown),
        tuple(colour[c] for c in shown),
        tuple(int(counts.get(c, 0)) for c in shown),
    )


def vote_legend(profile: pd.DataFrame, column: str) -> tuple[pd.Series, Legend]:
    """Class per UN member for one resolution, and a legend whose counts are the vote totals."""
    classes = profile[column].fillna("absent")
    counts = classes.value_counts()
    order = vocab.codes(vocab.VOTES)
    return classes, Legend(
        tuple(order),
        tuple(vocab.labels(vocab.VOTES)[c] for c in order),
        tuple(VOTE_COLOURS[c] for c in order),
        tuple(int(counts.get(c, 0)) for c in order),
    )


def stance_legend(classes: pd.Series) -> Legend:
    """The legend of the period view from each member's class code (Tally.code)."""
    counts = classes.value_counts()
    order = list(STANCE_COLOURS)
    return Legend(
        tuple(order),
        tuple(_(stance.CLASS_LABELS[c])[:1].upper() + _(stance.CLASS_LABELS[c])[1:] for c in order),
        tuple(STANCE_COLOURS[c] for c in order),
        tuple(int(counts.get(c, 0)) for c in order),
    )


def stance_hover(tally: stance.Tally, *, owner: str | None = None) -> str:
    """Hover lines on the period map: the class and the counts behind it; owner names the
    sovereign whose votes a territory shows."""
    line = _("{period}: {tally}<br>{counts} (of {total} votes)").format(
        period=tally.period.label, tally=tally.label, counts=tally.counts_text(), total=tally.total
    )
    if owner:
        return _("Part of {owner}; its votes, {line}").format(owner=html.escape(owner), line=line)
    return line


# The profile's columns the support map's hover reads (with the country's "name").
HOVER_COLUMNS = ("name", "is_subject", "n_facts", "categories", "headline", "has_disputed")


def _details(row: Mapping) -> str:
    """Hover lines under a documented country's name, every data value HTML-escaped."""
    if row["is_subject"]:
        return _(_SUBJECT_LINE)
    kinds = ", ".join(vocab.labels(vocab.CATEGORIES)[c] for c in row["categories"])
    facts = words.facts(row["n_facts"])
    lines = [f"{html.escape(kinds)} · {facts}", _wrap(html.escape(_shorten(str(row["headline"]))))]
    if row["has_disputed"]:
        lines.append("<i>⚠ " + _("Includes disputed claims") + "</i>")
    return "<br>".join(lines)


def _shorten(text: str, limit: int = 90) -> str:
    """A headline cut at a word before `limit` characters, with an ellipsis when cut."""
    if len(text) <= limit:
        return text
    return text[: text.rfind(" ", 0, limit)].rstrip(",;:") + "…"


def _wrap(text: str, width: int = 60) -> str:
    words, lines, line = text.split(), [], ""
    for word in words:
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    return "<br>".join([*lines, line])


# A shape's name, as the GeoJSON gives it (static/boundaries.geojson, built by
# scripts/build_boundaries.py), over the view's lines for it.
HOVER_TEMPLATE = "<b>%{properties.name}</b><br>%{text}<extra></extra>"


def _warning_marks(marks: list[tuple[float, float]], palette: Palette) -> go.Scattergeo:
    """A ⚠ badge at each (lon, lat): the countries whose shown facts include disputed ones."""
    return go.Scattergeo(
        lon=[lon for lon, _ in marks],
        lat=[lat for _, lat in marks],
        mode="markers+text",
        marker=dict(size=17, color=palette.mark_badge, line=dict(color=palette.mark, width=1)),
        text=["⚠"] * len(marks),
        textfont=dict(size=11, color=palette.mark),
        hoverinfo="skip",
        showlegend=False,
        name="disputed",
    )


def world_map(
    locations: list[str],
    classes: list[int],
    hover: list[str],
    colours: list[str],
    *,
    palette: Palette = PALETTE,
    marks: list[tuple[float, float]] = (),
    height: int = 480,
    geojson_url: str = GEOJSON_URL,
) -> go.Figure:
    """The choropleth of every shape: each location painted colours[class]; on hover, the
    shape's name (from its GeoJSON properties) over the lines given in hover.

    marks are (lon, lat) points that get a ⚠ sign: countries with disputed facts. The legend is
    drawn by the page (as text, readable at any width), so the figure has no colour bar.

    One trace for every shape. plotly.js fetches a trace's GeoJSON URL once per page, and any
    other trace naming the same URL while that fetch is under way only waits 5 seconds for it
    (plotly.js lib/geo_location_utils.js) before failing with "Unexpected error while fetching":
    on a slow link, or a busy machine, a second trace loses the map.
    """
    # A stepped colour scale: value i is painted colours[i], with no blending between classes.
    scale = []
    for i, colour in enumerate(colours):
        scale += [[i / len(colours), colour], [(i + 1) / len(colours), colour]]
    figure = go.Figure(
        go.Choropleth(
            geojson=geojson_url,
            featureidkey="id",
            locations=locations,
            z=classes,
            zmin=-0.5,
            zmax=len(colours) - 0.5,
            colorscale=scale,
            showscale=False,
            marker=dict(line=dict(color=palette.border, width=0.4)),
            text=hover,
            # The name comes from the shapes' own GeoJSON, fetched once per page: only the lines
            # under it travel with every change of the view.
            hovertemplate=HOVER_TEMPLATE,
        )
    )
    if marks:
        figure.add_trace(_warning_marks(marks, palette))
    figure.update_geos(
        visible=False,
        projection_type="natural earth",
        lataxis_range=[-58, 85],
        lonaxis_range=[-170, 190],
        bgcolor="rgba(0,0,0,0)",
    )
    figure.update_layout(
        template="none",  # Streamlit's theme styles the chart; plotly's template is 4 KB of JSON
        margin=dict(l=0, r=0, t=0, b=0),
        height=height,
        dragmode=False,
        clickmode="event+select",
        paper_bgcolor="rgba(0,0,0,0)",
        showlegend=False,
    )
    return figure


def vote_hover(vote_label: str, symbol: str, *, owner: str | None = None) -> str:
    """Hover line on the vote map; owner names the sovereign whose vote a territory shows."""
    line = f"{html.escape(symbol)}: {html.escape(vote_label)}"
    if owner:
        return _("Part of {owner}; its vote on {line}").format(owner=html.escape(owner), line=line)
    return line


def territory_hover(sovereign: Mapping) -> str:
    """Hover lines for a territory on the support map: its sovereign's entry, said as such."""
    owner = html.escape(str(sovereign["name"]))
    if sovereign["is_subject"]:
        return _("Part of Russia")
    details = _(NO_SUPPORT_LABEL).lower() if not sovereign["n_facts"] else _details(sovereign)
    return _("Part of {owner}: {details}").format(owner=owner, details=details)


def support_hover(row: Mapping | None) -> str:
    """Hover lines on the support map, under the country's name; data values HTML-escaped."""
    if row is None:
        return _("Not a UN member; {none}").format(none=_(NO_SUPPORT_LABEL).lower())
    if row["is_subject"]:
        return _(_SUBJECT_LINE)
    if not row["n_facts"]:
        return _(NO_SUPPORT_LABEL)
    return _details(row)
