"""The world map's colours, legends and hover lines, and the data its component paints (one
map for every view: support, one vote, a period). The shapes are drawn once, in
partners/worldsvg.py; the locator map is in partners/locator.py, the Votes and actions chart in
partners/scatter.py.

The shapes never travel with a view: the browser fetches static/world.svg once, and a view is a
few KB of classes, colours and lines (map_data), which is what a filter change re-sends.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import pandas as pd

from partners import stance, vocab, words
from partners.i18n import N_, _

# Relative to the page, so the app also works under a base URL path (server.baseUrlPath).
# Streamlit serves static/ at app/static/ when server.enableStaticServing is on.
GEOJSON_URL = "app/static/boundaries.geojson"

# ColorBrewer YlOrRd: sequential and colour-blind safe; seven steps, palest first. The map gives
# the darkest to the strongest kind of support (vocab.STRENGTH); Votes and actions one step per
# number of kinds.
SUPPORT_COLOURS = ("#fed976", "#feb24c", "#fd8d3c", "#fc4e2a", "#e31a1c", "#bd0026", "#800026")
KIND_COLOURS = dict(zip(vocab.STRENGTH, reversed(SUPPORT_COLOURS), strict=True))
# A country whose shown facts are all in other directions than the colour's (say, only arms
# Russia sells it): ColorBrewer Blues, outside the red scale, so it never reads as support given.
OTHER_DIRECTION_COLOUR = "#9ecae1"
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
_SUBJECT_LINE = N_("The country the atlas is about")


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
    title: str = ""  # what the colour says, when the labels alone do not


# What the colour says, by the direction it is taken from.
_COLOUR_SAYS = {
    "to_russia": N_("Colour: the strongest kind of support the country gives Russia"),
    "from_russia": N_("Colour: the strongest kind of support Russia gives the country"),
    "mutual": N_("Colour: the strongest kind of mutual support between the country and Russia"),
}
_OTHER_DIRECTION = {
    "to_russia": N_("Only support Russia gives it, or mutual"),
    "from_russia": N_("Only support it gives Russia, or mutual"),
    "mutual": N_("Only one-way support"),
}


def colour_direction(directions: tuple[str, ...] | None) -> str:
    """The direction the support map's colour is taken from: support to Russia whenever it is
    shown (the atlas's question), else the first direction shown."""
    chosen = directions or vocab.codes(vocab.DIRECTIONS)
    return "to_russia" if "to_russia" in chosen else chosen[0]


def strongest(kinds: tuple[str, ...]) -> str:
    """The strongest of some kinds of support, by vocab.STRENGTH."""
    return min(kinds, key=vocab.STRENGTH.index)


def support_class(row: Mapping, direction: str = "to_russia") -> str:
    """Russia; the strongest kind shown in `direction`; 'other' when the country's shown facts
    are all in other directions; 'none' without facts."""
    if row["is_subject"]:
        return "subject"
    kinds = row[f"categories_{direction}"]
    if kinds:
        return strongest(kinds)
    return "other" if row["n_categories"] else "none"


def support_legend(
    profile: pd.DataFrame,
    directions: tuple[str, ...] | None = ("to_russia",),
    palette: Palette = PALETTE,
) -> tuple[pd.Series, Legend]:
    """Class per UN member for the support map, and its legend (empty classes left out): each
    country in the colour of the strongest kind of support documented for it, under the
    filters, in one direction (colour_direction), darkest for the strongest."""
    direction = colour_direction(directions)
    rows = profile[["is_subject", "n_categories", f"categories_{direction}"]].to_dict("index")
    classes = pd.Series(
        {code: support_class(row, direction) for code, row in rows.items()}, dtype=object
    )
    counts = classes.value_counts()
    order = ["subject", *vocab.STRENGTH, "other", "none"]
    label = {
        "subject": _("Russia"),
        "none": _(NO_SUPPORT_LABEL),
        "other": _(_OTHER_DIRECTION[direction]),
        **vocab.labels(vocab.CATEGORIES),
    }
    colour = {"subject": palette.subject, "none": palette.no_support}
    colour |= KIND_COLOURS | {"other": OTHER_DIRECTION_COLOUR}
    shown = [c for c in order if counts.get(c, 0) or c in ("subject", "none")]
    return classes, Legend(
        tuple(shown),
        tuple(label[c] for c in shown),
        tuple(colour[c] for c in shown),
        tuple(int(counts.get(c, 0)) for c in shown),
        _(_COLOUR_SAYS[direction]),
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
    line = "\n".join(
        [
            _("{period}: {tally}").format(period=tally.period.label, tally=tally.label),
            _("{counts} (of {total} votes)").format(counts=tally.counts_text(), total=tally.total),
        ]
    )
    if owner:
        return _("Part of {owner}; its votes, {line}").format(owner=owner, line=line)
    return line


# The profile's columns the support map's hover reads (with the country's "name").
HOVER_COLUMNS = ("name", "is_subject", "n_facts", "categories", "headline", "has_disputed")


def _details(row: Mapping) -> str:
    """Lines under a documented country's name, as text (the map never reads them as HTML)."""
    if row["is_subject"]:
        return _(_SUBJECT_LINE)
    kinds = ", ".join(vocab.labels(vocab.CATEGORIES)[c] for c in row["categories"])
    facts = words.facts(row["n_facts"])
    lines = [f"{kinds} · {facts}", _shorten(str(row["headline"]))]
    if row["has_disputed"]:
        lines.append("⚠ " + _("Includes disputed claims"))
    return "\n".join(lines)


def _shorten(text: str, limit: int = 90) -> str:
    """A headline cut at a word before `limit` characters, with an ellipsis when cut."""
    if len(text) <= limit:
        return text
    return text[: text.rfind(" ", 0, limit)].rstrip(",;:") + "…"


def map_data(
    order: list[str],
    classes: Mapping[str, int],
    hover: Mapping[str, str],
    legend: Legend,
    *,
    marked: Iterable[str] = (),
    dotted: Iterable[str] = (),
) -> dict:
    """What the map component needs to paint one view, kept small (it travels with a rerun).

    order is the shapes' codes in static/world.svg's order; classes gives each code's place in
    the legend (a shape with none is painted as the legend's last class); hover its lines.
    - classes: one character per shape, "0" for the legend's first class, "1" for the next...;
    - colours, labels and counts: the legend's, which the component draws, under its title
      (legend); a shape with no lines of its own shows its class label;
    - tips: the lines of every shape that has more to say than its class label;
    - marks: the codes that get a ⚠; dots: the classes whose tiny countries show as a dot.
    """
    last = len(legend.codes) - 1
    chars, tips = [], {}
    for code in order:
        k = classes.get(code, last)
        chars.append(chr(48 + k))
        text = hover.get(code, "")
        if text and text != legend.labels[k]:
            tips[code] = text
    return {
        "classes": "".join(chars),
        "colours": list(legend.colours),
        "labels": list(legend.labels),
        "counts": list(legend.counts),
        "legend": legend.title,
        "tips": tips,
        "marks": list(marked),
        "dots": [legend.codes.index(c) for c in dotted if c in legend.codes],
    }


def vote_hover(vote_label: str, symbol: str, *, owner: str | None = None) -> str:
    """Hover line on the vote map: the vote alone (the map's title names the resolution, and a
    line the same as its class's label is not sent at all: figures.map_data); owner names the
    sovereign whose vote a territory shows."""
    if owner:
        line = f"{symbol}: {vote_label}"
        return _("Part of {owner}; its vote on {line}").format(owner=owner, line=line)
    return vote_label


def territory_hover(sovereign: Mapping) -> str:
    """Hover lines for a territory on the support map: its sovereign's entry, said as such."""
    owner = str(sovereign["name"])
    if sovereign["is_subject"]:
        return _("Part of Russia")
    details = _(NO_SUPPORT_LABEL).lower() if not sovereign["n_facts"] else _details(sovereign)
    return _("Part of {owner}: {details}").format(owner=owner, details=details)


def support_hover(row: Mapping | None) -> str:
    """Lines on the support map, under the country's name, as text."""
    if row is None:
        return _("Not a UN member; {none}").format(none=_(NO_SUPPORT_LABEL).lower())
    if row["is_subject"]:
        return _(_SUBJECT_LINE)
    if not row["n_facts"]:
        return _(NO_SUPPORT_LABEL)
    return _details(row)
