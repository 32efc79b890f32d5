"""The Votes and actions chart: every member placed by how it voted in a period, the countries
with documented support named and coloured as on the support map."""

from __future__ import annotations

import html

import pandas as pd
import plotly.graph_objects as go

from partners import words
from partners.figures import PALETTE, SUPPORT_COLOURS, Legend
from partners.i18n import _

_LABEL_GREY = "#6b7280"


def _group_hover(names: list[str], head: str, most: int = 12) -> str:
    """A dot's hover: what its members share, then their names (the first `most` of them)."""
    shown = ", ".join(html.escape(n) for n in names[:most])
    more = " " + _("and {n} more").format(n=len(names) - most) if len(names) > most else ""
    return f"{head}<br>{shown}{more}"


def _label_lines(names: list[str], per_line: int = 2) -> list[str]:
    """The names of the countries at one dot, two to a line: a short stack, narrow enough for
    a phone."""
    return [", ".join(names[i : i + per_line]) for i in range(0, len(names), per_line)]


def _label_position(x: float, y: float, lines: int) -> str:
    """Where a dot's names go: on the side away from the nearer edge; beside the dot, unless a
    stack of three lines or more would run over the top or the bottom edge, when it grows away
    from that edge instead, so that no name is cut off."""
    vertical = "middle"
    if lines >= 3:
        vertical = "top" if y < 25 else "bottom" if y > 75 else "middle"
    return f"{vertical} {'right' if x < 25 else 'left'}"


def _clear_spot_on_diagonal(xs: pd.Series) -> float:
    """Where on the diagonal (between 20% and 80%) its label stands farthest from the dots on
    or near it (xs): those are members that never voted against Russia, wherever they fall."""
    taken = set(xs)
    candidates = range(20, 81, 2)
    return max(candidates, key=lambda c: min((abs(c - x) for x in taken), default=100))


def _diagonal(figure: go.Figure, placed: pd.DataFrame) -> None:
    """The dotted diagonal of members that never voted against Russia, labelled where it is
    clear of dots (the corner at the origin is always against Russia)."""
    figure.add_trace(
        go.Scatter(
            x=[0, 100],
            y=[100, 0],
            mode="lines",
            line=dict(color=PALETTE.border, width=1, dash="dot"),
            hoverinfo="skip",
        )
    )
    near_line = (placed["x"] + placed["y"] - 100).abs() < 15
    along = _clear_spot_on_diagonal(placed.loc[near_line, "x"])
    figure.add_annotation(
        x=along,
        y=100 - along,
        text=_("never against Russia"),
        showarrow=False,
        textangle=-38,
        yshift=14,
        font=dict(size=11, color=_LABEL_GREY),
    )


def _named_dot(members: pd.DataFrame, x: float, y: float, period_label: str) -> dict:
    """A dot of countries with documented support: coloured by the most kinds any has, named."""
    most = int(members["n_kinds"].max())
    lines = _label_lines(list(members["short_name"]))
    hover = "<br>".join(
        f"<b>{html.escape(n)}</b>: {words.kinds_of_support(k)}; {period_label}: {html.escape(c)}"
        for n, k, c in zip(members["name"], members["n_kinds"], members["counts"], strict=True)
    )
    return {
        "size": 14,
        "colour": SUPPORT_COLOURS[min(most, len(SUPPORT_COLOURS)) - 1],
        "label": "<br>".join(lines),
        "position": _label_position(x, y, len(lines)),
        "hover": hover,
    }


def _grey_dot(members: pd.DataFrame, x: float, y: float, period_label: str) -> dict:
    """A dot of other members, sized by how many voted alike there."""
    # Members at one place voted in the same shares, not always the same counts.
    alike = members["counts"].nunique() == 1
    what = (
        html.escape(members["counts"].iloc[0])
        if alike
        else _("{x}% of votes cast with Russia, {y}% abstentions").format(
            x=f"{x:.0f}", y=f"{y:.0f}"
        )
    )
    head = f"{period_label}: {what}"
    if len(members) > 1:
        together = (
            _("<b>{n} members</b>, each {what}") if alike else _("<b>{n} members</b>, {what}")
        )
        head = together.format(n=len(members), what=head)
    return {
        "size": 6 + 2.2 * len(members) ** 0.5,
        "colour": PALETTE.no_support,
        "label": "",
        "position": _label_position(x, y, 1),
        "hover": _group_hover(list(members["name"]), head),
    }


def _dots(part: pd.DataFrame, named: bool, period_label: str) -> go.Scatter:
    """One trace of dots, members at the same place sharing one; customdata is the ISO3 code
    of a dot that stands for one country, else ''."""
    dot = _named_dot if named else _grey_dot
    places, dots, codes = [], [], []
    for (x, y), members in part.groupby(["x", "y"], sort=True):
        members = members.sort_values(["n_kinds", "name"], ascending=[False, True])
        places.append((x, y))
        dots.append(dot(members, x, y, period_label))
        codes.append(members.index[0] if len(members) == 1 else "")
    return go.Scatter(
        x=[x for x, _ in places],
        y=[y for _, y in places],
        mode="markers+text" if named else "markers",
        marker=dict(
            size=[d["size"] for d in dots],
            color=[d["colour"] for d in dots],
            line=dict(width=1 if named else 0.5, color="#111111" if named else _LABEL_GREY),
        ),
        text=[d["label"] for d in dots],
        textposition=[d["position"] for d in dots],
        customdata=codes,
        hovertext=[d["hover"] for d in dots],
        hovertemplate="%{hovertext}<extra></extra>",
        name=_("Countries with documented support") if named else _("Other members"),
    )


def votes_actions(table: pd.DataFrame, *, period_label: str, height: int = 460) -> go.Figure:
    """Every member that cast a vote in a period (table from partners.actions.frame), placed by
    the share of its votes cast that were with Russia (x) and abstentions (y); the rest were
    against Russia. Members at the same place share one dot, sized by how many they are; the
    countries with documented support are coloured as on the support map and named."""
    placed = table[table["share"].notna()].assign(
        x=lambda t: (100 * t["with"] / t["present"]).round(1),
        y=lambda t: (100 * t["abstained"] / t["present"]).round(1),
    )
    figure = go.Figure()
    _diagonal(figure, placed)
    for named in (False, True):
        figure.add_trace(_dots(placed[placed["documented"] == named], named, period_label))
    figure.update_xaxes(
        title=_("Votes with Russia, {period} (% of votes cast)").format(period=period_label),
        range=[-6, 106],
        ticksuffix="%",
        zeroline=False,
    )
    # A little more room below and above than beside: a stack of two names centred on a dot at
    # 0% or 100% fits inside the plot.
    figure.update_yaxes(
        title=_("Abstentions (% of votes cast)"), range=[-9, 109], ticksuffix="%", zeroline=False
    )
    figure.update_layout(
        template="none",
        height=height,
        margin=dict(l=60, r=10, t=10, b=50),
        showlegend=False,
        paper_bgcolor="rgba(0,0,0,0)",
        plot_bgcolor="rgba(0,0,0,0)",
        dragmode=False,
        clickmode="event+select",
    )
    return figure


def legend(table: pd.DataFrame, period_label: str) -> Legend:
    """The chart's colours, as the map's legend reads: the members placed with support
    documented in the period, by how many kinds (a shared dot takes the most kinds any member in
    it has), and the grey of the other members placed; counts are members, not dots."""
    placed = table[table["share"].notna()]
    kinds = placed.loc[placed["documented"], "n_kinds"].value_counts()
    shown = [n for n in range(len(SUPPORT_COLOURS), 0, -1) if kinds.get(n, 0)]
    return Legend(
        (*(str(n) for n in shown), "none"),
        (
            *(words.kinds_of_support(n) for n in shown),
            _("No support documented in {period}").format(period=period_label),
        ),
        (*(SUPPORT_COLOURS[n - 1] for n in shown), PALETTE.no_support),
        (*(int(kinds[n]) for n in shown), int((~placed["documented"]).sum())),
    )
