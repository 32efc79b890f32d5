"""What the map page shows for one state of its controls, computed in one pure function."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go

from partners import figures, present, profile
from partners.load import Atlas


@dataclass(frozen=True)
class MapState:
    """The map page's controls: hashable, so a view can be cached by it."""

    view: str  # "support" or "vote"
    symbol: str  # the resolution shown in the vote view
    categories: tuple[str, ...]
    directions: tuple[str, ...]
    evidence: tuple[str, ...]

    @property
    def filters(self) -> profile.Filters:
        return profile.Filters(self.categories, self.directions, self.evidence)


@dataclass(frozen=True)
class MapView:
    """Everything the map page renders for one MapState; read-only once built."""

    figure: go.Figure
    table: pd.DataFrame
    facts_csv: bytes
    n_partners: int
    n_facts: int
    n_disputed: int


def build_map_view(atlas: Atlas, index: pd.DataFrame, state: MapState) -> MapView:
    """The figure, the table, the CSV of the facts behind the map and the counts."""
    table = profile.build_profile(
        atlas.facts, atlas.countries, atlas.votes, atlas.resolutions, state.filters
    )
    resolutions = atlas.resolutions.set_index("symbol")
    vote_column = profile.vote_columns(atlas.resolutions)[state.symbol]
    if state.view == "vote":
        classes, legend = figures.vote_legend(table, vote_column)
        row = resolutions.loc[state.symbol]
        title = f"Vote on {state.symbol}, {row['adopted']}: {row['short_title']}"
        marks = []
    else:
        classes, legend = figures.support_legend(table)
        title = "Kinds of support documented (of those selected)"
        # ⚠ marks the countries whose shown facts include disputed ones.
        marks = list(index.loc[table.index[table["has_disputed"]], "point"])
    non_members = index[~index["member"]][["name"]]
    figure = figures.world_map(table, non_members, classes, legend, title=title, marks=marks)
    shown = state.filters.apply(atlas.facts)
    return MapView(
        figure=figure,
        table=present.map_table(table, vote_column if state.view == "vote" else None),
        facts_csv=present.facts_table(shown, index["name"]).to_csv(index=False).encode("utf-8"),
        n_partners=int(((table["n_facts"] > 0) & ~table["is_subject"]).sum()),
        n_facts=len(shown),
        n_disputed=int((shown["evidence"] == "disputed").sum()),
    )
